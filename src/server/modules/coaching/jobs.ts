import type { AppContext } from "../../platform/context.js";
import type { Schedule } from "../../platform/jobs/schedules.js";
import type { JobHandlers } from "../../platform/jobs/worker.js";
import { sendMeasurementReminders, sendSummaryReminders } from "./coach-reminders.js";

/**
 * In coaching the coach drives, so the nudges go to the coach: agenda reminders (the
 * growth module's job, which asks the mode who writes the agenda), and these two.
 */
export const coachingJobs = (ctx: AppContext): JobHandlers => ({
  "coaching.summary-reminders": { run: () => sendSummaryReminders(ctx).then(() => undefined) },
  "coaching.measurement-reminders": { run: () => sendMeasurementReminders(ctx).then(() => undefined) },
});

export const coachingSchedules: Schedule[] = [
  { name: "summary-reminders", cron: "25 * * * *", job: "coaching.summary-reminders" },
  { name: "measurement-reminders", cron: "30 8 * * *", job: "coaching.measurement-reminders" },
];
