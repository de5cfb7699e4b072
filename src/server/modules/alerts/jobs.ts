import type { AppContext } from "../../platform/context.js";
import type { Schedule } from "../../platform/jobs/schedules.js";
import type { JobHandlers } from "../../platform/jobs/worker.js";
import { sendAlertDigests } from "./alert-digest.js";
import { evaluateAllAlerts, evaluateOneProgramme } from "./evaluate-alerts.js";

/**
 * Signals are evaluated every hour for every programme, and at once for one programme when
 * something it watches changes (a survey answered, a check-in logged). The daily digest
 * is checked hourly so each coordinator gets it at 08:00 where they are.
 */
export const alertJobs = (ctx: AppContext): JobHandlers => ({
  "alerts.evaluate": {
    async run(payload) {
      const programmeId = (payload as { programmeId?: unknown } | null)?.programmeId;
      if (typeof programmeId === "string") await evaluateOneProgramme(ctx, programmeId);
      else await evaluateAllAlerts(ctx);
    },
  },
  "alerts.digest": { run: () => sendAlertDigests(ctx).then(() => undefined) },
});

export const alertSchedules: Schedule[] = [
  { name: "alerts-evaluate", cron: "3 * * * *", job: "alerts.evaluate" },
  { name: "alerts-digest", cron: "6 * * * *", job: "alerts.digest" },
];
