import { openConfiguredDatabase } from "../../server/main.js";
import { BackupError, writeBackup, writeNewFile } from "../../server/platform/backup.js";
import { type Config, loadConfig } from "../../server/platform/config.js";
import { DataDirLockedError } from "../../server/platform/data-dir-lock.js";
import { askRunningServer } from "../../server/platform/operator-socket.js";
import { CliError, reportFailure } from "../fail.js";
import { heldByServer } from "../running-server.js";

export type BackupDone = { kind: "pglite" | "postgres"; bytes: number; by: "this process" | "the running server" };

/**
 * Backs up the configured database into `file`. On the embedded database a running server
 * holds it, so that server takes the backup (over its operator socket) and we write it out.
 */
export async function backupTo(config: Config, file: string): Promise<BackupDone> {
  let opened: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    opened = await openConfiguredDatabase(config);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const answer = await askRunningServer(config.dataDir, "/backup");
    if (!answer) {
      throw heldByServer(
        config.dataDir,
        "grove backup",
        "That server does not answer on its operator socket (grove.sock), so it cannot take the backup for us.",
      );
    }
    if (answer.status !== 200) throw new CliError(`The running server could not take the backup: ${answer.body.toString("utf8")}`);
    writeNewFile(file, answer.body);
    return { kind: "pglite", bytes: answer.body.length, by: "the running server" };
  }
  const { database, lock } = opened;
  try {
    const done = await writeBackup({ database, databaseUrl: config.databaseUrl }, file);
    return { ...done, by: "this process" };
  } finally {
    await database.close();
    lock?.release();
  }
}

/** `grove backup FILE`. */
export async function run(file: string) {
  try {
    const done = await backupTo(loadConfig(), file);
    const what = done.kind === "pglite" ? "the embedded database" : "the PostgreSQL database (pg_dump)";
    const size = done.bytes >= 1048576 ? `${(done.bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(done.bytes / 1024)} kB`;
    console.log(
      `Wrote a backup of ${what} to ${file} (${size}${done.by === "the running server" ? ", taken by the running server" : ""}).`,
    );
    console.log("Keep it safe: it holds everything, private notes and password hashes included.");
  } catch (err) {
    reportFailure(err instanceof BackupError ? new CliError(err.message) : err);
  }
}
