import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanUpGroves,
  freePort,
  HttpClient,
  migratedDataDir,
  PROCESS_ADMIN,
  prepareMigratedSeed,
  runGrove,
  spawnGrove,
} from "../test-support/spawn-grove.js";

// Every process this file started is killed and every temp dir removed, pass or fail.
afterAll(cleanUpGroves);

const readLock = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, "grove.lock"), "utf8")) as { pid: number; startedAt: string };

/** The pid of a process that has certainly exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid as number;
  await new Promise((resolve) => child.once("close", resolve));
  expect(() => process.kill(pid, 0)).toThrow(); // ESRCH: nobody has that pid now
  return pid;
}

// The lock only exists for PGlite; against PostgreSQL several processes are the point.
describe.skipIf(!!process.env.DATABASE_URL)("the PGlite data-directory lock, between real processes", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await prepareMigratedSeed();
  });

  it("refuses a second process on the same directory, naming it and the owner's pid, while the first keeps serving", async () => {
    const dir = await migratedDataDir();
    const first = await spawnGrove({ GROVE_DATA_DIR: dir });
    const pid = first.child.pid as number;
    expect(readLock(dir).pid).toBe(pid);

    const admin = new HttpClient(first.url);
    expect((await admin.post("/api/setup", PROCESS_ADMIN)).status).toBe(201);
    const created = await admin.post("/api/programmes", { name: "Backend mentoring" });
    expect(created.status).toBe(201);

    const second = await runGrove(
      ["serve"],
      { GROVE_DATA_DIR: dir, PORT: String(await freePort()), HOST: "127.0.0.1" },
      { timeoutMs: 30_000 },
    );
    expect(second.code, second.output).not.toBe(0);
    expect(second.code, second.output).not.toBeNull();
    expect(second.stderr).toContain(dir);
    expect(second.stderr).toContain(`pid ${pid}`);
    expect(second.stderr).toMatch(/in use by another Grove process/);
    expect(second.stderr).not.toMatch(/^\s+at /m); // a plain message, not a stack trace

    // The refused process left the lock and the database alone.
    expect(readLock(dir).pid).toBe(pid);
    expect(first.child.exitCode).toBeNull();
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    const list = await admin.get("/api/programmes");
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(1);
    expect(list.json.items.map((p: { id: string }) => p.id)).toEqual([created.json.id]);
    expect((await admin.get("/api/setup")).json.needsSetup).toBe(false);

    expect(await first.stop("SIGTERM"), first.output()).toBe(0);
  });

  it("takes over a stale lock (its pid is gone) and an unreadable one", async () => {
    const dir = await migratedDataDir();
    const stalePid = await deadPid();
    fs.writeFileSync(path.join(dir, "grove.lock"), JSON.stringify({ pid: stalePid, startedAt: "2020-01-01T00:00:00.000Z" }));

    const grove = await spawnGrove({ GROVE_DATA_DIR: dir });
    expect(readLock(dir).pid).toBe(grove.child.pid);
    expect((await new HttpClient(grove.url).post("/api/setup", PROCESS_ADMIN)).status).toBe(201);
    expect(await grove.stop("SIGTERM"), grove.output()).toBe(0);
    expect(fs.existsSync(path.join(dir, "grove.lock"))).toBe(false);

    // A crash between creating the lock file and writing it leaves it empty.
    fs.writeFileSync(path.join(dir, "grove.lock"), "");
    const again = await spawnGrove({ GROVE_DATA_DIR: dir });
    expect(readLock(dir).pid).toBe(again.child.pid);
    expect((await new HttpClient(again.url).get("/api/setup")).json.needsSetup).toBe(false);
    expect(await again.stop("SIGTERM"), again.output()).toBe(0);
  });
});
