import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "grove-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("refuses a second holder while the first lives, and frees the directory on release", async () => {
    const dir = tempDir();
    // A real other process holding the lock: a child that sleeps.
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    fs.writeFileSync(path.join(dir, "grove.lock"), JSON.stringify({ pid: child.pid, host: os.hostname() }));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${child.pid}`));
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.on("exit", r));
    }
    const lock = lockDataDir(dir); // the holder died: its lock is stale
    expect(JSON.parse(fs.readFileSync(path.join(dir, "grove.lock"), "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, "grove.lock"))).toBe(false);
  });

  it("treats a lock whose pid now belongs to a different process as stale", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "grove.lock"), JSON.stringify({ pid: process.pid === 1 ? 2 : 1, host: os.hostname(), started: "0" }));
    lockDataDir(dir).release();
  });

  it("takes over an unreadable (half-written) lock", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "grove.lock"), "");
    lockDataDir(dir).release();
  });
});
