import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../../platform/db.js";
import { pollUntil } from "../../test-support/poll.js";
import { createTestApp, type TestApp } from "../../test-support/test-app.js";
import { type TwoPairs, twoPairs } from "./growth-test-fixture.js";

// A reflection written at the moment the pair ends must not land in the closed pair. Only
// PostgreSQL has concurrent transactions: a second connection holds the pair's row lock while
// the write arrives, ends the pair, and commits; the write then sees the ended pair.
const postgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let w: TwoPairs;
let other: Database;

beforeAll(async () => {
  if (!postgres) return;
  t = await createTestApp();
  w = await twoPairs(t);
  other = await openDatabase({ driver: "postgres", url: (t.database as { url?: string }).url as string, poolSize: 1 });
}, 120_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe.skipIf(!postgres)("a growth write racing the end of the pair (PostgreSQL)", () => {
  it("waits for the end to commit, then is refused; nothing is written", async () => {
    const id = w.noorAndMo.id;
    let write: Promise<{ statusCode: number; body: string }> | undefined;
    await other.db.transaction(async (tx) => {
      await tx.execute(sql`select id from relationships where id = ${id} for update`);
      write = w.noor.post(`/api/relationships/${id}/reflections`, { body: "Written as the pair ended [race-text]" });
      // The write reaches the pair's row lock and waits on it (seen from a third connection).
      await pollUntil("the reflection write to wait on the pair's row lock", async () => {
        const [row] = await queryRows<{ n: number }>(
          t.ctx.db,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        return Number(row.n) > 0;
      });
      await tx.execute(sql`update relationships set status = 'ended', ended_at = now(), end_category = 'other' where id = ${id}`);
    });
    const res = await (write as Promise<{ statusCode: number; body: string }>);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("relationship_closed");
    const rows = await queryRows(t.ctx.db, sql`select id from reflections where body like '%race-text%'`);
    expect(rows).toHaveLength(0);
  });
});
