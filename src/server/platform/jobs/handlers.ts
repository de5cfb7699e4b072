import { sql } from "drizzle-orm";
import { pruneExpired } from "../../modules/accounts/repository.js";
import { alertJobs, alertSchedules } from "../../modules/alerts/jobs.js";
import { coachingJobs, coachingSchedules } from "../../modules/coaching/jobs.js";
import { growthJobs, growthSchedules } from "../../modules/growth/jobs.js";
import { expireRequestsJob } from "../../modules/self-match/expire-requests.js";
import { supportJobs, supportSchedules } from "../../modules/support/jobs.js";
import { surveyJobs, surveySchedules } from "../../modules/surveys/jobs.js";
import type { AppContext } from "../context.js";
import type { MailMessage } from "../mail.js";
import type { Schedule } from "./schedules.js";
import type { JobHandlers } from "./worker.js";

/** Every job Grove knows how to run. Features add theirs here. */
export function jobHandlers(ctx: AppContext): JobHandlers {
  return {
    // Mail goes through the queue so a slow or failing SMTP server never fails a request,
    // and retries with backoff. Payloads can hold one-time links: cleared once handled.
    "mail.send": { run: (payload) => ctx.mailer.send(payload as MailMessage), sensitive: true },
    "maintenance.prune": {
      async run() {
        await pruneExpired(ctx.db);
        await ctx.db.execute(sql`delete from jobs where completed_at < now() - interval '14 days'`);
      },
    },
    // PGlite has no autovacuum: without fresh statistics the planner picks quadratic joins.
    "maintenance.analyze": { run: () => ctx.db.execute(sql`analyze`).then(() => undefined) },
    // Self-match requests nobody answered in time: expired, both people told.
    "self-match.expire": { run: () => expireRequestsJob(ctx) },
    // Agenda, follow-up and reflection nudges for mentees; a weekly digest for mentors.
    ...growthJobs(ctx),
    // Coaching nudges go to the coach: summaries to share, outcomes to measure.
    ...coachingJobs(ctx),
    // Surveys at 08:00 local on their programme week, and one reminder.
    ...surveyJobs(ctx),
    // Signals into the coordinators' queue, hourly and on demand; the daily digest.
    ...alertJobs(ctx),
    // The programme's weekly resource for each side, at the start of each programme week.
    ...supportJobs(ctx),
  };
}

export const schedules: Schedule[] = [
  { name: "nightly-prune", cron: "17 3 * * *", job: "maintenance.prune" },
  { name: "hourly-analyze", cron: "41 * * * *", job: "maintenance.analyze" },
  { name: "expire-match-requests", cron: "*/15 * * * *", job: "self-match.expire" },
  ...growthSchedules,
  ...coachingSchedules,
  ...surveySchedules,
  ...alertSchedules,
  ...supportSchedules,
];
