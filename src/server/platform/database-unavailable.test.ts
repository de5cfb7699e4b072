import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { createTestApp, type TestApp } from "../test-support/test-app.js";
import { createScratchPostgres } from "../test-support/test-database.js";
import { GENEROUS_TEST_LIMITS } from "../test-support/test-limits.js";
import { loadConfig } from "./config.js";
import type { AppContext } from "./context.js";
import { type Database, openDatabase, queryRows } from "./db.js";
import { createLogger } from "./logger.js";
import { createMailer } from "./mail.js";
import { createMetrics } from "./metrics.js";

/** An address where nothing listens: a port we held a moment ago and let go. */
async function deadPostgresUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `postgres://grove@127.0.0.1:${port}/grove`;
}

/** The real app on a PostgreSQL pool that cannot connect, logging into `logs`. */
async function appWithoutDatabase() {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _e, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-nodb-"));
  const config = loadConfig({ GROVE_DATA_DIR: dataDir, DATABASE_URL: await deadPostgresUrl(), ...GENEROUS_TEST_LIMITS });
  const logger = createLogger("info", sink);
  const database = await openDatabase({ driver: "postgres", url: config.databaseUrl as string, connectTimeoutMs: 2000 });
  const mailer = createMailer({ from: config.mailFrom, dataDir, logger });
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    mailer,
    logger,
    version: "test",
    startedAt: Date.now(),
    metrics: createMetrics(),
  };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    logs,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("when the database cannot be reached", () => {
  let down: Awaited<ReturnType<typeof appWithoutDatabase>>;
  beforeAll(async () => {
    down = await appWithoutDatabase();
  });
  afterAll(() => down.close());

  it("answers 503 in the error shape, and logs why", async () => {
    const res = await down.app.inject({ method: "GET", url: "/api/setup" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      error: { code: "database_unavailable", message: "Grove cannot reach its database right now. Try again in a moment." },
    });
    expect(res.headers["retry-after"]).toBe("5");
    const line = down.logs.find((l) => l.includes("database unavailable"));
    expect(line).toBeDefined();
    expect(JSON.parse(line as string).level).toBe(50);
  });

  it("is still alive (GET /api/health) but not ready (GET /api/health/ready)", async () => {
    const live = await down.app.inject({ method: "GET", url: "/api/health" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: "degraded", database: { reachable: false } });
    const ready = await down.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ready: false, database: { reachable: false } });
  });
});

describe("readiness", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("is 200 when the database answers and every migration is applied, 503 while one is missing", async () => {
    const ok = await t.app.inject({ method: "GET", url: "/api/health/ready" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ready: true, database: { reachable: true } });
    const { applied, expected } = ok.json().database.migrations;
    expect(applied).toBe(expected);
    // As if a newer release had started but not migrated yet: the last migration is not applied.
    const [last] = await queryRows<{ id: number; hash: string; created_at: string }>(
      t.ctx.db,
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by id desc limit 1`,
    );
    await t.ctx.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last.id}`);
    try {
      const behind = await t.app.inject({ method: "GET", url: "/api/health/ready" });
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ ready: false, database: { reachable: true, migrations: { applied: expected - 1, expected } } });
    } finally {
      await t.ctx.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id}, ${last.hash}, ${last.created_at})`,
      );
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)("a pooled connection that the server drops (PostgreSQL)", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgres>>;
  let database: Database;
  const errors: Error[] = [];
  beforeAll(async () => {
    scratch = await createScratchPostgres();
    database = await openDatabase({ driver: "postgres", url: scratch.url, onPoolError: (err) => errors.push(err) });
  });
  afterAll(async () => {
    await database.close();
    await scratch.drop();
  });

  it("is reported, not swallowed, and the pool carries on", async () => {
    const [me] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [me.pid]);
    await admin.end();
    for (let i = 0; i < 200 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(errors.length).toBe(1);
    expect(await queryRows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});
