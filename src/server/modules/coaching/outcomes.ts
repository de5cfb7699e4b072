import { and, count, eq, max, sql } from "drizzle-orm";
import type { z } from "zod";
import type { OutcomeCreate, OutcomeUpdate } from "../../../contracts/coaching.js";
import { agreementProblems, fullyAgreed } from "../../../core/coaching/completion.js";
import {
  MAX_OUTCOMES,
  type Measure,
  outcomeResult,
  type Phase,
  phaseProblem,
  type RaterGroup,
  targetProblem,
  valueProblem,
} from "../../../core/coaching/outcomes.js";
import { raterGroupFor } from "../../../core/coaching/roles.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Tx } from "../../platform/db.js";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors.js";
import { lockOpenPair } from "../workspace/access.js";
import { type EngagementRow, type LoadedEngagement, loadEngagement } from "./access.js";
import { readOutcomeBoard } from "./outcome-board.js";
import { authorizeEngagement } from "./policies.js";
import { asMeasurement, outcomesOf } from "./repository.js";
import { coachingEngagements, coachingMeasurements, coachingOutcomes, coachingPackages } from "./tables.js";

const fieldError = (path: string, message: string) => badRequest("validation_failed", message, { issues: [{ path: [path], message }] });

/** Inside a write: the pair's lock (so nothing lands in a completed engagement) and the engagement as it is now. */
async function lockEngagement(tx: Tx, l: LoadedEngagement) {
  const relationship = await lockOpenPair(tx, l.relationship.id);
  const [engagement] = await tx.select().from(coachingEngagements).where(eq(coachingEngagements.relationshipId, relationship.id));
  return { ...l, relationship, engagement };
}

const notAfterAgreement = (e: EngagementRow) => {
  if (e.agreedAt) throw conflict("outcomes_agreed", "The outcomes were agreed by everyone; they are fixed for the rest of the engagement.");
};

function checkDefinition(e: EngagementRow, d: { measure?: Measure; target?: number | null; raters?: RaterGroup[] }, measure: Measure) {
  if (d.target !== undefined) {
    const problem = targetProblem(measure, d.target);
    if (problem) throw fieldError("target", `Target: ${problem}`);
  }
  if (d.raters?.includes("sponsor") && !e.sponsorEmail) throw fieldError("raters", "This engagement has no sponsor to rate it.");
}

/** Changing what was agreed on asks everyone to agree again. */
const clearAgreement = (tx: Tx, relationshipId: string) =>
  tx
    .update(coachingEngagements)
    .set({ coachAgreedAt: null, coacheeAgreedAt: null, sponsorAgreedAt: null })
    .where(eq(coachingEngagements.relationshipId, relationshipId));

export async function defineOutcome(db: Db, principal: Principal, engagementId: string, input: z.infer<typeof OutcomeCreate>) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "defineOutcomes");
  await db.transaction(async (tx) => {
    const locked = await lockEngagement(tx, l);
    notAfterAgreement(locked.engagement);
    checkDefinition(locked.engagement, input, input.measure);
    const [{ n, last }] = await tx
      .select({ n: count(), last: max(coachingOutcomes.position) })
      .from(coachingOutcomes)
      .where(eq(coachingOutcomes.relationshipId, l.relationship.id));
    if (Number(n) >= MAX_OUTCOMES)
      throw conflict("too_many_outcomes", `An engagement agrees at most ${MAX_OUTCOMES} outcomes; keep the ones that matter most.`);
    await tx.insert(coachingOutcomes).values({ relationshipId: l.relationship.id, position: (last ?? 0) + 1, ...input });
    await clearAgreement(tx, l.relationship.id);
  });
  return readOutcomeBoard(db, { ...(await loadEngagement(db, principal, engagementId)), role: "coach" });
}

async function findOutcome(tx: Tx, relationshipId: string, outcomeId: string) {
  const [o] = await tx
    .select()
    .from(coachingOutcomes)
    .where(and(eq(coachingOutcomes.id, outcomeId), eq(coachingOutcomes.relationshipId, relationshipId)));
  if (!o) throw notFound("That outcome");
  return o;
}

/** The coach rewords an outcome while contracting. Its measure cannot change once someone has rated it. */
export async function updateOutcome(
  db: Db,
  principal: Principal,
  engagementId: string,
  outcomeId: string,
  input: z.infer<typeof OutcomeUpdate>,
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "defineOutcomes");
  const { version, ...changes } = input;
  await db.transaction(async (tx) => {
    const locked = await lockEngagement(tx, l);
    notAfterAgreement(locked.engagement);
    const current = await findOutcome(tx, l.relationship.id, outcomeId);
    if (current.version !== version)
      throw conflict("version_conflict", "This outcome changed since you opened it. Reload it and make your change again.", {
        currentVersion: current.version,
      });
    const measure = changes.measure ?? current.measure;
    checkDefinition(locked.engagement, changes, measure);
    if (changes.measure && JSON.stringify(changes.measure) !== JSON.stringify(current.measure)) {
      const [{ n }] = await tx.select({ n: count() }).from(coachingMeasurements).where(eq(coachingMeasurements.outcomeId, current.id));
      if (Number(n) > 0)
        throw conflict("outcome_measured", "This outcome already has ratings. To measure it differently, remove it and add a new one.");
    }
    if (changes.target === undefined && changes.measure) {
      const problem = targetProblem(measure, current.target);
      if (problem) throw fieldError("target", `The current target does not fit the new measure: ${problem}`);
    }
    await tx
      .update(coachingOutcomes)
      .set({ ...changes, version: sql`${coachingOutcomes.version} + 1`, updatedAt: new Date() })
      .where(eq(coachingOutcomes.id, current.id));
    await clearAgreement(tx, l.relationship.id);
  });
  return readOutcomeBoard(db, { ...(await loadEngagement(db, principal, engagementId)), role: "coach" });
}

export async function removeOutcome(db: Db, principal: Principal, engagementId: string, outcomeId: string) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "defineOutcomes");
  await db.transaction(async (tx) => {
    const locked = await lockEngagement(tx, l);
    notAfterAgreement(locked.engagement);
    const current = await findOutcome(tx, l.relationship.id, outcomeId);
    await tx.delete(coachingOutcomes).where(eq(coachingOutcomes.id, current.id));
    await clearAgreement(tx, l.relationship.id);
  });
  return readOutcomeBoard(db, { ...(await loadEngagement(db, principal, engagementId)), role: "coach" });
}

/**
 * Coach, coachee and (when there is one) sponsor each agree the set of outcomes. It must
 * be complete first: one to five outcomes, each with a target and a baseline. When the
 * last one agrees, the outcomes are fixed and the engagement is under way.
 */
export async function agreeOutcomes(db: Db, principal: Principal, engagementId: string, now = new Date()) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "agreeOutcomes");
  const role = l.role;
  await db.transaction(async (tx) => {
    const locked = await lockEngagement(tx, l);
    const e = locked.engagement;
    notAfterAgreement(e);
    const { outcomes, measurements } = await outcomesOf(tx, [e.relationshipId]);
    const problems = agreementProblems(
      outcomes.map((o) => ({
        id: o.id,
        title: o.title,
        target: o.target,
        baseline: outcomeResult(o, measurements.filter((m) => m.outcomeId === o.id).map(asMeasurement)).baseline,
      })),
    );
    if (problems.length) throw new AppError(422, "agreement_incomplete", problems[0].message, { problems });
    const [pkg] = await tx
      .select({ sponsorRequired: coachingPackages.sponsorRequired })
      .from(coachingPackages)
      .where(eq(coachingPackages.id, e.packageId));
    if (pkg?.sponsorRequired && !e.sponsorEmail)
      throw new AppError(422, "sponsor_required", "This package needs a sponsor to agree the outcomes; ask the coordinator to name one.");
    const column = role === "coach" ? "coachAgreedAt" : role === "coachee" ? "coacheeAgreedAt" : "sponsorAgreedAt";
    const [after] = await tx
      .update(coachingEngagements)
      .set({ [column]: e[column] ?? now })
      .where(eq(coachingEngagements.relationshipId, e.relationshipId))
      .returning();
    const agreed = fullyAgreed({
      coach: after.coachAgreedAt !== null,
      coachee: after.coacheeAgreedAt !== null,
      sponsor: after.sponsorEmail ? after.sponsorAgreedAt !== null : null,
    });
    if (agreed) await tx.update(coachingEngagements).set({ agreedAt: now }).where(eq(coachingEngagements.relationshipId, e.relationshipId));
  });
  return readOutcomeBoard(db, { ...(await loadEngagement(db, principal, engagementId)), role });
}

/**
 * A coach, coachee or sponsor rates an outcome for a phase, in the group the outcome asks
 * them for. Rating the same phase again replaces the value (and its time).
 */
export async function recordMeasurement(
  db: Db,
  principal: Principal,
  engagementId: string,
  outcomeId: string,
  phase: Phase,
  value: number,
  now = new Date(),
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "rate");
  const role = l.role;
  await db.transaction(async (tx) => {
    const locked = await lockEngagement(tx, l);
    const outcome = await findOutcome(tx, l.relationship.id, outcomeId);
    const group = raterGroupFor(role, outcome.raters);
    if (!group) throw new AppError(403, "not_a_rater", `This outcome is rated by ${outcome.raters.join(", ")}; not by the ${role}.`);
    const problem = valueProblem(outcome.measure, value);
    if (problem) throw fieldError("value", problem);
    const existing = await tx.select().from(coachingMeasurements).where(eq(coachingMeasurements.outcomeId, outcome.id));
    const timing = phaseProblem(phase, {
      agreed: locked.engagement.agreedAt !== null,
      hasFinal: existing.some((m) => m.phase === "final"),
    });
    if (timing) throw conflict(timing.code, timing.message);
    const mine = existing.find((m) => m.phase === phase && m.raterUserId === principal.user.id);
    if (mine) await tx.update(coachingMeasurements).set({ value, recordedAt: now }).where(eq(coachingMeasurements.id, mine.id));
    else
      await tx.insert(coachingMeasurements).values({
        outcomeId: outcome.id,
        relationshipId: l.relationship.id,
        phase,
        raterGroup: group,
        raterUserId: principal.user.id,
        value,
        recordedAt: now,
      });
  });
  return readOutcomeBoard(db, { ...(await loadEngagement(db, principal, engagementId)), role });
}

export async function outcomeBoard(db: Db, principal: Principal, engagementId: string) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "readOutcomes");
  return readOutcomeBoard(db, { ...l, role: l.role });
}
