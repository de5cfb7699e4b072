import { and, eq, isNull } from "drizzle-orm";
import { phaseProblem, valueProblem } from "../../../core/coaching/outcomes.js";
import { isWritable } from "../../../core/relationships/status.js";
import { hashSecret } from "../../platform/auth/secrets.js";
import type { Db, Executor } from "../../platform/db.js";
import { AppError, badRequest, conflict } from "../../platform/errors.js";
import { findRelationship } from "../relationships/access.js";
import { lockOpenPair } from "../workspace/access.js";
import { pairPeople } from "../workspace/people.js";
import { findEngagement } from "./access.js";
import { coachingMeasurements, coachingOutcomes, coachingRatingRequests, coachingStakeholders } from "./tables.js";

const invalid = () =>
  new AppError(404, "rating_link_not_found", "This rating link is not valid. Check that you opened the whole link from the email.");

/**
 * A stakeholder's link, checked: it must exist, belong to this engagement (a link of
 * another engagement is simply not valid here), be unused and unexpired, and the
 * engagement must still be open. The link is the only credential, so every refusal
 * writes nothing.
 */
async function liveLink(db: Executor, engagementId: string, token: string, now: Date) {
  const [link] = await db
    .select()
    .from(coachingRatingRequests)
    .where(eq(coachingRatingRequests.tokenHash, hashSecret(token)));
  if (!link || link.relationshipId !== engagementId) throw invalid();
  if (link.usedAt)
    throw new AppError(410, "rating_link_used", "This link was already used to send a rating. Thank you — nothing more to do.");
  if (link.expiresAt <= now)
    throw new AppError(410, "rating_link_expired", "This link has expired. Ask the person who sent it for a new one.");
  const relationship = await findRelationship(db, engagementId);
  const engagement = await findEngagement(db, engagementId);
  if (!relationship || !engagement) throw invalid();
  if (!isWritable(relationship.status, relationship.continuing))
    throw new AppError(410, "engagement_closed", "This coaching engagement has finished; ratings are no longer collected.");
  const [stakeholder] = await db.select().from(coachingStakeholders).where(eq(coachingStakeholders.id, link.stakeholderId));
  if (!stakeholder) throw invalid();
  return { link, relationship, engagement, stakeholder };
}

async function outcomesToRate(db: Executor, engagementId: string) {
  return (await db.select().from(coachingOutcomes).where(eq(coachingOutcomes.relationshipId, engagementId)))
    .filter((o) => o.raters.includes("stakeholders"))
    .sort((a, b) => a.position - b.position);
}

/** What the link shows: whose outcomes, which phase, and each outcome's measure. Nothing else about the engagement. */
export async function readRatingForm(db: Db, engagementId: string, token: string, now = new Date()) {
  const { link, relationship, stakeholder } = await liveLink(db, engagementId, token, now);
  const people = await pairPeople(db, relationship);
  return {
    coachee: people.mentee.name,
    stakeholder: stakeholder.name,
    phase: link.phase,
    expiresAt: link.expiresAt.toISOString(),
    outcomes: (await outcomesToRate(db, engagementId)).map((o) => ({ id: o.id, title: o.title, measure: o.measure })),
  };
}

/** Records the stakeholder's ratings and uses the link up, in one transaction: a second submission is refused. */
export async function submitRatings(
  db: Db,
  engagementId: string,
  token: string,
  ratings: { outcomeId: string; value: number }[],
  now = new Date(),
) {
  await liveLink(db, engagementId, token, now);
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, engagementId);
    const { link, engagement } = await liveLink(tx, engagementId, token, now);
    const outcomes = new Map((await outcomesToRate(tx, engagementId)).map((o) => [o.id, o]));
    const issues: { path: (string | number)[]; message: string }[] = [];
    ratings.forEach((r, i) => {
      const o = outcomes.get(r.outcomeId);
      if (!o) issues.push({ path: ["ratings", i, "outcomeId"], message: "That outcome is not one you were asked to rate." });
      else {
        const problem = valueProblem(o.measure, r.value);
        if (problem) issues.push({ path: ["ratings", i, "value"], message: problem });
      }
    });
    if (new Set(ratings.map((r) => r.outcomeId)).size !== ratings.length)
      issues.push({ path: ["ratings"], message: "Rate each outcome once." });
    if (issues.length) throw badRequest("validation_failed", issues[0].message, { issues });
    const timing = phaseProblem(link.phase, { agreed: engagement.agreedAt !== null, hasFinal: false });
    if (timing) throw conflict(timing.code, timing.message);
    const claimed = await tx
      .update(coachingRatingRequests)
      .set({ usedAt: now })
      .where(and(eq(coachingRatingRequests.id, link.id), isNull(coachingRatingRequests.usedAt)))
      .returning({ id: coachingRatingRequests.id });
    if (claimed.length === 0)
      throw new AppError(410, "rating_link_used", "This link was already used to send a rating. Thank you — nothing more to do.");
    for (const r of ratings) {
      await tx
        .delete(coachingMeasurements)
        .where(
          and(
            eq(coachingMeasurements.outcomeId, r.outcomeId),
            eq(coachingMeasurements.phase, link.phase),
            eq(coachingMeasurements.stakeholderId, link.stakeholderId),
          ),
        );
      await tx.insert(coachingMeasurements).values({
        outcomeId: r.outcomeId,
        relationshipId: engagementId,
        phase: link.phase,
        raterGroup: "stakeholders",
        stakeholderId: link.stakeholderId,
        value: r.value,
        recordedAt: now,
      });
    }
  });
  return { ok: true as const };
}
