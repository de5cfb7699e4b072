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
import { type DemoPairs, matchDemo } from "./match-demo.js";
import { type DemoSupport, playSupportDemo } from "./support-demo.js";

export const DEMO_PROGRAMME_NAME = "Demo: Developer Mentoring";

const DESCRIPTION =
  "A made-up cohort of developers for finding your way around Grove. Senior engineers volunteer as mentors; " +
  "people early in their careers bring what they want to grow in. Some applications still wait for your review, " +
  "a few people have finished onboarding and others have not started. The approved pool has been matched: most pairs " +
  "have started, a couple still wait for both people to accept, and a few mentees wait for a mentor. " +
  "The term is four weeks in: pairs answered the fortnightly pulse, had their week-2 check-ins, and the alert queue " +
  "shows who needs a look. " +
  "Every person here is fictional and uses an example.org address, so nobody is emailed.";

export type DemoLoaded = {
  programmeId: string;
  slug: string;
  name: string;
  mentors: number;
  mentees: number;
  pending: number;
  waitlisted: number;
  /** Pairs from the published matching round (absent when the demo was loaded unmatched). */
  pairs?: DemoPairs;
  /** Survey answers, check-ins and alerts of a term four weeks in (with the matched demo only). */
  support?: DemoSupport;
};

export type DemoOptions = {
  /** Run and publish a matching round after loading. Default: yes for the standard demo, no for a custom-sized cohort (benchmarks). */
  match?: boolean;
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
export async function loadDemo(
  ctx: AppContext,
  coordinator: Principal,
  cohort: CohortOptions = {},
  options: DemoOptions = {},
): Promise<DemoLoaded> {
  const match = options.match ?? cohort.size === undefined;
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
    const pairs = match ? await matchDemo(inTx, coordinator, programme) : undefined;
    const support = pairs ? await playSupportDemo(tx, coordinator, programme) : undefined;
    // Publishing emails everyone in a pair and every unmatched mentee: fictional people get none of it.
    await withdrawMail(tx, emails, lastJob);

    ctx.logger.info({ programmeId: programme.id, people: people.length, pairs: pairs?.active }, "demo programme loaded");
    return {
      programmeId: programme.id,
      slug: programme.slug,
      name: programme.name,
      mentors: people.filter((p) => p.role === "mentor").length,
      mentees: people.filter((p) => p.role === "mentee").length,
      pending: progress.pending.length,
      waitlisted: progress.waitlisted.length,
      ...(pairs ? { pairs } : {}),
      ...(support ? { support } : {}),
    };
  });
}

/** Removes every email queued in this transaction for the fictional people (pair proposals, "no mentor yet"). */
async function withdrawMail(tx: Executor, emails: string[], lastJobBefore: string) {
  await tx
    .delete(jobs)
    .where(and(eq(jobs.name, "mail.send"), gt(jobs.id, sql`${lastJobBefore}::bigint`), inArray(sql`${jobs.payload}->>'to'`, emails)));
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
