import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Db, queryRows } from "../db.js";
import { safeErrorMessage } from "../safe-errors.js";
import { jobs } from "./tables.js";

export type JobHandler = {
  run(payload: unknown, job: { id: number; attempt: number }): Promise<void>;
  /** Clear the payload once done, because it holds something secret (e.g. a one-time link). */
  sensitive?: boolean;
};
export type JobHandlers = Record<string, JobHandler>;

type ClaimedJob = { id: number; name: string; payload: unknown; attempts: number; max_attempts: number };

/** Exponential backoff: 10 s, 20 s, 40 s … capped at one hour. */
export const backoffSeconds = (attempt: number) => Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));

const LEASE = "5 minutes";

/**
 * Claims due jobs one at a time and runs them. The claim is a single statement using
 * FOR UPDATE SKIP LOCKED, so any number of workers in any number of processes never
 * run the same attempt twice; the lease makes a job whose worker died runnable again.
 * The handler runs outside any transaction (it may send mail or call out).
 */
export class JobWorker {
  readonly id = `${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly handlers: JobHandlers,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
    /** Told how each attempt ended (metrics). */
    private readonly onFinished: (job: string, outcome: "done" | "retry" | "failed") => void = () => {},
  ) {}

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, "job worker loop failed"))
        .finally(() => this.schedule(this.pollMs));
    }, ms);
  }

  /** Runs due jobs until none is left (or the worker is stopped). Returns how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    while (true) {
      if (this.stopped && this.timer !== undefined) break;
      const job = await this.claim();
      if (!job) break;
      await this.execute(job);
      count++;
    }
    return count;
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const [job] = await queryRows<ClaimedJob>(
      this.db,
      sql`
      update jobs set locked_by = ${this.id}, locked_until = now() + ${LEASE}::interval, attempts = attempts + 1
      where id = (
        select id from jobs
        where completed_at is null and failed_at is null and run_at <= now()
          and (locked_until is null or locked_until < now())
        order by run_at, id
        for update skip locked
        limit 1)
      returning id, name, payload, attempts, max_attempts`,
    );
    return job;
  }

  private async execute(job: ClaimedJob) {
    const handler = this.handlers[job.name];
    const log = this.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      // bigserial ids arrive as strings from node-postgres and as numbers from PGlite.
      await handler.run(job.payload, { id: Number(job.id), attempt: Number(job.attempts) });
      await this.db
        .update(jobs)
        .set({
          completedAt: sql`now()`,
          lockedBy: null,
          lockedUntil: null,
          lastError: null,
          ...(handler.sensitive ? { payload: {} } : {}),
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.id)));
      log.debug("job done");
      this.onFinished(job.name, "done");
    } catch (err) {
      const message = safeErrorMessage(err);
      const final = job.attempts >= job.max_attempts;
      await this.db
        .update(jobs)
        .set({
          lastError: message.slice(0, 2000),
          lockedBy: null,
          lockedUntil: null,
          ...(final
            ? { failedAt: sql`now()`, ...(handler?.sensitive ? { payload: {} } : {}) }
            : { runAt: sql`now() + ${backoffSeconds(job.attempts)} * interval '1 second'` }),
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, this.id)));
      log.warn({ error: message, final }, final ? "job failed for good" : "job failed, will retry");
      this.onFinished(job.name, final ? "failed" : "retry");
    }
  }
}
