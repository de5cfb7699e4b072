import type { AppContext } from "../../platform/context.js";
import type { Schedule } from "../../platform/jobs/schedules.js";
import type { JobHandlers } from "../../platform/jobs/worker.js";
import { sendWeeklyResources } from "./send-weekly-resources.js";

/** Hourly, so each person's Monday 08:00 (or the term's own first weekday) is caught wherever they are. */
export const supportJobs = (ctx: AppContext): JobHandlers => ({
  "support.weekly-resources": { run: () => sendWeeklyResources(ctx).then(() => undefined) },
});

export const supportSchedules: Schedule[] = [{ name: "weekly-resources", cron: "2 * * * *", job: "support.weekly-resources" }];
