import { and, asc, count, eq, gt, inArray, isNull } from "drizzle-orm";
import { MAX_STAKEHOLDERS, type Phase, phaseProblem } from "../../../core/coaching/outcomes.js";
import type { Principal } from "../../platform/auth/principal.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import { type Db, isUniqueViolation } from "../../platform/db.js";
import { badRequest, conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { lockOpenPair } from "../workspace/access.js";
import { pairPeople } from "../workspace/people.js";
import { loadEngagement } from "./access.js";
import { ratingRequestEmail } from "./emails.js";
import { authorizeEngagement } from "./policies.js";
import { coachingMeasurements, coachingOutcomes, coachingRatingRequests, coachingStakeholders } from "./tables.js";

/** How long a stakeholder's rating link works. */
export const RATING_LINK_DAYS = 14;

/**
 * Up to five people the coachee works with, who rate the outcomes that ask for
 * stakeholders through a one-time link (no account). Coach and coachee manage the list;
 * the sponsor and the coordinator never see who they are.
 */
export async function listStakeholders(db: Db, principal: Principal, engagementId: string, now = new Date()) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "manageStakeholders");
  const [people, links] = await Promise.all([
    db
      .select()
      .from(coachingStakeholders)
      .where(eq(coachingStakeholders.relationshipId, l.relationship.id))
      .orderBy(asc(coachingStakeholders.createdAt)),
    db.select().from(coachingRatingRequests).where(eq(coachingRatingRequests.relationshipId, l.relationship.id)),
  ]);
  return {
    items: people.map((p) => {
      const mine = links.filter((k) => k.stakeholderId === p.id);
      return {
        id: p.id,
        name: p.name,
        email: p.email,
        relation: p.relation,
        answered: [...new Set(mine.filter((k) => k.usedAt).map((k) => k.phase))],
        pending: mine.filter((k) => !k.usedAt && k.expiresAt > now).map((k) => ({ phase: k.phase, expiresAt: k.expiresAt.toISOString() })),
      };
    }),
    max: MAX_STAKEHOLDERS,
  };
}

export async function addStakeholder(
  db: Db,
  principal: Principal,
  engagementId: string,
  input: { name: string; email: string; relation: string },
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "manageStakeholders");
  const people = await pairPeople(db, l.relationship);
  const email = input.email.toLowerCase();
  if (email === people.mentee.email.toLowerCase() || email === people.mentor.email.toLowerCase())
    throw conflict("stakeholder_not_allowed", "Coach and coachee rate as themselves; stakeholders are the people around the coachee.");
  if (email === l.engagement.sponsorEmail)
    throw conflict("stakeholder_not_allowed", "The sponsor rates as the sponsor, not as a stakeholder.");
  try {
    await db.transaction(async (tx) => {
      await lockOpenPair(tx, l.relationship.id);
      const [{ n }] = await tx
        .select({ n: count() })
        .from(coachingStakeholders)
        .where(eq(coachingStakeholders.relationshipId, l.relationship.id));
      if (Number(n) >= MAX_STAKEHOLDERS)
        throw conflict("too_many_stakeholders", `An engagement has at most ${MAX_STAKEHOLDERS} stakeholders.`);
      await tx.insert(coachingStakeholders).values({ relationshipId: l.relationship.id, ...input, email, addedBy: principal.user.id });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("stakeholder_exists", `${email} is already a stakeholder of this engagement.`);
    throw e;
  }
  return listStakeholders(db, principal, engagementId);
}

/** Removes a stakeholder who has not rated yet; one who has stays, so the averages do not shift behind anyone's back. */
export async function removeStakeholder(db: Db, principal: Principal, engagementId: string, stakeholderId: string) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "manageStakeholders");
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const [s] = await tx
      .select()
      .from(coachingStakeholders)
      .where(and(eq(coachingStakeholders.id, stakeholderId), eq(coachingStakeholders.relationshipId, l.relationship.id)));
    if (!s) throw notFound("That stakeholder");
    const [{ n }] = await tx.select({ n: count() }).from(coachingMeasurements).where(eq(coachingMeasurements.stakeholderId, s.id));
    if (Number(n) > 0) throw conflict("stakeholder_rated", `${s.name} has already rated; their ratings stay part of the record.`);
    await tx.delete(coachingStakeholders).where(eq(coachingStakeholders.id, s.id));
  });
  return listStakeholders(db, principal, engagementId);
}

/**
 * The coach asks stakeholders for a phase's ratings: each gets a fresh one-time link valid
 * for two weeks (an older unused link for the same phase stops working). Only outcomes
 * that name stakeholders as raters appear behind the link.
 */
export async function requestStakeholderRatings(
  ctx: AppContext,
  principal: Principal,
  engagementId: string,
  input: { phase: Phase; stakeholderIds?: string[] },
  now = new Date(),
) {
  const l = await loadEngagement(ctx.db, principal, engagementId);
  authorizeEngagement(l.role, "requestStakeholderRatings");
  const expiresAt = new Date(now.getTime() + RATING_LINK_DAYS * 86_400_000);
  const sent = await ctx.db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const timing = phaseProblem(input.phase, { agreed: l.engagement.agreedAt !== null, hasFinal: false });
    if (timing) throw conflict(timing.code, timing.message);
    const asked = (await tx.select().from(coachingOutcomes).where(eq(coachingOutcomes.relationshipId, l.relationship.id))).filter((o) =>
      o.raters.includes("stakeholders"),
    );
    if (asked.length === 0)
      throw conflict("no_stakeholder_outcomes", "No outcome is rated by stakeholders; add them as raters of an outcome first.");
    const targets = await tx
      .select()
      .from(coachingStakeholders)
      .where(
        and(
          eq(coachingStakeholders.relationshipId, l.relationship.id),
          input.stakeholderIds
            ? inArray(coachingStakeholders.id, input.stakeholderIds.length ? input.stakeholderIds : [l.relationship.id])
            : undefined,
        ),
      );
    if (targets.length === 0) throw badRequest("no_stakeholders", "Add the stakeholders to ask first.");
    const coachee = (await pairPeople(tx, l.relationship)).mentee;
    for (const s of targets) {
      await tx
        .update(coachingRatingRequests)
        .set({ expiresAt: now })
        .where(
          and(
            eq(coachingRatingRequests.stakeholderId, s.id),
            eq(coachingRatingRequests.phase, input.phase),
            isNull(coachingRatingRequests.usedAt),
            gt(coachingRatingRequests.expiresAt, now),
          ),
        );
      const token = newSecret();
      await tx.insert(coachingRatingRequests).values({
        relationshipId: l.relationship.id,
        stakeholderId: s.id,
        phase: input.phase,
        tokenHash: hashSecret(token),
        expiresAt,
        createdBy: principal.user.id,
      });
      await enqueue(
        tx,
        "mail.send",
        ratingRequestEmail(s, {
          coachee: coachee.name,
          phase: input.phase,
          link: `${ctx.config.baseUrl}/rate/${l.relationship.id}/${token}`,
          expiresOn: expiresAt.toISOString().slice(0, 10),
        }),
      );
    }
    return targets.length;
  });
  ctx.logger.info({ engagementId, phase: input.phase, sent }, "stakeholder ratings requested");
  return { sent, expiresAt: expiresAt.toISOString() };
}
