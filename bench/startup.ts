/**
 * How fast Grove starts and how small it idles, as an operator meets it: real `grove`
 * processes from the compiled build (dist/), timed from outside. Prints figures; asserts nothing.
 *
 *   npx tsx bench/startup.ts [--runs N] [--idle-seconds S] [--skip-postgres] [--checkout DIR]
 *
 * - CLI: wall time of `node -e 0` (the floor), `grove version`, `grove --help` and
 *   `grove match solve` of a small problem file; median of N runs (default 5), and each
 *   command's ratio to the floor. Targets: version and --help within 3x, match solve < 0.5 s.
 * - serve: time from spawning `grove serve` to the first 200 from GET /api/health, on a new
 *   data directory (a cluster is created and migrated) and on an existing one (a restart);
 *   then the resident memory (VmRSS) after S seconds idle (default 5) and the peak (VmHWM).
 *   The same on PostgreSQL (a new empty database, then a restart) when DATABASE_URL is set
 *   (or postgres://postgres@127.0.0.1:5432/postgres answers). Median of N runs (default 3).
 *   Targets: healthy within 5 s new / 3 s existing; idle RSS under 300 MB (PGlite) and
 *   150 MB (PostgreSQL).
 *
 * --checkout times another checkout's `bin/grove.js` instead (an older version, to compare);
 * it is used as it is, not built.
 *
 * The machine must be quiet for the figures to mean anything: run nothing else meanwhile.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureBuilt } from "../scripts/build.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const checkoutAt = process.argv.indexOf("--checkout");
const root = checkoutAt >= 0 ? path.resolve(process.argv[checkoutAt + 1]) : here;
const bin = path.join(root, "bin/grove.js");

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const cliRuns = flag("--runs", 5);
const serveRuns = flag("--runs", 3);
const idleSeconds = flag("--idle-seconds", 5);
const skipPostgres = process.argv.includes("--skip-postgres");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const mib = (kb: number) => `${Math.round(kb / 1024)} MB`;

/** Environment without the caller's Grove settings, so a figure never depends on the shell it ran in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GROVE_") && k !== "DATABASE_URL" && k !== "PORT") env[k] = v;
  return { ...env, GROVE_LOG_LEVEL: "warn", ...extra };
}

function timeCommand(args: string[]): number {
  const started = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { cwd: root, env: cleanEnv({}), stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 0) throw new Error(`${args.join(" ")} failed: ${res.stderr}`);
  return ms;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function memory(pid: number): { rssKb: number; peakKb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssKb: field("VmRSS"), peakKb: field("VmHWM") };
}

/** One `grove serve`: milliseconds to healthy, then memory after idling. */
async function serveOnce(env: Record<string, string>): Promise<{ readyMs: number; rssKb: number; peakKb: number }> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, "serve"], {
    cwd: root,
    env: cleanEnv({ ...env, PORT: String(port), HOST: "127.0.0.1" }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`grove serve exited: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    return { readyMs, ...memory(child.pid as number) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

async function postgresAdminUrl(): Promise<string | undefined> {
  if (skipPostgres) return undefined;
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

async function withAdmin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Row = { what: string; readyMs: number[]; rssKb: number[]; peakKb: number[] };

function printServe(rows: Row[]) {
  console.log(`\ngrove serve (median of ${serveRuns}; memory after ${idleSeconds} s idle)`);
  for (const r of rows) {
    console.log(
      `  ${r.what.padEnd(34)} healthy ${seconds(median(r.readyMs)).padStart(9)}   idle RSS ${mib(median(r.rssKb)).padStart(7)}   peak ${mib(median(r.peakKb)).padStart(7)}`,
    );
  }
}

async function main() {
  if (root === here) await ensureBuilt({ log: (m: string) => console.log(m) });
  console.log(`${bin}: Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);

  const problemDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-"));
  const problem = path.join(problemDir, "problem.json");
  fs.writeFileSync(
    problem,
    JSON.stringify({
      mentees: ["e1", "e2", "e3", "e4"],
      mentors: [
        { id: "m1", capacity: 2 },
        { id: "m2", capacity: 1 },
      ],
      edges: [
        [0, 0, 80],
        [1, 0, 70],
        [1, 1, 90],
        [2, 1, 60],
        [3, 0, 40],
      ],
    }),
  );
  const cli: [string, string[]][] = [
    ["node -e 0", ["-e", "0"]],
    ["grove version", [bin, "version"]],
    ["grove --help", [bin, "--help"]],
    ["grove match solve (4 mentees)", [bin, "match", "solve", problem]],
  ];
  for (const [, args] of cli) timeCommand(args); // warm the file cache
  console.log(`\nCLI (wall time, median of ${cliRuns})`);
  let floor = 0;
  for (const [what, args] of cli) {
    const ms = median(Array.from({ length: cliRuns }, () => timeCommand(args)));
    if (!floor) floor = ms;
    console.log(`  ${what.padEnd(34)} ${seconds(ms).padStart(9)}   ${(ms / floor).toFixed(2)}x node -e 0`);
  }

  const rows: Row[] = [];
  const pglite: Row = { what: "PGlite, new data directory", readyMs: [], rssKb: [], peakKb: [] };
  const pgliteAgain: Row = { what: "PGlite, existing data directory", readyMs: [], rssKb: [], peakKb: [] };
  for (let i = 0; i < serveRuns; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-data-"));
    try {
      for (const row of [pglite, pgliteAgain]) {
        const r = await serveOnce({ GROVE_DATA_DIR: dataDir });
        row.readyMs.push(r.readyMs);
        row.rssKb.push(r.rssKb);
        row.peakKb.push(r.peakKb);
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  rows.push(pglite, pgliteAgain);

  const admin = await postgresAdminUrl();
  if (admin) {
    const fresh: Row = { what: "PostgreSQL, new database", readyMs: [], rssKb: [], peakKb: [] };
    const again: Row = { what: "PostgreSQL, existing database", readyMs: [], rssKb: [], peakKb: [] };
    for (let i = 0; i < serveRuns; i++) {
      const name = `grove_bench_${randomBytes(4).toString("hex")}`;
      await withAdmin(admin, `create database ${name}`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-data-"));
      try {
        for (const row of [fresh, again]) {
          const r = await serveOnce({ DATABASE_URL: url.toString(), GROVE_DATA_DIR: dataDir });
          row.readyMs.push(r.readyMs);
          row.rssKb.push(r.rssKb);
          row.peakKb.push(r.peakKb);
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
        await withAdmin(admin, `drop database if exists ${name} with (force)`);
      }
    }
    rows.push(fresh, again);
  } else {
    console.log("\n(PostgreSQL skipped: set DATABASE_URL to a server this user may create databases on)");
  }
  printServe(rows);
  fs.rmSync(problemDir, { recursive: true, force: true });
}

await main();
