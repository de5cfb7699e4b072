import { eq, sql } from "drizzle-orm";
import { sendPasswordReset } from "../../modules/accounts/password-reset.js";
import { pruneExpired } from "../../modules/accounts/repository.js";
import { users } from "../../modules/accounts/tables.js";
import { alertJobs, alertSchedules } from "../../modules/alerts/jobs.js";
import { coachingJobs, coachingSchedules } from "../../modules/coaching/jobs.js";
import { type AnonymousApplication, completeAnonymousApplication } from "../../modules/enrolment/apply.js";
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
    "mail.send": {
      async run(payload, job) {
        const message = payload as MailMessage;
        // The log names the account (when the address has one) and the job, not the address.
        const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, message.to)).limit(1);
        try {
          await ctx.mailer.send(message, { userId: user?.id, jobId: job.id });
          ctx.metrics?.mail.inc({ outcome: "sent" });
        } catch (err) {
          ctx.metrics?.mail.inc({ outcome: "failed" });
          throw err;
        }
      },
      sensitive: true,
    },
    // Queued by every reset request, known address or not; sends the link when there is an account.
    "account.password-reset": { run: (payload) => sendPasswordReset(ctx, (payload as { email: string }).email), sensitive: true },
    // Applications sent without signing in: the account and application, or a note to sign in first.
    "enrolment.anonymous-application": {
      run: (payload) => completeAnonymousApplication(ctx, payload as AnonymousApplication),
      sensitive: true,
    },
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
