import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../modules/accounts/tables.js";
import { type Workspace, workspaceFixture } from "../modules/workspace/test-pair.js";
import { queryRows } from "./db.js";
import { enqueue } from "./jobs/queue.js";
import { JobWorker } from "./jobs/worker.js";

/**
 * When a write fails in the database, the 500's log line says which statement state and
 * constraint failed — never the values that were being written: a private note, or the
 * password hash of a new account, would otherwise land in the server log.
 */
let w: Workspace;
let pairId: string;

beforeAll(async () => {
  w = await workspaceFixture();
  pairId = await w.newPair();
  // Every write to these tables fails inside the database, the way a NUL byte or a full disk would.
  await w.t.ctx.db.execute(sql`
    create function refuse_write() returns trigger language plpgsql as $$
    begin raise exception 'refused by test' using errcode = '23514', constraint = 'test_refuses_writes'; end $$`);
  await w.t.ctx.db.execute(
    sql`create trigger refuse_notes before insert or update on pair_notes for each row execute function refuse_write()`,
  );
  await w.t.ctx.db.execute(sql`create trigger refuse_users before insert on users for each row execute function refuse_write()`);
});
afterAll(() => w.t.close());

describe("a database write that fails", () => {
  it("logs the SQL state and constraint of a failed private note, never its text", async () => {
    const marker = "MY SECRET private-note-7f3a";
    const res = await w.mentee.request("PUT", `/api/relationships/${pairId}/notes/private`, { baseVersion: 0, body: marker });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal_error");
    const logs = w.t.logs.join("\n");
    expect(logs).not.toContain("private-note-7f3a");
    const line = w.t.logs.find((l) => l.includes(res.headers["x-request-id"] as string) && l.includes("unhandled error"));
    expect(line).toBeDefined();
    const err = JSON.parse(line as string).err;
    expect(err).toMatchObject({ sqlState: "23514", constraint: "test_refuses_writes" });
    expect(JSON.stringify(err)).not.toMatch(/params|insert into/i);
  });

  it("never logs the password hash of an account that could not be created", async () => {
    const res = await w.admin.post("/api/users", { email: "hash-leak@example.org", name: "Hash Leak", password: "a long enough password" });
    expect(res.statusCode).toBe(500);
    const logs = w.t.logs.join("\n");
    expect(logs).not.toContain("$argon2");
    expect(logs).not.toContain("hash-leak@example.org");
  });

  it("keeps the values out of a failed job's log line and stored error", async () => {
    const db = w.t.ctx.db;
    const worker = new JobWorker(
      db,
      {
        "test.write": { run: async () => void (await db.insert(users).values({ email: "job-leak@example.org", name: "Job Leak Marker" })) },
      },
      w.t.ctx.logger,
    );
    await enqueue(db, "test.write", {}, { maxAttempts: 1 });
    await worker.drain();
    const [job] = await queryRows<{ last_error: string }>(db, sql`select last_error from jobs where name = 'test.write'`);
    expect(job.last_error).toBe("database error 23514 on test_refuses_writes");
    expect(w.t.logs.join("\n")).not.toContain("Job Leak Marker");
  });
});
