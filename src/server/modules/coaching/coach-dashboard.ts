import { and, asc, count, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { CoachDashboard } from "../../../contracts/coaching.js";
import { outcomeResult } from "../../../core/coaching/outcomes.js";
import { isLiveStage } from "../../../core/coaching/stage.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { agendaTopics, pairSessions, sessionAgendas } from "../workspace/tables.js";
import { asMeasurement, engagementStates, outcomesOf } from "./repository.js";
import { coachingChemistryCalls, coachingEngagements, coachingExercises, coachingShortlists, coachingSummaries } from "./tables.js";

const DAY = 86_400_000;
const coacheeEnrolment = alias(enrolments, "dashboard_coachee_enrolment");

/**
 * The coach's desk across all their engagements: what is coming, which agendas to prepare,
 * which summaries to write, which measurements are due, overdue exercises, picks waiting for
 * their answer and chemistry calls. Only ever the caller's own engagements.
 */
export async function coachDashboard(db: Db, principal: Principal, now = new Date()): Promise<z.infer<typeof CoachDashboard>> {
  const mine = await db
    .select({ engagement: coachingEngagements, status: relationships.status, coachee: users.name, programme: programmes.name })
    .from(coachingEngagements)
    .innerJoin(relationships, eq(relationships.id, coachingEngagements.relationshipId))
    .innerJoin(users, eq(users.id, relationships.menteeUserId))
    .innerJoin(programmes, eq(programmes.id, coachingEngagements.programmeId))
    .where(and(eq(relationships.mentorUserId, principal.user.id), ne(relationships.status, "declined")));
  const states = await engagementStates(db, mine, now);
  const live = mine.filter((m) => isLiveStage(states.get(m.engagement.relationshipId)?.stage ?? "ended"));
  const liveIds = live.map((m) => m.engagement.relationshipId);
  const about = new Map(mine.map((m) => [m.engagement.relationshipId, { coachee: m.coachee, programme: m.programme }]));

  const sessions = liveIds.length
    ? await db
        .select({
          id: pairSessions.id,
          relationshipId: pairSessions.relationshipId,
          startsAt: pairSessions.startsAt,
          endsAt: pairSessions.endsAt,
          status: pairSessions.status,
          agenda: sessionAgendas.status,
          summary: coachingSummaries.status,
          topics: sql<number>`(select count(*)::int from ${agendaTopics} t where t.session_id = ${pairSessions.id})`,
        })
        .from(pairSessions)
        .leftJoin(sessionAgendas, eq(sessionAgendas.sessionId, pairSessions.id))
        .leftJoin(coachingSummaries, eq(coachingSummaries.sessionId, pairSessions.id))
        .where(
          and(
            inArray(pairSessions.relationshipId, liveIds),
            ne(pairSessions.status, "cancelled"),
            lte(pairSessions.startsAt, new Date(now.getTime() + 14 * DAY)),
          ),
        )
        .orderBy(asc(pairSessions.startsAt))
    : [];
  const asSession = (s: (typeof sessions)[number]) => ({
    engagementId: s.relationshipId,
    sessionId: s.id,
    ...(about.get(s.relationshipId) as { coachee: string; programme: string }),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
  });
  const upcoming = sessions.filter((s) => s.status === "scheduled" && s.startsAt > now);
  const withAgenda = (s: (typeof sessions)[number]) => ({ ...asSession(s), agendaShared: s.agenda === "shared", topics: Number(s.topics) });

  const { outcomes, measurements } = await outcomesOf(db, liveIds);
  const measurementsDue = live.flatMap((m) => {
    const state = states.get(m.engagement.relationshipId);
    const id = m.engagement.relationshipId;
    const phase = state?.stage === "contracting" ? ("baseline" as const) : state?.risk ? ("final" as const) : null;
    if (!phase) return [];
    const missing = outcomes
      .filter((o) => o.relationshipId === id)
      .filter((o) => outcomeResult(o, measurements.filter((x) => x.outcomeId === o.id).map(asMeasurement))[phase] === null)
      .map((o) => ({ id: o.id, title: o.title }));
    return missing.length
      ? [
          {
            engagementId: id,
            ...(about.get(id) as { coachee: string; programme: string }),
            stage: state?.stage ?? "contracting",
            phase,
            outcomes: missing,
          },
        ]
      : [];
  });

  const today = now.toISOString().slice(0, 10);
  const overdue = liveIds.length
    ? await db
        .select({ id: coachingExercises.relationshipId, n: count() })
        .from(coachingExercises)
        .where(
          and(inArray(coachingExercises.relationshipId, liveIds), isNull(coachingExercises.doneAt), lt(coachingExercises.dueOn, today)),
        )
        .groupBy(coachingExercises.relationshipId)
    : [];
  const calls = await db
    .select({ call: coachingChemistryCalls, coachee: users.name })
    .from(coachingChemistryCalls)
    .innerJoin(enrolments, eq(enrolments.id, coachingChemistryCalls.coachEnrolmentId))
    .innerJoin(coachingShortlists, eq(coachingShortlists.id, coachingChemistryCalls.shortlistId))
    .innerJoin(coacheeEnrolment, eq(coacheeEnrolment.id, coachingShortlists.coacheeEnrolmentId))
    .innerJoin(users, eq(users.id, coacheeEnrolment.userId))
    .where(
      and(
        eq(enrolments.userId, principal.user.id),
        or(eq(coachingChemistryCalls.status, "planned"), gte(coachingChemistryCalls.at, new Date(now.getTime() - 7 * DAY))),
      ),
    )
    .orderBy(asc(coachingChemistryCalls.at));

  return {
    upcoming: upcoming.map(withAgenda),
    agendasToPrepare: upcoming.filter((s) => s.startsAt.getTime() <= now.getTime() + 7 * DAY && s.agenda !== "shared").map(withAgenda),
    summariesToWrite: sessions.filter((s) => s.startsAt <= now && s.status !== "missed" && s.summary !== "shared").map(asSession),
    measurementsDue,
    exercisesOverdue: overdue.map((o) => ({ engagementId: o.id, coachee: about.get(o.id)?.coachee ?? "", count: Number(o.n) })),
    awaitingMyAnswer: mine
      .filter((m) => m.status === "proposed")
      .map((m) => ({ engagementId: m.engagement.relationshipId, coachee: m.coachee, programme: m.programme })),
    chemistryCalls: calls.map((c) => ({
      shortlistId: c.call.shortlistId,
      callId: c.call.id,
      coachee: c.coachee,
      at: c.call.at.toISOString(),
      minutes: c.call.minutes,
      status: c.call.status,
    })),
    engagements: live.map((m) => {
      const s = states.get(m.engagement.relationshipId);
      return {
        id: m.engagement.relationshipId,
        coachee: m.coachee,
        programme: m.programme,
        stage: s?.stage ?? "contracting",
        used: s?.usage.used ?? 0,
        sessions: s?.allowance.sessions ?? m.engagement.sessions,
        endsOn: s?.allowance.endsOn ?? m.engagement.startDate,
      };
    }),
  };
}
