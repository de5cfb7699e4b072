import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, queryRows } from "../platform/db.js";
import { enqueue } from "../platform/jobs/queue.js";
import { startSmtpCapture } from "../test-support/smtp-capture.js";
import { cleanUpGroves, spawnGrove, tempDir } from "../test-support/spawn-grove.js";
import { createScratchPostgres } from "../test-support/test-database.js";

let scratch: Awaited<ReturnType<typeof createScratchPostgres>> | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>> | undefined;
let database: Database | undefined;

afterAll(async () => {
  await cleanUpGroves(); // kills both servers (if still up) and removes their temp dirs
  await database?.close().catch(() => {});
  await smtp?.close();
  await scratch?.drop();
});

/** Subjects each process says it sent ("mail sent over SMTP" is logged at info, per process). */
function subjectsSentBy(output: string): string[] {
  const subjects: string[] = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; subject?: string };
      if (entry.msg === "mail sent over SMTP" && entry.subject) subjects.push(entry.subject);
    } catch {
      // not a log line
    }
  }
  return subjects;
}

const countBy = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

// Several processes sharing one queue only exists on PostgreSQL (PGlite is single-process).
describe.skipIf(!process.env.DATABASE_URL)("the job queue shared by two Grove processes", { timeout: 120_000 }, () => {
  it("sends each of 100 queued mails exactly once, with both processes working, and clears the payloads", async () => {
    scratch = await createScratchPostgres("grove_jobs");
    smtp = await startSmtpCapture();
    const env = { DATABASE_URL: scratch.url, GROVE_SMTP_URL: smtp.url, GROVE_JOBS_POLL_MS: "20" };
    const [a, b] = await Promise.all([
      spawnGrove({ ...env, GROVE_DATA_DIR: tempDir("grove-jobs-a-").dir }),
      spawnGrove({ ...env, GROVE_DATA_DIR: tempDir("grove-jobs-b-").dir }),
    ]);

    database = await openDatabase({ driver: "postgres", url: scratch.url, poolSize: 2 });
    const db = database.db;
    const run = randomBytes(3).toString("hex");
    const N = 100;
    const subjects = Array.from({ length: N }, (_, i) => `Exactly once ${run} no ${String(i).padStart(3, "0")}`);
    // One transaction: every job becomes visible to both workers at the same moment.
    await db.transaction(async (tx) => {
      for (const [i, subject] of subjects.entries()) {
        await enqueue(tx, "mail.send", {
          to: `person${i}@example.org`,
          subject,
          text: `Hello number ${i}, here is https://grove.test/secret/${run}/${i}`,
        });
      }
    });

    type Progress = { open: number; failed: number };
    let progress: Progress = { open: N, failed: 0 };
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      [progress] = await queryRows<Progress>(
        db,
        sql`
        select count(*) filter (where completed_at is null and failed_at is null)::int as open,
               count(*) filter (where failed_at is not null)::int as failed
        from jobs where name = 'mail.send'`,
      );
      if (progress.open === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(progress, `jobs still open or failed.\nA:\n${a.output()}\nB:\n${b.output()}`).toEqual({ open: 0, failed: 0 });

    // Stopping waits for any job in hand, so nothing can be sent after this point.
    expect(await a.stop("SIGTERM"), a.output()).toBe(0);
    expect(await b.stop("SIGTERM"), b.output()).toBe(0);

    // Exactly once at the SMTP server: every subject, no duplicates, no strangers.
    const received = smtp.messages.map((m) => m.subject);
    const counts = countBy(received);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...subjects].sort());
    expect(received).toHaveLength(N);
    for (const m of smtp.messages) {
      const i = subjects.indexOf(m.subject);
      expect(m.to).toEqual([`person${i}@example.org`]);
    }

    // Who did the work, from each process's own log: disjoint, together complete, both busy.
    const byA = subjectsSentBy(a.output());
    const byB = subjectsSentBy(b.output());
    expect(byA.filter((s) => byB.includes(s))).toEqual([]);
    expect([...byA, ...byB].sort()).toEqual([...subjects].sort());
    expect(byA.length, "process A sent nothing").toBeGreaterThan(0);
    expect(byB.length, "process B sent nothing").toBeGreaterThan(0);

    // Each job ran one attempt, is released, and its payload (a one-time link) is gone.
    const rows = await queryRows<{ payload: unknown; attempts: number; locked_by: string | null; last_error: string | null }>(
      db,
      sql`select payload, attempts, locked_by, last_error from jobs where name = 'mail.send'`,
    );
    expect(rows).toHaveLength(N);
    for (const row of rows) expect(row).toEqual({ payload: {}, attempts: 1, locked_by: null, last_error: null });
  });
});
