import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GENEROUS_TEST_LIMITS } from "./test-limits.js";

/** The repository root: bin/grove.js is resolved from here and children run with it as cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const groveBin = path.join(repoRoot, "bin/grove.js");

export type GroveEnv = Record<string, string | undefined>;
export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type SpawnedGrove = {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  child: ChildProcess;
  /** stdout and stderr so far, interleaved in arrival order. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves once the process has exited (never rejects). */
  exited: Promise<Exit>;
  /** Resolves when the output contains `pattern` (checked on what is already there too). */
  waitForOutput(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code (null when the signal killed it). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
};

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: a test worker that dies must not leave servers behind.
  process.once("exit", () => {
    for (const child of live) {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  });
}

/** A TCP port nobody listens on right now (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The child's environment: the test runner's own, minus every Grove setting (DATABASE_URL
 * included, so a PostgreSQL run does not leak into a test that means PGlite), plus `env`.
 */
export function childEnv(env: GroveEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("GROVE_") || k === "DATABASE_URL" || k === "PORT" || k === "HOST") continue;
    base[k] = v;
  }
  Object.assign(base, GENEROUS_TEST_LIMITS);
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

/** Fails with the output when a process does not report what a test waits for. */
export class GroveProcessError extends Error {}

type Started = {
  child: ChildProcess;
  output(): string;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  waitForOutput(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
};

function start(args: string[], env: GroveEnv, stdin?: string): Started {
  installExitHook();
  const child = spawn(process.execPath, [groveBin, ...args], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  live.add(child);
  let all = "";
  let out = "";
  let err = "";
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    out += chunk;
    all += chunk;
    notify();
  });
  child.stderr?.on("data", (chunk: string) => {
    err += chunk;
    all += chunk;
    notify();
  });
  let done: Exit | undefined;
  // "close" (not "exit") so every byte of output has been read by then.
  const exited = new Promise<Exit>((resolve) => {
    child.once("error", (e) => {
      all += `\n[spawn error] ${e.message}\n`;
      done = { code: null, signal: null };
      live.delete(child);
      resolve(done);
      notify();
    });
    child.once("close", (code, signal) => {
      done = { code, signal };
      live.delete(child);
      resolve(done);
      notify();
    });
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  else child.stdin?.end();

  const waitForOutput = (pattern: string | RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const matches = () => (typeof pattern === "string" ? all.includes(pattern) : pattern.test(all));
      let timer: NodeJS.Timeout | undefined;
      const check = () => {
        if (matches()) {
          finish();
          resolve();
        } else if (done) {
          finish();
          reject(new GroveProcessError(`process exited (${JSON.stringify(done)}) before printing ${pattern}. Output:\n${all}`));
        }
      };
      const finish = () => {
        waiters.delete(check);
        if (timer) clearTimeout(timer);
      };
      timer = setTimeout(() => {
        finish();
        reject(new GroveProcessError(`no ${pattern} in the output after ${timeoutMs} ms. Output:\n${all}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return { child, output: () => all, stdout: () => out, stderr: () => err, exited, waitForOutput };
}

/** Sends a signal and waits for the exit; a process ignoring it is SIGKILLed after timeoutMs and the call fails. */
async function stopChild(p: Started, signal: NodeJS.Signals, timeoutMs: number): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return (await p.exited).code;
  p.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const result = await Promise.race([p.exited, timedOut]);
  if (timer) clearTimeout(timer);
  if (result === "timeout") {
    p.child.kill("SIGKILL");
    await p.exited;
    throw new GroveProcessError(`process ${p.child.pid} did not exit within ${timeoutMs} ms of ${signal}. Output:\n${p.output()}`);
  }
  return result.code;
}

export type SpawnOptions = {
  /** How long to wait for GET /api/health to answer 200. */
  readyTimeoutMs?: number;
  /** Extra arguments after `serve`. */
  args?: string[];
};

/**
 * Starts `grove serve` (the compiled build: bin/grove.js runs dist/server) as a real process on a free port, with the test runner's
 * environment stripped of Grove settings plus `env`, and waits until /api/health is 200.
 * Fails with everything the process printed if it exits or is not ready in time.
 */
export async function spawnGrove(env: GroveEnv, options: SpawnOptions = {}): Promise<SpawnedGrove> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const p = start(["serve", ...(options.args ?? [])], {
    HOST: "127.0.0.1",
    GROVE_LOG_LEVEL: "info",
    GROVE_BASE_URL: url,
    ...env,
    PORT: String(port),
  });
  const handle: SpawnedGrove = {
    url,
    port,
    child: p.child,
    output: p.output,
    stdout: p.stdout,
    stderr: p.stderr,
    exited: p.exited,
    waitForOutput: p.waitForOutput,
    stop: (signal = "SIGTERM", timeoutMs = 30_000) => stopChild(p, signal, timeoutMs),
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let exit: Exit | undefined;
  p.exited.then((e) => {
    exit = e;
  });
  let last = "no answer yet";
  while (true) {
    if (exit) throw new GroveProcessError(`grove serve exited (${JSON.stringify(exit)}) before it was ready. Output:\n${p.output()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) return handle;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) {
      p.child.kill("SIGKILL");
      await p.exited;
      throw new GroveProcessError(`grove serve was not healthy at ${url} within the timeout (last: ${last}). Output:\n${p.output()}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export type CliResult = Exit & { stdout: string; stderr: string; output: string };

/** Runs one `grove …` command to completion (SIGKILLed and failed after timeoutMs). */
export async function runGrove(
  args: string[],
  env: GroveEnv = {},
  options: { timeoutMs?: number; stdin?: string } = {},
): Promise<CliResult> {
  const p = start(args, env, options.stdin);
  const timeoutMs = options.timeoutMs ?? 45_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const result = await Promise.race([p.exited, timedOut]);
  if (timer) clearTimeout(timer);
  if (result === "timeout") {
    p.child.kill("SIGKILL");
    await p.exited;
    throw new GroveProcessError(`grove ${args.join(" ")} did not finish within ${timeoutMs} ms. Output:\n${p.output()}`);
  }
  return { ...result, stdout: p.stdout(), stderr: p.stderr(), output: p.output() };
}

/** SIGKILLs every Grove process this module started that is still running; for afterAll/afterEach. */
export async function killAllGroves(): Promise<void> {
  const waits = [...live].map(
    (child) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("close", () => resolve());
        child.kill("SIGKILL");
      }),
  );
  await Promise.all(waits);
}

const temps = new Set<string>();

/** A fresh temporary directory (real path, so messages naming it match); removed by cleanUpGroves() at the latest. */
export function tempDir(prefix = "grove-proc-"): { dir: string; remove(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.add(dir);
  return {
    dir,
    remove: () => {
      temps.delete(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seed: Promise<string> | undefined;

/**
 * A new data directory holding an initialised, migrated PGlite database and nothing else.
 * Creating a PGlite cluster takes seconds; it is done once (with `grove migrate`) per test
 * file and copied, so each test pays only for a restart.
 */
export async function migratedDataDir(prefix = "grove-proc-"): Promise<string> {
  const from = await prepareMigratedSeed();
  const { dir } = tempDir(prefix);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

/** Creates the seed behind migratedDataDir() now (call it in beforeAll: hooks get a longer timeout). */
export function prepareMigratedSeed(): Promise<string> {
  seed ??= (async () => {
    const { dir } = tempDir("grove-seed-");
    const res = await runGrove(["migrate"], { GROVE_DATA_DIR: dir }, { timeoutMs: 90_000 });
    if (res.code !== 0) throw new GroveProcessError(`grove migrate failed (${JSON.stringify(res)}). Output:\n${res.output}`);
    if (fs.existsSync(path.join(dir, "grove.lock"))) throw new GroveProcessError(`grove migrate left its lock behind in ${dir}`);
    return dir;
  })();
  return seed;
}

/** For afterAll: SIGKILLs every Grove process still running and removes every temp dir made here. */
export async function cleanUpGroves(): Promise<void> {
  await killAllGroves();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  temps.clear();
  seed = undefined;
}

/** Minimal cookie + CSRF HTTP client for a spawned server. */
export class HttpClient {
  cookie?: string;
  csrfToken?: string;

  constructor(readonly baseUrl: string) {}

  // biome-ignore lint/suspicious/noExplicitAny: tests inspect response bodies ad hoc
  async request(method: string, url: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = `grove_session=${this.cookie}`;
    if (this.csrfToken && method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const m = /^grove_session=([^;]*)/.exec(c);
      if (m) this.cookie = m[1] || undefined;
    }
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: as above
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (json?.csrfToken) this.csrfToken = json.csrfToken;
    return { status: res.status, json, text };
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body: unknown = {}) => this.request("POST", url, body);
}

export const PROCESS_ADMIN = { email: "ada@example.org", name: "Ada Admin", password: "correct horse battery" };
