import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { SponsoredEngagement } from "../../../contracts/coaching.js";
import { outcomeResult } from "../../../core/coaching/outcomes.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { presentAgreement, presentPackageUse } from "./present.js";
import { asMeasurement, engagementStates, outcomesOf } from "./repository.js";
import { coachingEngagements } from "./tables.js";

const coach = alias(users, "sponsored_coach");
const coachee = alias(users, "sponsored_coachee");

/**
 * The sponsor's screen: each engagement they sponsor, with its package, sessions used and
 * left, and the outcomes with baseline, target and final (group averages only). Built
 * without reading agendas, notes, summaries or exercises: they are not in any query here.
 */
export async function sponsoredEngagements(db: Db, principal: Principal, page: { limit: number; offset: number }, now = new Date()) {
  const rows = await db
    .select({
      engagement: coachingEngagements,
      status: relationships.status,
      programme: { id: programmes.id, name: programmes.name },
      coach: coach.name,
      coachee: coachee.name,
    })
    .from(coachingEngagements)
    .innerJoin(relationships, eq(relationships.id, coachingEngagements.relationshipId))
    .innerJoin(programmes, eq(programmes.id, coachingEngagements.programmeId))
    .innerJoin(coach, eq(coach.id, relationships.mentorUserId))
    .innerJoin(coachee, eq(coachee.id, relationships.menteeUserId))
    // Only where the caller holds an approved sponsor place: being named is not enough until they accept.
    .innerJoin(
      enrolments,
      and(
        eq(enrolments.programmeId, coachingEngagements.programmeId),
        eq(enrolments.userId, principal.user.id),
        eq(enrolments.role, "sponsor"),
        eq(enrolments.status, "approved"),
      ),
    )
    .where(eq(coachingEngagements.sponsorEmail, principal.user.email.toLowerCase()))
    .orderBy(desc(coachingEngagements.createdAt));
  const visible = rows.filter((r) => r.status !== "declined");
  const slice = visible.slice(page.offset, page.offset + page.limit);
  const ids = slice.map((r) => r.engagement.relationshipId);
  const [states, { outcomes, measurements }] = await Promise.all([engagementStates(db, slice, now), outcomesOf(db, ids)]);
  const items: z.infer<typeof SponsoredEngagement>[] = slice.map((r) => {
    const s = states.get(r.engagement.relationshipId);
    if (!s) throw new Error("engagement without state");
    return {
      id: r.engagement.relationshipId,
      programme: r.programme,
      coach: r.coach,
      coachee: r.coachee,
      stage: s.stage,
      package: presentPackageUse(r.engagement, s),
      agreement: presentAgreement(r.engagement),
      outcomes: outcomes
        .filter((o) => o.relationshipId === r.engagement.relationshipId)
        .map((o) => {
          const result = outcomeResult(o, measurements.filter((m) => m.outcomeId === o.id).map(asMeasurement));
          return {
            id: o.id,
            title: o.title,
            measure: o.measure,
            direction: o.direction,
            baseline: result.baseline,
            target: result.target,
            final: result.final,
            targetMet: result.targetMet,
            byPhase: result.byPhase,
            iRate: o.raters.includes("sponsor"),
          };
        }),
      completedAt: r.engagement.completedAt?.toISOString() ?? null,
    };
  });
  return { items, total: visible.length, limit: page.limit, offset: page.offset };
}
