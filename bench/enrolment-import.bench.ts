/**
 * CSV import of participants, end to end: parse, validate against the forms, write users,
 * enrolments, memberships, set-password links and welcome-email jobs in one transaction.
 * Prints figures; asserts nothing. Target: 10,000 rows in under 10 s.
 *
 *   npx tsx bench/enrolment-import.bench.ts [n=10000] [--memory] [--trace]
 *
 * The database is PGlite in a temporary directory, as `grove serve` runs it (--memory: in
 * memory). --trace times every SQL statement the import sends and prints the slowest kinds.
 * PGlite runs in this process, so "cpu" covers the database too: on a shared machine it is
 * the steadier figure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cohortCsv } from "../src/core/demo/cohort-csv.js";
import { generateCohort } from "../src/core/demo/generate-cohort.js";
import { importParticipants } from "../src/server/modules/enrolment/import-participants.js";
import { createProgramme } from "../src/server/modules/programmes/create-programme.js";
import { createUser } from "../src/server/modules/users/create-user.js";
import type { Principal } from "../src/server/platform/auth/principal.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { openDatabase } from "../src/server/platform/db.js";
import { createLogger } from "../src/server/platform/logger.js";
import { createMailer } from "../src/server/platform/mail.js";

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const inMemory = args.includes("--memory");
const trace = args.includes("--trace");

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-import-"));
try {
  const t0 = performance.now();
  const database = await openDatabase(inMemory ? { driver: "pglite" } : { driver: "pglite", dataDir: path.join(dataDir, "db") });
  await database.migrate();
  const config = loadConfig({ GROVE_DATA_DIR: dataDir, GROVE_BASE_URL: "http://grove.bench" });
  const logger = createLogger("warn");
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    mailer: createMailer({ from: config.mailFrom, dataDir, logger }),
    logger,
    version: "bench",
    startedAt: Date.now(),
  };
  const admin = await createUser(database.db, {
    email: "bench@example.org",
    name: "Bench Admin",
    password: "a long bench password",
    isAdmin: true,
  });
  const principal: Principal = { user: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true }, via: "token" };
  const programme = await createProgramme(database.db, principal, {
    name: "Import benchmark",
    type: "mentoring",
    description: "",
    cadence: "weekly",
    sessionMinutes: 60,
  });
  console.log(`PGlite ${inMemory ? "in memory" : `in ${dataDir}`}: created and migrated in ${seconds(performance.now() - t0)} s`);

  const t1 = performance.now();
  const csv = cohortCsv(generateCohort({ size: n, seed: 1 }));
  console.log(`generated ${n} participants with full answers (${mb(csv.length)} of CSV) in ${seconds(performance.now() - t1)} s`);

  const statements = trace ? traceStatements(database.db) : undefined;
  const run = async (label: string, dryRun: boolean) => {
    statements?.clear();
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const report = await importParticipants(ctx, principal, programme.id, csv, dryRun);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const { errors, ...counts } = report;
    console.log(
      `${label.padEnd(22)} ${String(report.rows).padStart(6)} rows in ${seconds(ms).padStart(6)} s ` +
        `(cpu ${seconds((cpu.user + cpu.system) / 1000).padStart(6)} s) = ` +
        `${Math.round(report.rows / (ms / 1000))
          .toString()
          .padStart(6)} rows/s  ${JSON.stringify(counts)}${errors.length ? ` ERRORS: ${JSON.stringify(errors.slice(0, 3))}` : ""}` +
        `  RSS ${mb(process.memoryUsage().rss)}`,
    );
    if (statements) printStatements(statements, ms);
  };
  await run("dry run (validate)", true);
  await run("import (all new)", false);
  await run("re-import (unchanged)", false);
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
  await database.close();
  ctx.mailer.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

type Timing = { count: number; ms: number };

/**
 * Wraps the PGlite client's query methods, and those of every transaction it opens, to
 * total the time per kind of statement.
 */
function traceStatements(db: unknown): Map<string, Timing> {
  type Queryable = Record<string, (...a: unknown[]) => Promise<unknown>>;
  const timings = new Map<string, Timing>();
  const wrap = (target: Queryable) => {
    for (const method of ["query", "exec"]) {
      const original = target[method].bind(target);
      target[method] = async (...a: unknown[]) => {
        const started = performance.now();
        try {
          return await original(...a);
        } finally {
          // Statements of one kind differ only in their parameter lists: key on the first words.
          const key = String(a[0]).replace(/\s+/g, " ").trim().slice(0, 100);
          const t = timings.get(key) ?? { count: 0, ms: 0 };
          t.count++;
          t.ms += performance.now() - started;
          timings.set(key, t);
        }
      };
    }
    return target;
  };
  const client = wrap((db as { $client: Queryable }).$client);
  const transaction = client.transaction.bind(client);
  client.transaction = (fn: unknown) => transaction((tx: Queryable) => (fn as (t: Queryable) => unknown)(wrap(tx)));
  return timings;
}

function printStatements(timings: Map<string, Timing>, totalMs: number) {
  const sqlMs = [...timings.values()].reduce((s, t) => s + t.ms, 0);
  console.log(`    SQL ${seconds(sqlMs)} s of ${seconds(totalMs)} s (the rest is JavaScript: parsing, validation, building statements)`);
  for (const [key, t] of [...timings].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
    console.log(`    ${seconds(t.ms).padStart(6)} s  ${String(t.count).padStart(5)}x  ${key}`);
  }
}
