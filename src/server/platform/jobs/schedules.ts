import { Cron } from "croner";
import type { Logger } from "pino";
import type { Db } from "../db.js";
import { enqueue } from "./queue.js";

export type Schedule = { name: string; cron: string; job: string; payload?: unknown };

/**
 * Every process runs the same timers; each occurrence is enqueued with a dedupe key
 * made of the schedule and its planned time, so it becomes exactly one job however
 * many processes fire.
 */
export function startSchedules(db: Db, schedules: Schedule[], logger: Logger): { stop(): void } {
  const crons = schedules.map(
    (s) =>
      new Cron(s.cron, { timezone: "UTC", protect: true }, async (self: Cron) => {
        const planned = self.currentRun() ?? new Date();
        planned.setMilliseconds(0);
        try {
          await enqueue(db, s.job, s.payload ?? {}, { dedupeKey: `schedule:${s.name}:${planned.toISOString()}` });
        } catch (err) {
          logger.error({ err, schedule: s.name }, "could not enqueue a scheduled job");
        }
      }),
  );
  return {
    stop() {
      for (const c of crons) c.stop();
    },
  };
}
