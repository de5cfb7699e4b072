import path from "node:path";
import { type Config, loadConfig } from "../../server/platform/config.js";
import { DataDirLockedError, lockDataDir } from "../../server/platform/data-dir-lock.js";
import { type MigrationLevel, migrationLevel, openDatabase, shippedMigrationCount } from "../../server/platform/db.js";
import { askRunningServer, type ServerStatus } from "../../server/platform/operator-socket.js";
import { hasCluster } from "../../server/platform/pglite.js";
import { GROVE_VERSION } from "../../server/platform/version.js";
import { reportFailure } from "../fail.js";
import { heldByServer } from "../running-server.js";

export type Status = {
  version: string;
  driver: "pglite" | "postgres";
  /** The data directory (embedded database) or the server and database name (PostgreSQL, without credentials). */
  where: string;
  migration: (MigrationLevel & { known: number }) | null;
  /** The server holding the embedded database, as it reports itself; null when none runs. PostgreSQL: not known here. */
  server: ServerStatus | null | "not tracked";
};

const withoutCredentials = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
};

/** Reads without migrating: status never changes the database. */
async function readLevel(database: Awaited<ReturnType<typeof openDatabase>>): Promise<MigrationLevel> {
  try {
    return await migrationLevel(database.db);
  } catch {
    return { applied: 0, latest: null }; // not migrated yet: no drizzle schema
  }
}

export async function readStatus(config: Config): Promise<Status> {
  const known = shippedMigrationCount();
  if (config.databaseUrl) {
    const database = await openDatabase({ driver: "postgres", url: config.databaseUrl, poolSize: 1 });
    try {
      return {
        version: GROVE_VERSION,
        driver: "postgres",
        where: withoutCredentials(config.databaseUrl),
        migration: { ...(await readLevel(database)), known },
        server: "not tracked",
      };
    } finally {
      await database.close();
    }
  }
  const base = { version: GROVE_VERSION, driver: "pglite" as const, where: config.dataDir };
  let lock: ReturnType<typeof lockDataDir>;
  try {
    lock = lockDataDir(config.dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const answer = await askRunningServer(config.dataDir, "/status");
    if (answer?.status !== 200) {
      throw heldByServer(
        config.dataDir,
        "grove status",
        "That server does not answer on its operator socket (grove.sock): ask it at its address instead, GET /api/health.",
      );
    }
    const server = JSON.parse(answer.body.toString("utf8")) as ServerStatus;
    return { ...base, migration: { ...server.migration, known }, server };
  }
  try {
    const dbDir = path.join(config.dataDir, "db");
    if (!hasCluster(dbDir)) return { ...base, migration: null, server: null };
    const database = await openDatabase({ driver: "pglite", dataDir: dbDir, memory: { sharedBuffers: config.pgliteSharedBuffers } });
    try {
      return { ...base, migration: { ...(await readLevel(database)), known }, server: null };
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}

export function statusText(s: Status): string {
  const lines = [`Grove ${s.version}`];
  lines.push(s.driver === "pglite" ? `Database: embedded (PGlite) in ${s.where}` : `Database: PostgreSQL at ${s.where}`);
  if (!s.migration) lines.push("Migrations: no database yet (grove serve or grove migrate creates it)");
  else {
    const pending = s.migration.known - s.migration.applied;
    lines.push(
      `Migrations: ${s.migration.applied} of ${s.migration.known} applied${s.migration.latest ? ` (latest ${s.migration.latest})` : ""}` +
        (pending > 0 ? `; ${pending} pending (grove migrate, or the next grove serve, applies them)` : ""),
    );
  }
  if (s.server === "not tracked") lines.push("Servers: any number may share a PostgreSQL database; ask each at GET /api/health");
  else if (s.server === null) lines.push("Server: none is running on this data directory");
  else {
    const mb = Math.round(s.server.memory.rssBytes / 1048576);
    lines.push(
      `Server: running at ${s.server.url} (pid ${s.server.pid}, Grove ${s.server.version}, up ${s.server.uptimeSeconds} s, ${mb} MB resident)`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** `grove status [--json]`. */
export async function run(opts: { json?: boolean }) {
  try {
    const status = await readStatus(loadConfig());
    process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
  } catch (err) {
    reportFailure(err);
  }
}
