import fs from "node:fs";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../schema.js";
import { migrationsFolder } from "./install-paths.js";
import { dumpCluster, openPglite, type PgliteMemory } from "./pglite.js";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath: same schema, same queries. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database handle or an open transaction; repositories accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Connections of the PostgreSQL pool (PGlite has one, always open): for metrics. */
  poolStats(): { total: number; idle: number; waiting: number };
  /** PGlite only: a consistent gzipped tarball of the whole cluster, taken while it stays open (`grove backup`). */
  dumpCluster?(): Promise<Blob>;
};

/** Any number bigger than the pid range; the key the migration advisory lock is held on. */
const MIGRATION_LOCK_KEY = 74_726_853;

export type DatabaseOptions =
  | {
      driver: "postgres";
      url: string;
      poolSize?: number;
      /** How long a query waits for a free connection (or a new one) before failing with 503. */
      connectTimeoutMs?: number;
      /** Told about errors on idle pooled connections (the server restarted, the network dropped). */
      onPoolError?: (err: Error) => void;
    }
  | { driver: "pglite"; dataDir?: string; loadDataDir?: Blob; memory?: PgliteMemory };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.driver === "postgres") {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Without a limit a request waits forever for a database that is gone.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    });
    // An idle client losing its connection must not crash the process (the pool replaces
    // it), but it must not go unnoticed either: the operator hears about it.
    pool.on("error", (err) => options.onPoolError?.(err));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      async migrate() {
        // Several processes may start together: one migrates, the others wait on the lock.
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          await migratePg(drizzlePg(client), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const client = await openPglite(options);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    dumpCluster: () => dumpCluster(client),
  };
}

export type MigrationLevel = { applied: number; latest: string | null };

let journal: { entries: { tag: string }[] } | undefined;
const readJournal = () => {
  journal ??= JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return journal;
};

/** How many migrations this release ships. */
export const shippedMigrationCount = () => readJournal().entries.length;

/** How many committed migrations are applied, and the tag of the newest applied one. */
export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const applied = Number(row.n);
  return { applied, latest: applied > 0 ? (readJournal().entries[applied - 1]?.tag ?? null) : null };
}

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE", "EAI_AGAIN"]);

/**
 * True when the database could not be reached or dropped the connection — as opposed to
 * refusing a statement. Such a request is answered 503 (try again), not 500.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const e = current as Error & { code?: unknown };
    const code = typeof e.code === "string" ? e.code : "";
    // SQL state class 08 (connection exception), 57P01–57P03 (shutting down, cannot connect now), 53300 (too many connections).
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code) || code === "53300") return true;
    if (
      /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** True for a unique-constraint violation, whether the driver error is bare or wrapped by drizzle. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Escapes LIKE/ILIKE wildcards so a search for "50%" matches those characters literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
