import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { cohortCsv } from "../../../core/demo/cohort-csv.js";
import { cohortProgress } from "../../../core/demo/cohort-progress.js";
import { type CohortOptions, DEMO_SEED, generateCohort } from "../../../core/demo/generate-cohort.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { type Executor, queryRows } from "../../platform/db.js";
import { jobs } from "../../platform/jobs/tables.js";
import { passwordResets, users } from "../accounts/tables.js";
import { importParticipants } from "../enrolment/import-participants.js";
import { createProgramme } from "../programmes/create-programme.js";
import { changeProgrammeStatus } from "../programmes/update-programme.js";
import { applyCohortProgress } from "./apply-progress.js";

export const DEMO_PROGRAMME_NAME = "Demo: Developer Mentoring";

const DESCRIPTION =
  "A made-up cohort of developers for finding your way around Grove. Senior engineers volunteer as mentors; " +
  "people early in their careers bring what they want to grow in. Some applications still wait for your review, " +
  "a few people have finished onboarding and others have not started, and the pool is ready to match. " +
  "Every person here is fictional and uses an example.org address, so nobody is emailed.";

export type DemoLoaded = {
  programmeId: string;
  slug: string;
  name: string;
  mentors: number;
  mentees: number;
  pending: number;
  waitlisted: number;
};

/**
 * Creates an open mentoring programme filled with the generated demo cohort, through the
 * same import as a coordinator's CSV upload. Running it again makes another programme
 * (with the next free slug) holding the same people. Benchmarks ask for a bigger cohort.
 *
 * Everything runs in one transaction. The import queues a welcome email and a
 * set-password link for each new person; both are deleted before the transaction commits,
 * so no job worker, in this process or another, ever sees them. A failure leaves nothing.
 */
export async function loadDemo(ctx: AppContext, coordinator: Principal, cohort: CohortOptions = {}): Promise<DemoLoaded> {
  const people = generateCohort(cohort);
  const progress = cohortProgress(people, cohort.seed ?? DEMO_SEED);
  const emails = people.map((p) => p.email);
  return ctx.db.transaction(async (tx) => {
    const inTx: AppContext = { ...ctx, db: tx };
    const draft = await createProgramme(tx, coordinator, {
      name: DEMO_PROGRAMME_NAME,
      type: "mentoring",
      description: DESCRIPTION,
      cadence: "weekly",
      sessionMinutes: 60,
    });
    const { programme } = await changeProgrammeStatus(tx, coordinator, draft.id, "open", draft.version);

    const existing = new Set((await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => u.email));
    const [{ lastJob }] = await queryRows<{ lastJob: string }>(tx, sql`select coalesce(max(id), 0)::text as "lastJob" from jobs`);
    const report = await importParticipants(inTx, coordinator, programme.id, cohortCsv(people), false);
    // The generator's unit tests keep its output valid; this guards against a form changed under it.
    if (report.errors.length) throw new Error(`The demo cohort no longer fits the default forms: ${JSON.stringify(report.errors[0])}`);
    await withdrawWelcomes(
      tx,
      emails.filter((e) => !existing.has(e)),
      lastJob,
    );
    await applyCohortProgress(tx, programme.id, progress);

    ctx.logger.info({ programmeId: programme.id, people: people.length }, "demo programme loaded");
    return {
      programmeId: programme.id,
      slug: programme.slug,
      name: programme.name,
      mentors: people.filter((p) => p.role === "mentor").length,
      mentees: people.filter((p) => p.role === "mentee").length,
      pending: progress.pending.length,
      waitlisted: progress.waitlisted.length,
    };
  });
}

/** Removes the welcome emails and set-password links the import made for people it created. */
async function withdrawWelcomes(tx: Executor, createdEmails: string[], lastJobBefore: string) {
  if (createdEmails.length === 0) return;
  await tx
    .delete(jobs)
    .where(
      and(eq(jobs.name, "mail.send"), gt(jobs.id, sql`${lastJobBefore}::bigint`), inArray(sql`${jobs.payload}->>'to'`, createdEmails)),
    );
  await tx
    .delete(passwordResets)
    .where(inArray(passwordResets.userId, tx.select({ id: users.id }).from(users).where(inArray(users.email, createdEmails))));
}
