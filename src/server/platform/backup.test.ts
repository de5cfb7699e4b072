import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../modules/demo/load-demo.js";
import { programmes, users } from "../schema.js";
import { ADMIN, createTestApp, setUpAdmin, type TestApp } from "../test-support/test-app.js";
import { createScratchPostgres, usingPostgres } from "../test-support/test-database.js";
import { backupKind, restoreBackup, writeBackup } from "./backup.js";
import { type Database, openDatabase, queryRows } from "./db.js";

// A demo programme goes through `grove backup` and `grove restore` on the database this run
// uses (PGlite, or PostgreSQL with pg_dump/pg_restore when DATABASE_URL is set) and comes back
// whole: every table of the restored database holds exactly the rows of the original.

let t: TestApp;
let demoName: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-backup-"));
const scratches: { drop(): Promise<void> }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await setUpAdmin(t.app);
  const [admin] = await t.ctx.db.select().from(users).where(eq(users.email, ADMIN.email));
  const demo = await loadDemo(t.ctx, { user: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true }, via: "session" });
  demoName = demo.name;
}, 120_000);
afterAll(async () => {
  await t?.close();
  for (const s of scratches) await s.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Row count and a digest of every row, per table: equal digests mean equal contents. */
async function contents(database: Database): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: number; digest: string | null }>(
      database.db,
      sql.raw(`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from "${name}" t`),
    );
    out[name] = { rows: Number(row.rows), digest: row.digest ?? "" };
  }
  return out;
}

/** Somewhere new to restore into: a data directory, and on PostgreSQL an empty database. */
async function newTarget(): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = fs.mkdtempSync(path.join(dir, "restored-"));
  if (!usingPostgres()) return { dataDir };
  const scratch = await createScratchPostgres("grove_restore");
  scratches.push(scratch);
  return { dataDir, databaseUrl: scratch.url };
}

const openTarget = (target: { dataDir: string; databaseUrl?: string }) =>
  target.databaseUrl
    ? openDatabase({ driver: "postgres", url: target.databaseUrl, poolSize: 1 })
    : openDatabase({ driver: "pglite", dataDir: path.join(target.dataDir, "db") });

describe(`backup and restore (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, { timeout: 120_000 }, () => {
  const file = path.join(dir, "grove.backup");

  it("round-trips a demo programme into a new database, every row intact", async () => {
    const source = { database: t.database, databaseUrl: (t.database as { url?: string }).url };
    const written = await writeBackup(source, file);
    expect(written.kind).toBe(usingPostgres() ? "postgres" : "pglite");
    expect(backupKind(fs.readFileSync(file).subarray(0, 8))).toBe(written.kind);

    const target = await newTarget();
    const restored = await restoreBackup(target, file);
    expect(restored.kind).toBe(written.kind);

    const copy = await openTarget(target);
    try {
      const [programme] = await copy.db.select({ name: programmes.name }).from(programmes).where(eq(programmes.name, demoName));
      expect(programme?.name).toBe(demoName);
      const original = await contents(t.database);
      expect(original.enrolments.rows).toBeGreaterThan(50);
      expect(original.relationships.rows).toBeGreaterThan(10);
      expect(await contents(copy)).toEqual(original);
    } finally {
      await copy.close();
    }
  });

  it("never overwrites a file, and restores only into a new database", async () => {
    const before = fs.readFileSync(file);
    await expect(writeBackup({ database: t.database, databaseUrl: (t.database as { url?: string }).url }, file)).rejects.toThrow(
      /already exists/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const target = await newTarget();
    await restoreBackup(target, file);
    await expect(restoreBackup(target, file)).rejects.toThrow(usingPostgres() ? /is not empty/ : /already holds a database/);
  });

  it("refuses a file that is not a backup, and a backup of the other kind of database, writing nothing", async () => {
    const junk = path.join(dir, "notes.txt");
    fs.writeFileSync(junk, "not a backup at all");
    const target = await newTarget();
    await expect(restoreBackup(target, junk)).rejects.toThrow(/is not a Grove backup/);
    expect(fs.existsSync(path.join(target.dataDir, "db"))).toBe(false);

    const otherKind = usingPostgres()
      ? { dataDir: target.dataDir }
      : { dataDir: target.dataDir, databaseUrl: "postgres://nobody@127.0.0.1:1/none" };
    await expect(restoreBackup(otherKind, file)).rejects.toThrow(usingPostgres() ? /set DATABASE_URL/ : /Unset DATABASE_URL/);
    expect(fs.existsSync(path.join(target.dataDir, "db"))).toBe(false);
  });
});
