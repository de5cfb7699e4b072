/**
 * The coordinator's participant directory under load: 10,000 imported participants (the demo
 * generator at that size, with pending, waitlisted and partly trained people), then 200
 * filtered, sorted, paginated page requests through the real HTTP app. Prints figures;
 * asserts nothing. Target: p95 under 100 ms.
 *
 *   npx tsx bench/directory.bench.ts [n=10000] [--analyze] [--explain] [--shared-buffers 16MB]
 *
 * Requests go through buildApp + app.inject: routing, session lookup, validation, the
 * queries, response serialisation and request logging (at info, to a discarded stream) all
 * count; only the TCP socket is skipped. Each figure is process.hrtime around one inject,
 * after 10 warm-up requests. The database is PGlite in a temporary directory, as `grove serve`
 * runs it. --explain prints EXPLAIN ANALYZE of the slowest request's statements.
 *
 * PGlite has no autovacuum, so nothing ever gathers planner statistics: without --analyze
 * the planner guesses row counts, as every PGlite install does today. --analyze runs
 * ANALYZE after the import, as a PostgreSQL server's autovacuum soon would.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { type Random, seededRandom } from "../src/core/demo/random.js";
import { buildApp } from "../src/server/app.js";
import { users } from "../src/server/modules/accounts/tables.js";
import { loadDemo } from "../src/server/modules/demo/load-demo.js";
import type { Principal } from "../src/server/platform/auth/principal.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { openDatabase } from "../src/server/platform/db.js";
import { createLogger } from "../src/server/platform/logger.js";
import { createMailer } from "../src/server/platform/mail.js";

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const explain = args.includes("--explain");
const analyze = args.includes("--analyze");
// PGlite's shared_buffers, as GROVE_PGLITE_SHARED_BUFFERS sets it for grove serve (default 16MB).
const sharedBuffers = args.includes("--shared-buffers") ? args[args.indexOf("--shared-buffers") + 1] : "16MB";
const REQUESTS = 200;
const WARM_UP = 10;

const ms = (x: number) => x.toFixed(1);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** One directory query a coordinator might plausibly make: one to three filters, a sort, a page. */
function randomQuery(random: Random): { shape: string; query: string } {
  const filters: [string, string][] = [];
  const options: (() => [string, string])[] = [
    () => ["role", random.pick(["mentor", "mentee"])],
    () => ["status", random.pick(["approved", "applied", "waitlisted"])],
    () => ["skill", random.pick(["React", "Go", "Python", "Kubernetes", "Technical Leadership", "SQL"])],
    () => ["timezone", random.pick(["Europe/", "America/", "Asia/", "Africa/Lagos", "Europe/Berlin"])],
    () => ["training", random.pick(["done", "not_done"])],
    () => ["q", random.pick(["an", "okafor", "priya", "example", "lee"])],
  ];
  for (const option of random.sample(options, random.int(1, 3))) filters.push(option());
  const sort = random.pick(["name", "experience", "applied"]);
  const order = random.pick(["asc", "desc"]);
  const offset = random.pick([0, 0, 0, 50, 200, 1000]);
  const params = new URLSearchParams([...filters, ["sort", sort], ["order", order], ["limit", "50"], ["offset", String(offset)]]);
  return { shape: `${filters.map(([k]) => k).join("+")} by ${sort}`, query: params.toString() };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-directory-"));
try {
  const t0 = performance.now();
  const database = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "db"), memory: { sharedBuffers } });
  await database.migrate();
  const config = loadConfig({ GROVE_DATA_DIR: dataDir, GROVE_BASE_URL: "http://grove.bench" });
  console.log(`PGlite shared_buffers ${sharedBuffers}`);
  const logger = createLogger("info", new Writable({ write: (_chunk, _enc, done) => done() }));
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    mailer: createMailer({ from: config.mailFrom, dataDir, logger }),
    logger,
    version: "bench",
    startedAt: Date.now(),
  };
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  const setup = await app.inject({
    method: "POST",
    url: "/api/setup",
    payload: { email: "bench@example.org", name: "Bench Admin", password: "a long bench password" },
  });
  const cookie = setup.cookies.find((c) => c.name === "grove_session")?.value;
  if (setup.statusCode !== 201 || !cookie) throw new Error(`setup failed: ${setup.statusCode} ${setup.body}`);
  const [admin] = await database.db.select().from(users).where(eq(users.email, "bench@example.org"));
  const principal: Principal = { user: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true }, via: "session" };
  console.log(`PGlite in ${dataDir}: ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const t1 = performance.now();
  const demo = await loadDemo(ctx, principal, { size: n, seed: 1 });
  console.log(
    `${n} participants imported and given statuses and training (${demo.pending} pending, ${demo.waitlisted} waitlisted) ` +
      `in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );

  if (analyze) {
    const started = performance.now();
    await database.db.execute(sql`analyze`);
    console.log(`ANALYZE in ${ms(performance.now() - started)} ms`);
  }

  const statements = explain ? traceStatements(database.db) : undefined;
  const random = seededRandom(7);
  const results: { ms: number; shape: string; query: string; total: number; sql?: Statement[] }[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const { shape, query } = randomQuery(random);
    if (statements) statements.length = 0;
    const started = process.hrtime.bigint();
    const res = await app.inject({
      method: "GET",
      url: `/api/programmes/${demo.programmeId}/enrolments?${query}`,
      cookies: { grove_session: cookie },
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    if (i >= WARM_UP) results.push({ ms: elapsed, shape, query, total: res.json().total, sql: statements && [...statements] });
  }

  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `${REQUESTS} directory pages (limit 50): p50 ${ms(percentile(sorted, 50))} ms, p95 ${ms(percentile(sorted, 95))} ms, ` +
      `max ${ms(sorted[sorted.length - 1])} ms; RSS ${mb(process.memoryUsage().rss)}`,
  );
  const byShape = new Map<string, number[]>();
  for (const r of results) {
    for (const part of [
      ...r.shape
        .split(" by ")[0]
        .split("+")
        .map((f) => `filter ${f}`),
      `sort ${r.shape.split(" by ")[1]}`,
    ]) {
      byShape.set(part, [...(byShape.get(part) ?? []), r.ms]);
    }
  }
  console.log("by filter and sort (requests combine several filters):");
  for (const [shape, times] of [...byShape].sort(([a], [b]) => a.localeCompare(b))) {
    const s = [...times].sort((a, b) => a - b);
    console.log(
      `  ${shape.padEnd(18)} ${String(s.length).padStart(4)} requests  p50 ${ms(percentile(s, 50)).padStart(6)} ms  p95 ${ms(percentile(s, 95)).padStart(6)} ms`,
    );
  }
  console.log("slowest:");
  const slowest = [...results].sort((a, b) => b.ms - a.ms);
  for (const r of slowest.slice(0, 5)) console.log(`  ${ms(r.ms).padStart(6)} ms  ${r.total} matches  ${r.query}`);
  if (explain && slowest[0].sql) await explainStatements(database.db, slowest[0].sql);

  await app.close();
  ctx.mailer.close();
  await database.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

type Statement = { text: string; params: unknown[]; ms: number };
type Queryable = Record<string, (...a: unknown[]) => Promise<unknown>>;

/** Records every statement sent through the PGlite client, with its parameters and time. */
function traceStatements(db: unknown): Statement[] {
  const client = (db as { $client: Queryable }).$client;
  const seen: Statement[] = [];
  const query = client.query.bind(client);
  client.query = async (...a: unknown[]) => {
    const started = performance.now();
    try {
      return await query(...a);
    } finally {
      seen.push({ text: String(a[0]), params: (a[1] as unknown[]) ?? [], ms: performance.now() - started });
    }
  };
  return seen;
}

async function explainStatements(db: unknown, statements: Statement[]) {
  const client = (db as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, string>[] }> } }).$client;
  for (const s of [...statements].sort((a, b) => b.ms - a.ms).slice(0, 2)) {
    console.log(`\n${ms(s.ms)} ms: ${s.text}\nparams: ${JSON.stringify(s.params)}`);
    const plan = await client.query(`explain (analyze, buffers) ${s.text}`, s.params);
    for (const row of plan.rows) console.log(`  ${Object.values(row)[0]}`);
  }
}
