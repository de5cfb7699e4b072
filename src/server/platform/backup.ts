import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, type MigrationLevel, migrationLevel, openDatabase, queryRows, shippedMigrationCount } from "./db.js";
import { extractCluster, hasCluster, type PgliteMemory } from "./pglite.js";

/**
 * `grove backup` and `grove restore`. Two formats, told apart by their first bytes:
 * - the embedded database: the whole PGlite cluster as a gzipped tarball, taken while it
 *   stays open (pglite.ts `dumpCluster`);
 * - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`. Both must be installed
 *   (the PostgreSQL client tools, at least the server's major version).
 * A backup restores into the same kind of database only, and only into a new one: a data
 * directory without a database, or a PostgreSQL database without tables. After a restore
 * the migrations of this Grove are applied, so an older backup comes forward.
 */
export type BackupKind = "pglite" | "postgres";

export class BackupError extends Error {}

export function backupKind(head: Buffer): BackupKind | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  return undefined;
}

/** Writes `bytes` to `file` only if it does not exist yet, never leaving a partial file under that name. */
export function writeNewFile(file: string, bytes: Uint8Array): void {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: a backup never overwrites a file. Choose another name.`);
  const partial = `${file}.partial-${process.pid}`;
  fs.writeFileSync(partial, bytes, { mode: 0o600 });
  try {
    fs.linkSync(partial, file); // fails if the name was taken meanwhile, where rename would overwrite it
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

type Tool = { code: number | null; stderr: string };

/** Runs a PostgreSQL client tool; a missing tool is a message about installing it, not a stack. */
function runTool(command: string, args: string[]): Promise<Tool> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "ENOENT"
          ? new BackupError(
              `${command} is not installed. Backups of a PostgreSQL database use the PostgreSQL client tools ` +
                "(pg_dump and pg_restore, at least your server's version; on Debian: apt-get install postgresql-client).",
            )
          : err,
      ),
    );
    child.once("close", (code) => resolve({ code, stderr }));
  });
}

/** Backs up an open database into `file` (which must not exist). */
export async function writeBackup(
  source: { database: Database; databaseUrl?: string },
  file: string,
): Promise<{ kind: BackupKind; bytes: number }> {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: a backup never overwrites a file. Choose another name.`);
  if (source.database.driver === "pglite") {
    if (!source.database.dumpCluster) throw new Error("this PGlite database cannot be dumped");
    const bytes = new Uint8Array(await (await source.database.dumpCluster()).arrayBuffer());
    writeNewFile(file, bytes);
    return { kind: "pglite", bytes: bytes.length };
  }
  if (!source.databaseUrl) throw new Error("a PostgreSQL backup needs the database URL");
  const partial = `${file}.partial-${process.pid}`;
  try {
    const res = await runTool("pg_dump", [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--file=${partial}`,
      `--dbname=${source.databaseUrl}`,
    ]);
    if (res.code !== 0) throw new BackupError(`pg_dump failed (exit ${res.code}):\n${res.stderr.trim()}`);
    fs.chmodSync(partial, 0o600);
    fs.linkSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { kind: "postgres", bytes: fs.statSync(file).size };
}

function readHead(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (err) {
    throw new BackupError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const head = Buffer.alloc(8);
    fs.readSync(fd, head, 0, 8, 0);
    return head;
  } finally {
    fs.closeSync(fd);
  }
}

export type RestoreTarget = { dataDir: string; databaseUrl?: string; memory?: PgliteMemory };

/**
 * Restores `file` into a new database: `<dataDir>/db` for the embedded database (it must not
 * hold one), or the empty PostgreSQL database at `databaseUrl`. Then migrates forward.
 * The caller holds the data-dir lock for the embedded case.
 */
export async function restoreBackup(target: RestoreTarget, file: string): Promise<{ kind: BackupKind; migration: MigrationLevel }> {
  const kind = backupKind(readHead(file));
  if (!kind) throw new BackupError(`${file} is not a Grove backup (neither an embedded-database backup nor a pg_dump archive).`);
  if (kind === "pglite" && target.databaseUrl) {
    throw new BackupError(
      "This is a backup of the embedded database: it restores into a data directory. Unset DATABASE_URL and set GROVE_DATA_DIR to a new directory.",
    );
  }
  if (kind === "postgres" && !target.databaseUrl) {
    throw new BackupError("This is a backup of a PostgreSQL database: set DATABASE_URL to a new, empty database to restore it into.");
  }

  let database: Database;
  if (kind === "pglite") {
    const dbDir = path.join(target.dataDir, "db");
    if (fs.existsSync(dbDir) && fs.readdirSync(dbDir).length > 0) {
      throw new BackupError(
        `${target.dataDir} already holds a database. Restore into a new data directory (GROVE_DATA_DIR=/path/to/new), then point Grove at it.`,
      );
    }
    const partial = `${dbDir}.restoring-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    try {
      extractCluster(fs.readFileSync(file), partial);
    } catch (err) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw new BackupError(`${file} could not be unpacked (${(err as Error).message}): it is damaged or not a Grove backup.`);
    }
    if (!hasCluster(partial)) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw new BackupError(`${file} holds no database cluster: it is not a Grove backup.`);
    }
    fs.rmSync(dbDir, { recursive: true, force: true });
    fs.renameSync(partial, dbDir);
    database = await openDatabase({ driver: "pglite", dataDir: dbDir, memory: target.memory });
  } else {
    const url = target.databaseUrl as string;
    database = await openDatabase({ driver: "postgres", url, poolSize: 1 });
    try {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
      );
      if (Number(row.n) > 0) {
        throw new BackupError(
          "The database at DATABASE_URL is not empty. Restore into a new database (createdb grove_restored), then point Grove at it.",
        );
      }
    } catch (err) {
      await database.close();
      throw err;
    }
    const res = await runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${url}`, file]);
    if (res.code !== 0) {
      await database.close();
      throw new BackupError(`pg_restore failed (exit ${res.code}):\n${res.stderr.trim()}`);
    }
  }
  try {
    const before = await migrationLevel(database.db);
    const known = shippedMigrationCount();
    if (before.applied > known) {
      throw new BackupError(
        `This backup comes from a newer Grove (${before.applied} migrations; this one knows ${known}): restore it with that version.`,
      );
    }
    await database.migrate();
    return { kind, migration: await migrationLevel(database.db) };
  } finally {
    await database.close();
  }
}
