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

  it("treats a killed holder that is not reaped yet (a zombie) as gone", async () => {
    const dir = tempDir();
    // The shell starts a child that exits at once, then becomes `sleep`, which never
    // waits for it: the child stays a zombie — dead, but its pid still answers kill(0).
    const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"]);
    try {
      const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d).trim()))));
      const state = () => fs.readFileSync(`/proc/${zombie}/stat`, "utf8").split(") ")[1]?.[0];
      for (let i = 0; i < 500 && state() !== "Z"; i++) await new Promise((r) => setTimeout(r, 10));
      expect(state()).toBe("Z");
      const started = fs.readFileSync(`/proc/${zombie}/stat`, "utf8").split(") ")[1]?.split(" ")[19];
      fs.writeFileSync(path.join(dir, "grove.lock"), JSON.stringify({ pid: zombie, host: os.hostname(), started }));
      const lock = lockDataDir(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, "grove.lock"), "utf8")).pid).toBe(process.pid);
      lock.release();
    } finally {
      parent.kill("SIGKILL");
      await new Promise((r) => parent.on("exit", r));
    }
  });
});
