import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test-support/test-database.js";
import { type Database, queryRows } from "../db.js";
import { enqueue } from "./queue.js";
import { backoffSeconds, JobWorker } from "./worker.js";

let database: Database;
const silent = pino({ level: "silent" });
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.execute(sql`delete from jobs`);
});

const jobRows = () =>
  queryRows<{
    name: string;
    attempts: number;
    completed_at: string | null;
    failed_at: string | null;
    last_error: string | null;
    run_at: string;
  }>(database.db, sql`select name, attempts, completed_at, failed_at, last_error, run_at from jobs order by id`);

describe("jobs", () => {
  it("runs due jobs in order and leaves future ones alone", async () => {
    const seen: unknown[] = [];
    const worker = new JobWorker(database.db, { record: { run: async (p) => void seen.push(p) } }, silent);
    await enqueue(database.db, "record", { n: 1 });
    await enqueue(database.db, "record", { n: 2 });
    await enqueue(database.db, "record", { n: 3 }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await worker.drain()).toBe(2);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("retries a failing job with backoff, then marks it failed with the last error", async () => {
    let calls = 0;
    const worker = new JobWorker(
      database.db,
      {
        flaky: {
          run: async () => {
            calls++;
            throw new Error(`boom ${calls}`);
          },
        },
      },
      silent,
    );
    await enqueue(database.db, "flaky", {}, { maxAttempts: 2 });
    await worker.drain();
    let [job] = await jobRows();
    expect(job).toMatchObject({ attempts: 1, completed_at: null, failed_at: null, last_error: "boom 1" });
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now() + (backoffSeconds(1) - 2) * 1000);
    await database.db.execute(sql`update jobs set run_at = now()`);
    await worker.drain();
    [job] = await jobRows();
    expect(job.failed_at).not.toBeNull();
    expect(job).toMatchObject({ attempts: 2, last_error: "boom 2" });
    expect(calls).toBe(2);
  });

  it("records an unknown job name as an error instead of crashing the worker", async () => {
    await enqueue(database.db, "nobody.handles.this", {}, { maxAttempts: 1 });
    await new JobWorker(database.db, {}, silent).drain();
    const [job] = await jobRows();
    expect(job.failed_at).not.toBeNull();
    expect(job.last_error).toMatch(/no handler/);
  });

  it("enqueues a job with a dedupe key only once", async () => {
    expect(await enqueue(database.db, "record", {}, { dedupeKey: "schedule:x:2026-11-26T03:17:00.000Z" })).toBe(true);
    expect(await enqueue(database.db, "record", {}, { dedupeKey: "schedule:x:2026-11-26T03:17:00.000Z" })).toBe(false);
    expect(await jobRows()).toHaveLength(1);
  });

  it("gives a job whose worker died back to the queue when its lease runs out", async () => {
    await enqueue(database.db, "record", { n: 1 });
    await database.db.execute(sql`update jobs set locked_by = 'dead-worker', locked_until = now() + interval '5 minutes', attempts = 1`);
    const seen: unknown[] = [];
    const worker = new JobWorker(database.db, { record: { run: async (p) => void seen.push(p) } }, silent);
    expect(await worker.drain()).toBe(0);
    await database.db.execute(sql`update jobs set locked_until = now() - interval '1 second'`);
    expect(await worker.drain()).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it("never runs a job twice when several workers drain the same queue at once", async () => {
    const runs = new Map<number, number>();
    const handler = {
      run: async (p: unknown) => {
        const n = (p as { n: number }).n;
        runs.set(n, (runs.get(n) ?? 0) + 1);
      },
    };
    for (let n = 0; n < 60; n++) await enqueue(database.db, "count", { n });
    const workers = [1, 2, 3].map(() => new JobWorker(database.db, { count: handler }, silent));
    const counts = await Promise.all(workers.map((w) => w.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
  });
});
