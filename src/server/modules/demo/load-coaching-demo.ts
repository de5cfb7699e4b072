import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { SHIPPED_TEMPLATES } from "../../../core/coaching/templates.js";
import {
  DEMO_COACHEES,
  DEMO_COACHES,
  DEMO_ENGAGEMENTS,
  DEMO_SHORTLISTED,
  DEMO_SPONSORS,
  type DemoEngagement,
  type DemoOutcome,
} from "../../../core/demo/coaching-cohort.js";
import { cohortCsv } from "../../../core/demo/cohort-csv.js";
import { trainingFor } from "../../../core/enrolment/training.js";
import { addDays, toUtc } from "../../../core/workspace/local-time.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { type Executor, queryRows, type Tx } from "../../platform/db.js";
import { jobs } from "../../platform/jobs/tables.js";
import { findUserByEmail, insertUser } from "../accounts/repository.js";
import { passwordResets, users } from "../accounts/tables.js";
import { makeShortlists } from "../coaching/make-shortlists.js";
import { startEngagement } from "../coaching/start-engagement.js";
import {
  coachingEngagements,
  coachingExercises,
  coachingMeasurements,
  coachingOutcomes,
  coachingPackages,
  coachingSessionPlans,
  coachingStakeholders,
  coachingSummaries,
  coachProfiles,
} from "../coaching/tables.js";
import { importParticipants } from "../enrolment/import-participants.js";
import { syncMembership, upsertApplication } from "../enrolment/repository.js";
import { enrolments, trainingCompletions } from "../enrolment/tables.js";
import { createProgramme } from "../programmes/create-programme.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { changeProgrammeStatus } from "../programmes/update-programme.js";
import { relationships } from "../relationships/tables.js";
import { pairSessions } from "../workspace/tables.js";

export const COACHING_DEMO_NAME = "Demo: Engineering Leadership Coaching";

const DESCRIPTION =
  "A made-up coaching programme for finding your way around Grove's coaching. Five professional coaches run packaged " +
  "engagements of six sessions within twelve weeks; coachees' managers sponsor most of them. There is an engagement at " +
  "every stage: waiting for the coach, contracting the outcomes, under way with measurements, closing with finals " +
  "missing, and completed with targets met and missed. A few coachees are choosing from a shortlist. " +
  "Every person here is fictional and uses an example.org address, so nobody is emailed.";

export type CoachingDemoLoaded = {
  programmeId: string;
  slug: string;
  name: string;
  coaches: number;
  coachees: number;
  sponsors: number;
  engagements: Record<DemoEngagement["stage"], number>;
  shortlists: number;
};

const DAY = 86_400_000;
const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Creates a running coaching programme filled with the demo people and engagements, in
 * one transaction. People come in through the participants import (as a coordinator's
 * CSV would); engagements through the one way engagements are made; their history —
 * sessions held, outcomes, measurements, completion — is written as it would stand
 * weeks later. Every email the loading queued for the fictional people is withdrawn.
 */
export async function loadCoachingDemo(ctx: AppContext, coordinator: Principal, now = new Date()): Promise<CoachingDemoLoaded> {
  const emails = [...DEMO_COACHES, ...DEMO_COACHEES, ...DEMO_SPONSORS].map((p) => p.email);
  return ctx.db.transaction(async (tx) => {
    const inTx: AppContext = { ...ctx, db: tx };
    const [{ lastJob }] = await queryRows<{ lastJob: string }>(tx, sql`select coalesce(max(id), 0)::text as "lastJob" from jobs`);
    const draft = await createProgramme(
      tx,
      coordinator,
      {
        name: COACHING_DEMO_NAME,
        type: "coaching",
        description: DESCRIPTION,
        cadence: "weekly",
        sessionMinutes: 60,
        acceptance: "two_sided",
        termStart: addDays(today(now), -20 * 7),
        termEnd: addDays(today(now), 26 * 7),
      },
      now,
    );
    let { programme } = await changeProgrammeStatus(tx, coordinator, draft.id, "open", draft.version);
    const csv = cohortCsv(
      [...DEMO_COACHES.map((c) => ({ ...c, role: "coach" as const })), ...DEMO_COACHEES.map((c) => ({ ...c, role: "coachee" as const }))],
      ["coach", "coachee"],
    );
    const report = await importParticipants(inTx, coordinator, programme.id, csv, false);
    if (report.errors.length) throw new Error(`The coaching demo no longer fits the default forms: ${JSON.stringify(report.errors[0])}`);
    ({ programme } = await changeProgrammeStatus(tx, coordinator, programme.id, "matching", programme.version));
    ({ programme } = await changeProgrammeStatus(tx, coordinator, programme.id, "running", programme.version));

    const enrolmentOf = await enrolmentsByEmail(tx, programme.id);
    await finishOnboarding(tx, [...enrolmentOf.values()]);
    await addSponsors(tx, programme.id);
    await writeCoachProfiles(tx, enrolmentOf);
    const [pkg] = await tx.select().from(coachingPackages).where(eq(coachingPackages.programmeId, programme.id));
    const counts: CoachingDemoLoaded["engagements"] = { proposed: 0, contracting: 0, midway: 0, closing: 0, completed: 0 };
    for (const plan of DEMO_ENGAGEMENTS) {
      await loadEngagement(inTx, tx, programme, pkg, plan, enrolmentOf, coordinator, now);
      counts[plan.stage]++;
    }
    const shortlists = await makeShortlists(inTx, coordinator, programme.id, {
      coacheeEnrolmentIds: DEMO_SHORTLISTED.map((e) => enrolmentOf.get(e) as string),
      size: 3,
      packageId: pkg.id,
    });
    await withdrawMail(tx, emails, lastJob);
    ctx.logger.info({ programmeId: programme.id, engagements: DEMO_ENGAGEMENTS.length }, "coaching demo programme loaded");
    return {
      programmeId: programme.id,
      slug: programme.slug,
      name: programme.name,
      coaches: DEMO_COACHES.length,
      coachees: DEMO_COACHEES.length,
      sponsors: DEMO_SPONSORS.length,
      engagements: counts,
      shortlists: shortlists.made.length,
    };
  });
}

async function enrolmentsByEmail(db: Executor, programmeId: string) {
  const rows = await db
    .select({ id: enrolments.id, email: users.email })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(eq(enrolments.programmeId, programmeId));
  return new Map(rows.map((r) => [r.email, r.id]));
}

async function finishOnboarding(tx: Tx, enrolmentIds: string[]) {
  const rows = await tx.select({ id: enrolments.id, role: enrolments.role }).from(enrolments).where(inArray(enrolments.id, enrolmentIds));
  const done = rows.flatMap((r) => trainingFor(r.role).map((m) => ({ enrolmentId: r.id, moduleKey: m.key })));
  if (done.length) await tx.insert(trainingCompletions).values(done).onConflictDoNothing();
}

/** Sponsors hold an approved sponsor place, as if they had accepted their invitations. */
async function addSponsors(tx: Tx, programmeId: string) {
  for (const s of DEMO_SPONSORS) {
    const user =
      (await findUserByEmail(tx, s.email)) ?? (await insertUser(tx, { email: s.email, name: s.name, passwordHash: null, isAdmin: false }));
    const enrolment = await upsertApplication(tx, {
      programmeId,
      userId: user.id,
      role: "sponsor",
      status: "approved",
      source: "invitation",
      answers: {},
      formVersion: 1,
    });
    await syncMembership(tx, enrolment);
  }
}

async function writeCoachProfiles(tx: Tx, enrolmentOf: Map<string, string>) {
  for (const c of DEMO_COACHES) {
    await tx
      .insert(coachProfiles)
      .values({
        enrolmentId: enrolmentOf.get(c.email) as string,
        credentials: c.profile.credentials,
        specialisms: (c.answers.skills as { name: string }[]).map((s) => s.name),
        approach: c.profile.approach,
        languages: c.answers.languages as string[],
        timeZones: c.profile.timeZones,
        bio: c.profile.bio,
      })
      .onConflictDoNothing();
  }
}

const SUMMARY = "We reviewed last week's experiment and agreed the next one. Notes on what to try are in the exercise.";

async function loadEngagement(
  ctx: AppContext,
  tx: Tx,
  programme: ProgrammeRow,
  pkg: typeof coachingPackages.$inferSelect,
  plan: DemoEngagement,
  enrolmentOf: Map<string, string>,
  coordinator: Principal,
  now: Date,
) {
  const startDate = addDays(today(now), -plan.startedWeeksAgo * 7);
  const row = await startEngagement(ctx, tx, {
    programme,
    coacheeEnrolmentId: enrolmentOf.get(plan.coachee) as string,
    coachEnrolmentId: enrolmentOf.get(plan.coach) as string,
    pkg,
    startDate,
    sponsorEmail: plan.sponsor,
    status: plan.stage === "proposed" ? "proposed" : "active",
    origin: plan.stage === "proposed" ? "shortlist" : "manual",
    coacheeAccepted: plan.stage === "proposed",
    matchReasons: [],
    by: coordinator.user,
  });
  if (plan.stage === "proposed") return;
  const zone = DEMO_COACHES.find((c) => c.email === plan.coach)?.profile.timeZones[0] ?? "UTC";
  const sessionAt = (date: string) => ({
    startsAt: toUtc({ date, time: "10:00", timeZone: zone }),
    endsAt: toUtc({ date, time: "11:00", timeZone: zone }),
  });
  const held = [];
  for (let i = 0; i < plan.held; i++) {
    const date = addDays(startDate, i * 7 + 1);
    const [s] = await tx
      .insert(pairSessions)
      .values({
        relationshipId: row.id,
        title: "Coaching session",
        ...sessionAt(date),
        timeZone: zone,
        localDate: date,
        localStartTime: "10:00",
        localEndTime: "11:00",
        status: "held",
        outcomeAt: now,
      })
      .returning();
    held.push(s);
  }
  if (plan.booked) {
    const date = addDays(today(now), 3);
    await tx.insert(pairSessions).values({
      relationshipId: row.id,
      title: "Coaching session",
      ...sessionAt(date),
      timeZone: zone,
      localDate: date,
      localStartTime: "10:00",
      localEndTime: "11:00",
    });
  }
  // The coach's plan from Grove's skills framework, and a summary of every session but the last.
  await tx
    .insert(coachingSessionPlans)
    .values({ relationshipId: row.id, templateName: SHIPPED_TEMPLATES[0].name, entries: SHIPPED_TEMPLATES[0].entries });
  for (const s of held.slice(0, -1))
    await tx
      .insert(coachingSummaries)
      .values({ sessionId: s.id, relationshipId: row.id, body: SUMMARY, status: "shared", sharedAt: s.endsAt });
  if (held.length > 0)
    await tx.insert(coachingExercises).values({
      relationshipId: row.id,
      sessionId: held[held.length - 1].id,
      title: "Try one experiment this week",
      instructions: "Pick one situation from our session and try the new approach; note what happened.",
      dueOn: addDays(today(now), 4),
    });
  await writeOutcomes(tx, row.id, plan, now);
  const agreedAt = plan.agreed ? new Date(Date.parse(`${startDate}T12:00:00Z`) + 7 * DAY) : null;
  if (plan.agreed)
    await tx
      .update(coachingEngagements)
      .set({ coachAgreedAt: agreedAt, coacheeAgreedAt: agreedAt, sponsorAgreedAt: plan.sponsor ? agreedAt : null, agreedAt })
      .where(eq(coachingEngagements.relationshipId, row.id));
  if (plan.stage === "completed") {
    const endedAt = held.at(-1)?.endsAt ?? now;
    await tx
      .update(relationships)
      .set({ status: "completed", continuing: false, endedAt, updatedAt: endedAt })
      .where(eq(relationships.id, row.id));
    await tx.update(coachingEngagements).set({ completedAt: endedAt }).where(eq(coachingEngagements.relationshipId, row.id));
  }
}

async function writeOutcomes(tx: Tx, relationshipId: string, plan: DemoEngagement, now: Date) {
  const [r] = await tx.select().from(relationships).where(eq(relationships.id, relationshipId));
  const sponsorUser = plan.sponsor ? await findUserByEmail(tx, plan.sponsor) : undefined;
  const stakeholderIds: string[] = [];
  const needsStakeholders = plan.outcomes.some((o) => o.raters.includes("stakeholders"));
  if (needsStakeholders) {
    for (const [i, name] of ["Alex Rivera", "Sam Patel", "Jo Kim"].entries()) {
      const [s] = await tx
        .insert(coachingStakeholders)
        .values({
          relationshipId,
          name,
          email: `${name.toLowerCase().replace(" ", ".")}.${relationshipId.slice(0, 6)}.peer${i}@example.org`,
          relation: "peer",
        })
        .returning();
      stakeholderIds.push(s.id);
    }
  }
  for (const [position, o] of plan.outcomes.entries()) {
    const [row] = await tx
      .insert(coachingOutcomes)
      .values({
        relationshipId,
        position: position + 1,
        title: o.title,
        measure: o.measure,
        direction: o.direction,
        target: o.target,
        raters: o.raters,
      })
      .returning();
    const people: Record<"coach" | "coachee" | "sponsor", string | undefined> = {
      coach: r.mentorUserId,
      coachee: r.menteeUserId,
      sponsor: sponsorUser?.id,
    };
    for (const phase of ["baseline", "midpoint", "final"] as const) {
      const ratings = (o as DemoOutcome)[phase];
      if (!ratings) continue;
      for (const group of ["coach", "coachee", "sponsor"] as const) {
        const value = ratings[group];
        const userId = people[group];
        if (value === undefined || !userId) continue;
        await tx
          .insert(coachingMeasurements)
          .values({ outcomeId: row.id, relationshipId, phase, raterGroup: group, raterUserId: userId, value, recordedAt: now });
      }
      for (const [i, value] of (ratings.stakeholders ?? []).entries()) {
        const stakeholderId = stakeholderIds[i];
        if (stakeholderId)
          await tx
            .insert(coachingMeasurements)
            .values({ outcomeId: row.id, relationshipId, phase, raterGroup: "stakeholders", stakeholderId, value, recordedAt: now });
      }
    }
  }
}

/** Removes every email queued in this transaction for the fictional people, and any set-password links made for them. */
async function withdrawMail(tx: Executor, emails: string[], lastJobBefore: string) {
  await tx
    .delete(jobs)
    .where(and(eq(jobs.name, "mail.send"), gt(jobs.id, sql`${lastJobBefore}::bigint`), inArray(sql`${jobs.payload}->>'to'`, emails)));
  await tx
    .delete(passwordResets)
    .where(inArray(passwordResets.userId, tx.select({ id: users.id }).from(users).where(inArray(users.email, emails))));
}
