import { and, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { CoachingOverview, EngagementMetadata } from "../../../contracts/coaching.js";
import { ENGAGEMENT_STAGES, type EngagementStage } from "../../../core/coaching/stage.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { placesTaken } from "../relationships/live-pairs.js";
import { relationships } from "../relationships/tables.js";
import { authorizeCoachingProgramme } from "./policies.js";
import { engagementStates } from "./repository.js";
import { coachingEngagements } from "./tables.js";

const coach = alias(users, "overview_coach");
const coachee = alias(users, "overview_coachee");
const sponsor = alias(users, "overview_sponsor");

const RISK_ORDER = { closing: 0, last_sessions: 1, period_ending: 2 } as const;

/**
 * Every engagement of a coaching programme as the coordinator may see it: who, the package
 * and how much of it is used, dates, whether the outcomes were agreed and measured, and
 * whether it is at risk of closing unmeasured. Built from counts and dates only — never
 * from agendas, notes, summaries, exercises or the outcomes' wording.
 */
export async function coachingOverview(
  db: Db,
  principal: Principal,
  programmeId: string,
  q: { stage?: EngagementStage; atRisk?: "true"; sort: "risk" | "coachee" | "ends"; limit: number; offset: number },
  now = new Date(),
): Promise<z.infer<typeof CoachingOverview>> {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  authorizeCoachingProgramme(programme);
  const rows = await db
    .select({
      engagement: coachingEngagements,
      status: relationships.status,
      mentorEnrolmentId: relationships.mentorEnrolmentId,
      menteeEnrolmentId: relationships.menteeEnrolmentId,
      coachName: coach.name,
      coacheeName: coachee.name,
      sponsorName: sponsor.name,
    })
    .from(coachingEngagements)
    .innerJoin(relationships, eq(relationships.id, coachingEngagements.relationshipId))
    .innerJoin(coach, eq(coach.id, relationships.mentorUserId))
    .innerJoin(coachee, eq(coachee.id, relationships.menteeUserId))
    .leftJoin(sponsor, eq(sponsor.email, coachingEngagements.sponsorEmail))
    .where(and(eq(coachingEngagements.programmeId, programme.id), ne(relationships.status, "declined")));
  const states = await engagementStates(db, rows, now);
  const all: z.infer<typeof EngagementMetadata>[] = rows.map((r) => {
    const s = states.get(r.engagement.relationshipId);
    if (!s) throw new Error("engagement without state");
    return {
      id: r.engagement.relationshipId,
      coach: { enrolmentId: r.mentorEnrolmentId, name: r.coachName },
      coachee: { enrolmentId: r.menteeEnrolmentId, name: r.coacheeName },
      sponsor: r.engagement.sponsorEmail ? (r.sponsorName ?? r.engagement.sponsorEmail) : null,
      stage: s.stage,
      package: { id: r.engagement.packageId, name: r.engagement.packageName },
      sessions: s.allowance.sessions,
      used: s.usage.used,
      booked: s.usage.booked,
      startDate: r.engagement.startDate,
      endsOn: s.allowance.endsOn,
      lastSessionAt: s.usage.lastSessionAt?.toISOString() ?? null,
      nextSessionAt: s.usage.nextSessionAt?.toISOString() ?? null,
      outcomes: s.outcomes.total,
      outcomesAgreed: r.engagement.agreedAt !== null,
      outcomesMeasured: s.outcomes.total > 0 && s.outcomes.withFinal === s.outcomes.total,
      finals: s.outcomes.withFinal,
      extensions: s.extensions,
      atRisk: s.risk,
      completedAt: r.engagement.completedAt?.toISOString() ?? null,
    };
  });
  const filtered = all.filter((e) => (!q.stage || e.stage === q.stage) && (!q.atRisk || e.atRisk !== null));
  const byName = (a: (typeof all)[number], b: (typeof all)[number]) =>
    a.coachee.name.localeCompare(b.coachee.name) || a.id.localeCompare(b.id);
  filtered.sort(
    q.sort === "coachee"
      ? byName
      : q.sort === "ends"
        ? (a, b) => a.endsOn.localeCompare(b.endsOn) || byName(a, b)
        : (a, b) =>
            (a.atRisk ? RISK_ORDER[a.atRisk.reason] : 9) - (b.atRisk ? RISK_ORDER[b.atRisk.reason] : 9) ||
            a.endsOn.localeCompare(b.endsOn) ||
            byName(a, b),
  );
  const [held, served, coaches, coachees] = await Promise.all([
    placesTaken(db, programme.id),
    // Coachees with an engagement waiting, live or completed are not waiting; one whose engagement ended early is again.
    db
      .selectDistinct({ id: relationships.menteeEnrolmentId })
      .from(relationships)
      .where(and(eq(relationships.programmeId, programme.id), inArray(relationships.status, ["proposed", "active", "paused", "completed"])))
      .then((rows) => new Set(rows.map((r) => r.id))),
    db
      .select({ id: enrolments.id, capacity: enrolments.capacity, paused: enrolments.paused })
      .from(enrolments)
      .where(and(eq(enrolments.programmeId, programme.id), eq(enrolments.role, "coach"), eq(enrolments.status, "approved"))),
    db
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(and(eq(enrolments.programmeId, programme.id), eq(enrolments.role, "coachee"), eq(enrolments.status, "approved"))),
  ]);
  const stages = Object.fromEntries(ENGAGEMENT_STAGES.map((s) => [s, all.filter((e) => e.stage === s).length])) as Record<
    EngagementStage,
    number
  >;
  return {
    counts: {
      stages,
      atRisk: all.filter((e) => e.atRisk).length,
      sessionsUsed: all.reduce((n, e) => n + e.used, 0),
      sessionsIncluded: all.filter((e) => e.stage !== "ended").reduce((n, e) => n + e.sessions, 0),
      coachesWithPlaces: coaches.filter((c) => !c.paused && (c.capacity ?? 0) > (held.get(c.id) ?? 0)).length,
      coacheesWaiting: coachees.filter((c) => !served.has(c.id)).length,
    },
    engagements: { items: filtered.slice(q.offset, q.offset + q.limit), total: filtered.length, limit: q.limit, offset: q.offset },
  };
}
