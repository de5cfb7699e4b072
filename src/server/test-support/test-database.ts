import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../platform/db.js";

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

/** A URL for another database on the same server as `url`. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database on the DATABASE_URL server; returns its URL and a drop function. */
export async function createScratchPostgres(prefix = "grove_t") {
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabaseName(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server
 * when DATABASE_URL is set, otherwise an in-memory PGlite copied from the migrated template.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (usingPostgres()) {
    const scratch = await createScratchPostgres();
    const database = await openDatabase({ driver: "postgres", url: scratch.url, poolSize: 5 });
    await database.migrate();
    return {
      ...database,
      url: scratch.url,
      async close() {
        await database.close();
        await scratch.drop();
      },
    };
  }
  const template = inject("pgliteTemplate");
  const database = await openDatabase({ driver: "pglite", loadDataDir: new Blob([fs.readFileSync(template)]) });
  await database.migrate();
  return database;
}
