import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { GENEROUS_TEST_LIMITS } from "../../src/server/test-support/test-limits.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type GroveServer = {
  baseUrl: string;
  dataDir: string;
  /**
   * Moves the server's clock forward to `time` (with `testClock`; see support/test-clock.mjs).
   * Move the browsers' clocks with it (BrowserContext.clock) so both sides agree.
   */
  moveClockTo(time: Date): Promise<void>;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
};

/**
 * Starts the real server (`node bin/grove.js serve`) on a free port with a fresh data
 * directory. Mail goes to <dataDir>/mail/*.eml because GROVE_SMTP_URL is left unset.
 * With DATABASE_URL set, the server gets a brand-new PostgreSQL database that is
 * dropped again on stop.
 */
export async function startGroveServer(options: { testClock?: boolean } = {}): Promise<GroveServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "grove-e2e-"));
  const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : null;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    GROVE_DATA_DIR: dataDir,
    GROVE_BASE_URL: baseUrl,
    GROVE_LOG_LEVEL: "warn",
    // Every browser in a test shares 127.0.0.1: no test may trip the request limits by accident.
    ...GENEROUS_TEST_LIMITS,
  };
  delete env.GROVE_SMTP_URL;
  delete env.DATABASE_URL;
  if (database) env.DATABASE_URL = database.url;

  const clockHook = options.testClock ? ["--import", pathToFileURL(path.join(repoRoot, "e2e/support/test-clock.mjs")).href] : [];
  const child = spawn(process.execPath, [...clockHook, path.join(repoRoot, "bin/grove.js"), "serve"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe", ...(options.testClock ? (["ipc"] as const) : [])],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const stop = async () => {
    await terminate(child);
    await fs.rm(dataDir, { recursive: true, force: true });
    if (database) await database.drop();
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const moveClockTo = async (time: Date) => {
    if (!options.testClock) throw new Error("start the server with { testClock: true } to move its clock");
    const offset = time.getTime() - Date.now();
    const set = new Promise<void>((resolve) => {
      const onMessage = (m: unknown) => {
        if (typeof (m as { groveTestClockSet?: number })?.groveTestClockSet !== "number") return;
        child.off("message", onMessage);
        resolve();
      };
      child.on("message", onMessage);
    });
    child.send({ groveTestClock: offset });
    await set;
  };
  return { baseUrl, dataDir, output: () => output, stop, moveClockTo };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  // The server runs the compiled build (the e2e global setup builds what is stale); a new data directory is unpacked from the build's template.
  const deadline = Date.now() + 170_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`grove serve exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`grove serve did not become healthy in time:\n${output()}`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `grove_e2e_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
