import { sql } from "drizzle-orm";
import type { Executor } from "../db.js";
import { jobs } from "./tables.js";

export type EnqueueOptions = { runAt?: Date; dedupeKey?: string; maxAttempts?: number };

/**
 * Adds a job. Pass the transaction that makes the change the job reacts to, so the job
 * exists exactly when the change commits. With a dedupeKey a second enqueue is a no-op.
 * Returns whether a row was inserted.
 */
export async function enqueue(db: Executor, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({
      name,
      payload: payload ?? {},
      runAt: options.runAt ?? sql`now()`,
      dedupeKey: options.dedupeKey,
      maxAttempts: options.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows.length > 0;
}
