import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "../columns.js";

/**
 * The work queue. Workers in any number of processes claim due rows with
 * FOR UPDATE SKIP LOCKED, so each job runs once even with several processes.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    name: text("name").notNull(),
    payload: jsonb("payload").notNull().default({}),
    runAt: ts("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lastError: text("last_error"),
    /** A lease: a worker that dies mid-job loses it after lockedUntil and the job is retried. */
    lockedBy: text("locked_by"),
    lockedUntil: ts("locked_until"),
    completedAt: ts("completed_at"),
    failedAt: ts("failed_at"),
    /** Unique when set: a recurring schedule enqueues each occurrence exactly once across processes. */
    dedupeKey: text("dedupe_key").unique(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("jobs_due_idx").on(t.runAt).where(sql`completed_at is null and failed_at is null`)],
);
