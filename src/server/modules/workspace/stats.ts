import { and, eq, gte, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { relationships } from "../relationships/tables.js";
import { mentoringPlans, pairSessions, sessionAgendas } from "./tables.js";

/** What a coordinator may know about a pair's sessions: counts and dates, never content. */
export type SessionStats = {
  held: number;
  missed: number;
  cancelled: number;
  lateCancellations: number;
  lastSessionAt: Date | null;
  nextSessionAt: Date | null;
  planAcknowledged: boolean;
};

/**
 * Session metadata for every pair of a programme, keyed by relationship id. Pairs with no
 * sessions and no plan are absent (read them as zeros). For the coordinator's health view.
 * Only sessions that began before a pair completed or ended count: a pair that chose to
 * continue after the term meets outside the programme, and its coordinator does not see it.
 */
export async function sessionStatsForProgramme(
  db: Executor,
  programmeId: string,
  now = new Date(),
  /** Just this pair (an alert's page), instead of the whole programme. */
  relationshipId?: string,
): Promise<Map<string, SessionStats>> {
  const rows = await db
    .select({
      relationshipId: relationships.id,
      held: sql<number>`count(${pairSessions.id}) filter (where ${pairSessions.status} = 'held')::int`,
      missed: sql<number>`count(${pairSessions.id}) filter (where ${pairSessions.status} = 'missed')::int`,
      cancelled: sql<number>`count(${pairSessions.id}) filter (where ${pairSessions.status} = 'cancelled')::int`,
      late: sql<number>`count(${pairSessions.id}) filter (where ${pairSessions.lateCancellation})::int`,
      last: sql<Date | null>`max(${pairSessions.startsAt}) filter (where ${pairSessions.status} = 'held')`,
      next: sql<Date | null>`min(${pairSessions.startsAt}) filter (where ${pairSessions.status} = 'scheduled' and ${pairSessions.startsAt} > ${now})`,
      acknowledged: sql<boolean>`bool_or(${mentoringPlans.mentorAcknowledgedAt} is not null and ${mentoringPlans.menteeAcknowledgedAt} is not null)`,
    })
    .from(relationships)
    .leftJoin(
      pairSessions,
      and(
        eq(pairSessions.relationshipId, relationships.id),
        or(isNull(relationships.endedAt), lt(pairSessions.startsAt, relationships.endedAt)),
      ),
    )
    .leftJoin(mentoringPlans, eq(mentoringPlans.relationshipId, relationships.id))
    .where(and(eq(relationships.programmeId, programmeId), relationshipId ? eq(relationships.id, relationshipId) : undefined))
    .groupBy(relationships.id);
  const asDate = (v: Date | string | null) => (v === null ? null : new Date(v));
  return new Map(
    rows.map((r) => [
      r.relationshipId,
      {
        held: Number(r.held),
        missed: Number(r.missed),
        cancelled: Number(r.cancelled),
        lateCancellations: Number(r.late),
        lastSessionAt: asDate(r.last),
        nextSessionAt: asDate(r.next),
        planAcknowledged: r.acknowledged === true,
      },
    ]),
  );
}

/**
 * Scheduled sessions starting in [from, to) whose agenda is not shared, in pairs that are
 * meeting: what the agenda reminder (a growth nudge) goes out for, to the agenda's author.
 */
export async function sessionsNeedingAgenda(db: Executor, from: Date, to: Date) {
  return db
    .select({
      sessionId: pairSessions.id,
      relationshipId: relationships.id,
      programmeId: relationships.programmeId,
      menteeUserId: relationships.menteeUserId,
      mentorUserId: relationships.mentorUserId,
      title: pairSessions.title,
      startsAt: pairSessions.startsAt,
      timeZone: pairSessions.timeZone,
    })
    .from(pairSessions)
    .innerJoin(relationships, eq(relationships.id, pairSessions.relationshipId))
    .leftJoin(sessionAgendas, eq(sessionAgendas.sessionId, pairSessions.id))
    .where(
      and(
        eq(pairSessions.status, "scheduled"),
        gte(pairSessions.startsAt, from),
        lt(pairSessions.startsAt, to),
        or(eq(relationships.status, "active"), and(eq(relationships.status, "completed"), eq(relationships.continuing, true))),
        or(isNull(sessionAgendas.sessionId), ne(sessionAgendas.status, "shared")),
      ),
    )
    .orderBy(pairSessions.startsAt);
}
