import type { AppContext } from "../../platform/context.js";
import type { Schedule } from "../../platform/jobs/schedules.js";
import type { JobHandlers } from "../../platform/jobs/worker.js";
import { sendAgendaReminders } from "./agenda-reminders.js";
import { sendFollowUpReminders } from "./follow-up-reminders.js";
import { sendMentorDigests } from "./mentor-digest.js";
import { sendWeeklyReflectionPrompts } from "./weekly-reflection-prompts.js";

/**
 * Nudges go to the driver: agenda, follow-up and reflection reminders to the mentee; the
 * mentor gets a weekly digest. Each job only queues mail, keyed per occasion, so running
 * one twice (a retry, a second process) sends nothing twice.
 */
export const growthJobs = (ctx: AppContext): JobHandlers => ({
  "growth.agenda-reminders": { run: () => sendAgendaReminders(ctx).then(() => undefined) },
  "growth.follow-up-reminders": { run: () => sendFollowUpReminders(ctx).then(() => undefined) },
  "growth.reflection-prompts": { run: () => sendWeeklyReflectionPrompts(ctx).then(() => undefined) },
  "growth.mentor-digest": { run: () => sendMentorDigests(ctx).then(() => undefined) },
});

/**
 * Every nudge job runs hourly: each person's moment is in their own time zone (08:00 for
 * follow-ups, Thursday 15:00 for the reflection prompt, Monday 07:00 for the mentor's
 * digest), so the job asks whose moment has come rather than firing at one UTC hour.
 */
export const growthSchedules: Schedule[] = [
  { name: "agenda-reminders", cron: "5 * * * *", job: "growth.agenda-reminders" },
  { name: "follow-up-reminders", cron: "10 * * * *", job: "growth.follow-up-reminders" },
  { name: "reflection-prompts", cron: "20 * * * *", job: "growth.reflection-prompts" },
  { name: "mentor-digest", cron: "15 * * * *", job: "growth.mentor-digest" },
];
