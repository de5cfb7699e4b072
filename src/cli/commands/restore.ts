import path from "node:path";
import { BackupError, restoreBackup } from "../../server/platform/backup.js";
import { type Config, loadConfig } from "../../server/platform/config.js";
import { lockDataDir } from "../../server/platform/data-dir-lock.js";
import { CliError, reportFailure } from "../fail.js";

/** Restores `file` into the configured database, which must be new (see platform/backup.ts). */
export async function restoreFrom(config: Config, file: string) {
  // The data directory is locked for the embedded case so no server opens it half-restored.
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  try {
    return await restoreBackup(
      { dataDir: config.dataDir, databaseUrl: config.databaseUrl, memory: { sharedBuffers: config.pgliteSharedBuffers } },
      path.resolve(file),
    );
  } finally {
    lock?.release();
  }
}

/** `grove restore FILE`. */
export async function run(file: string) {
  try {
    const config = loadConfig();
    const done = await restoreFrom(config, file);
    const where = done.kind === "pglite" ? `the data directory ${config.dataDir}` : "the database at DATABASE_URL";
    console.log(`Restored ${file} into ${where}; it is at migration ${done.migration.applied} (${done.migration.latest ?? "none"}).`);
    console.log("Start Grove on it with grove serve (same settings).");
  } catch (err) {
    reportFailure(err instanceof BackupError ? new CliError(err.message) : err);
  }
}
