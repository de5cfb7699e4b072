import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUpGroves,
  type GroveEnv,
  HttpClient,
  migratedDataDir,
  PROCESS_ADMIN,
  prepareMigratedSeed,
  spawnGrove,
  tempDir,
} from "../test-support/spawn-grove.js";
import { createScratchPostgres } from "../test-support/test-database.js";

const onPostgres = !!process.env.DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  // Processes first: a scratch database cannot be dropped while they hold connections.
  await cleanUpGroves(); // kills every process this file started, removes its temp dirs
  for (const c of cleanups.reverse()) await c();
});

/** Where one test's Grove keeps its data: a temp data dir, plus a scratch database on PostgreSQL. */
async function newStore(): Promise<{ dir: string; env: GroveEnv }> {
  if (!onPostgres) {
    const dir = await migratedDataDir("grove-shutdown-");
    return { dir, env: { GROVE_DATA_DIR: dir } };
  }
  const { dir } = tempDir("grove-shutdown-");
  const scratch = await createScratchPostgres("grove_proc");
  cleanups.push(() => scratch.drop());
  return { dir, env: { GROVE_DATA_DIR: dir, DATABASE_URL: scratch.url } };
}

const lockFile = (dir: string) => path.join(dir, "grove.lock");

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

describe(`stopping a real Grove process (${onPostgres ? "PostgreSQL" : "PGlite"})`, { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!onPostgres) await prepareMigratedSeed();
  });

  it("finishes a request that is in flight when SIGTERM arrives, then exits 0 with the write kept", async () => {
    const store = await newStore();
    const grove = await spawnGrove(store.env);

    const body = Buffer.from(JSON.stringify(PROCESS_ADMIN));
    const half = Math.floor(body.length / 2);
    const req = http.request(`${grove.url}/api/setup`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": body.length },
    });
    const response = new Promise<RawResponse>((resolve, reject) => {
      req.on("error", reject);
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", reject);
      });
    });
    req.write(body.subarray(0, half));

    // The server has routed the request (headers in, body still incomplete) before the signal.
    await grove.waitForOutput(/"method":"POST","url":"\/api\/setup"[^\n]*"msg":"incoming request"/);
    grove.child.kill("SIGTERM");
    await grove.waitForOutput("shutting down: finishing in-flight requests");
    expect(grove.child.exitCode).toBeNull();
    req.end(body.subarray(half));

    const res = await response;
    expect(res.status, `${res.body}\n${grove.output()}`).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ user: { email: PROCESS_ADMIN.email }, csrfToken: expect.any(String) });
    expect(String(res.headers["set-cookie"])).toMatch(/grove_session=[^;]+/);
    const exit = await grove.exited;
    expect(exit, grove.output()).toEqual({ code: 0, signal: null });
    expect(grove.output()).toContain("stopped cleanly");

    const restarted = await spawnGrove(store.env);
    const client = new HttpClient(restarted.url);
    expect((await client.get("/api/setup")).json.needsSetup).toBe(false);
    const signIn = await client.post("/api/auth/sign-in", { email: PROCESS_ADMIN.email, password: PROCESS_ADMIN.password });
    expect(signIn.status, signIn.text).toBe(200);
    expect(await restarted.stop("SIGTERM"), restarted.output()).toBe(0);
  });

  it("keeps every acknowledged write across a SIGKILL, and the restart takes over the stale lock", async () => {
    const store = await newStore();
    const grove = await spawnGrove(store.env);
    const client = new HttpClient(grove.url);
    expect((await client.post("/api/setup", PROCESS_ADMIN)).status).toBe(201);
    const N = 12;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const res = await client.post("/api/programmes", { name: `Programme number ${i}` });
      expect(res.status, res.text).toBe(201);
      ids.push(res.json.id);
    }

    const killedPid = grove.child.pid as number;
    expect(await grove.stop("SIGKILL")).toBeNull();
    expect((await grove.exited).signal).toBe("SIGKILL");
    if (!onPostgres) {
      // No chance to clean up: the lock is left behind, naming a pid that is gone.
      expect(JSON.parse(fs.readFileSync(lockFile(store.dir), "utf8")).pid).toBe(killedPid);
    }

    const restarted = await spawnGrove(store.env);
    if (!onPostgres) expect(JSON.parse(fs.readFileSync(lockFile(store.dir), "utf8")).pid).toBe(restarted.child.pid);
    // The session cookie from before the crash is still good; so is every programme.
    const after = new HttpClient(restarted.url);
    after.cookie = client.cookie;
    after.csrfToken = client.csrfToken;
    const list = await after.get("/api/programmes?limit=100");
    expect(list.status, list.text).toBe(200);
    expect(list.json.total).toBe(N);
    expect(list.json.items.map((p: { id: string }) => p.id).sort()).toEqual([...ids].sort());
    expect(await restarted.stop("SIGTERM"), restarted.output()).toBe(0);
  });

  it.skipIf(onPostgres)("removes the data-dir lock file after a clean SIGTERM exit", async () => {
    const store = await newStore();
    const grove = await spawnGrove(store.env);
    expect(JSON.parse(fs.readFileSync(lockFile(store.dir), "utf8")).pid).toBe(grove.child.pid);
    expect(await grove.stop("SIGTERM"), grove.output()).toBe(0);
    expect(grove.output()).toContain("stopped cleanly");
    expect(fs.existsSync(lockFile(store.dir))).toBe(false);
  });
});
