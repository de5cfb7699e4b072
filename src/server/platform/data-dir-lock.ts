import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt
 * it. We hold an exclusive lock file (created with O_EXCL) recording our pid; a lock left
 * by a process that no longer exists (crash, SIGKILL) is stale and taken over.
 */
export class DataDirLockedError extends Error {}

export type DataDirLock = { release(): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "grove.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            const owner = JSON.parse(fs.readFileSync(file, "utf8"));
            if (owner.pid === process.pid) fs.unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let owner: { pid?: number; startedAt?: string } = {};
      try {
        owner = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        // Unreadable lock: a crash between create and write. Treat as stale.
      }
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirLockedError(
          `Grove cannot start: the data directory ${dataDir} is in use by another Grove process (pid ${owner.pid}, started ${owner.startedAt ?? "at an unknown time"}).\n` +
            "Stop that process first, use another GROVE_DATA_DIR, or set DATABASE_URL to run several processes against PostgreSQL.",
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Grove cannot start: could not take the lock on ${dataDir}`);
}
