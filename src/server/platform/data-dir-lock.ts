import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt
 * it. We hold an exclusive lock file (created with O_EXCL) naming our pid, host and the
 * pid's start time. A lock whose process is gone (crash, SIGKILL) — or whose pid now
 * belongs to another process — is stale and taken over. The takeover itself runs under
 * a second exclusive file, so two starting processes cannot both take over one stale lock.
 */
export class DataDirLockedError extends Error {}

export type DataDirLock = { release(): void };

type Owner = { pid?: number; host?: string; started?: string; startedAt?: string };

/** The fields of /proc/<pid>/stat after the command name, where there is a /proc. */
function procStat(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ");
  } catch {
    return undefined;
  }
}

/** When the process started, from /proc where there is one; distinguishes a reused pid. */
const processStart = (pid: number): string | undefined => procStat(pid)?.[19];

/**
 * A process killed with SIGKILL stays a zombie until its parent reaps it, and a zombie's
 * pid still answers kill(0). It holds no files and will never write again: it is gone.
 */
const isZombie = (pid: number) => ["Z", "X", "x"].includes(procStat(pid)?.[0] ?? "");

function isAlive(owner: Owner): boolean {
  if (!owner.pid) return false;
  if (owner.host && owner.host !== os.hostname()) return true; // another machine's process: we cannot tell, so respect it
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (isZombie(owner.pid)) return false;
  const started = processStart(owner.pid);
  return !(owner.started && started && owner.started !== started);
}

function readOwner(file: string): { raw: string; owner: Owner } | undefined {
  try {
    const raw = fs.readFileSync(file, "utf8");
    try {
      return { raw, owner: JSON.parse(raw) };
    } catch {
      return { raw, owner: {} }; // a crash between create and write: stale
    }
  } catch {
    return undefined;
  }
}

function createExclusive(file: string): boolean {
  try {
    const fd = fs.openSync(file, "wx");
    const me: Owner = { pid: process.pid, host: os.hostname(), started: processStart(process.pid), startedAt: new Date().toISOString() };
    fs.writeSync(fd, JSON.stringify(me));
    fs.closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "grove.lock");
  const guard = `${file}.takeover`;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file)) return lockHandle(file);
    const current = readOwner(file);
    if (!current) continue; // released meanwhile: try again
    if (isAlive(current.owner) && current.owner.pid !== process.pid) {
      throw new DataDirLockedError(
        `Grove cannot start: the data directory ${dataDir} is in use by another Grove process (pid ${current.owner.pid}, started ${current.owner.startedAt ?? "at an unknown time"}).\n` +
          "Stop that process first, use another GROVE_DATA_DIR, or set DATABASE_URL to run several processes against PostgreSQL.",
      );
    }
    // Stale. Take it over only while holding the guard, and only if it is still the same stale lock.
    if (!createExclusive(guard)) {
      const guardOwner = readOwner(guard);
      if (guardOwner && !isAlive(guardOwner.owner)) fs.rmSync(guard, { force: true });
      sleep(20);
      continue;
    }
    try {
      if (readOwner(file)?.raw === current.raw) fs.rmSync(file, { force: true });
      if (createExclusive(file)) return lockHandle(file);
    } finally {
      fs.rmSync(guard, { force: true });
    }
  }
  throw new DataDirLockedError(`Grove cannot start: could not take the lock on ${dataDir}`);
}

function lockHandle(file: string): DataDirLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (readOwner(file)?.owner.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
