import { and, avg, count, eq, inArray, lte, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { daysSince, healthFlags, type PairFacts, riskScore } from "../../../core/growth/pair-health.js";
import { HOLDING_STATUSES } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { relationships } from "../relationships/tables.js";
import { sessionStatsForProgramme } from "../workspace/stats.js";
import { nextSessionByPair } from "./next-sessions.js";
import { goals } from "./tables.js";

const mentorUser = alias(users, "mentor_user");
const menteeUser = alias(users, "mentee_user");

export type PairsHealthQuery = { limit: number; offset: number; sort: "risk" | "last_session" | "mentee"; status: "live" | "all" };

/**
 * How every pair of a programme is doing, for its coordinators: names, status, counts and
 * dates. Built only from metadata columns — no agenda, note, goal, reflection or SWOT text
 * is ever selected, so none can leak through this view.
 */
export async function pairsHealth(db: Db, principal: Principal, programmeId: string, q: PairsHealthQuery, now = new Date()) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  const pairs = await db
    .select({
      id: relationships.id,
      status: relationships.status,
      startedAt: relationships.startedAt,
      mentor: mentorUser.name,
      mentee: menteeUser.name,
    })
    .from(relationships)
    .innerJoin(mentorUser, eq(mentorUser.id, relationships.mentorUserId))
    .innerJoin(menteeUser, eq(menteeUser.id, relationships.menteeUserId))
    .where(
      and(
        eq(relationships.programmeId, programme.id),
        q.status === "live" ? inArray(relationships.status, [...HOLDING_STATUSES]) : ne(relationships.status, "declined"),
      ),
    );
  const [sessions, nextSessions, goalStats] = await Promise.all([
    sessionStatsForProgramme(db, programme.id, now),
    nextSessionByPair(db, { programmeId: programme.id }, now),
    goalStatsOf(db, programme.id),
  ]);

  const rows = pairs.map((p) => {
    const s = sessions.get(p.id);
    const facts: PairFacts = {
      status: p.status,
      startedAt: p.startedAt,
      sessionsHeld: s?.held ?? 0,
      sessionsMissed: s?.missed ?? 0,
      lastSessionAt: s?.lastSessionAt ?? null,
      nextSessionAt: s?.nextSessionAt ?? null,
      nextSessionHasAgenda: nextSessions.get(p.id)?.agendaShared ?? false,
      planAcknowledged: s?.planAcknowledged ?? false,
    };
    const flags = healthFlags(facts, now);
    const g = goalStats.get(p.id);
    return {
      relationshipId: p.id,
      mentee: { name: p.mentee },
      mentor: { name: p.mentor },
      status: p.status,
      startedAt: p.startedAt?.toISOString() ?? null,
      sessionsHeld: facts.sessionsHeld,
      sessionsMissed: facts.sessionsMissed,
      lastSessionAt: facts.lastSessionAt?.toISOString() ?? null,
      nextSessionAt: facts.nextSessionAt?.toISOString() ?? null,
      daysSinceLastSession: daysSince(facts.lastSessionAt, now),
      goals: { count: g?.count ?? 0, averageProgress: g ? g.averageProgress : null },
      planAcknowledged: facts.planAcknowledged,
      flags,
      risk: riskScore(flags, facts, now),
    };
  });

  const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.mentee.name.localeCompare(b.mentee.name);
  rows.sort((a, b) => {
    if (q.sort === "risk") return b.risk - a.risk || byName(a, b);
    if (q.sort === "last_session") return (a.lastSessionAt ?? "").localeCompare(b.lastSessionAt ?? "") || byName(a, b);
    return byName(a, b);
  });
  return { items: rows.slice(q.offset, q.offset + q.limit), total: rows.length, limit: q.limit, offset: q.offset };
}

/**
 * Goals being pursued or reached (dropped ones left out) and their average progress, per pair.
 * A pair that chose to continue after the term is outside the programme's reporting: only
 * goals set during the term count, and their progress — which may have moved since, with no
 * record of where it stood at the end — is not shown.
 */
async function goalStatsOf(db: Executor, programmeId: string) {
  const rows = await db
    .select({ id: goals.relationshipId, continuing: relationships.continuing, n: count(), avg: avg(goals.progress) })
    .from(goals)
    .innerJoin(relationships, eq(relationships.id, goals.relationshipId))
    .where(
      and(
        eq(relationships.programmeId, programmeId),
        ne(goals.status, "dropped"),
        or(eq(relationships.continuing, false), lte(goals.createdAt, relationships.endedAt)),
      ),
    )
    .groupBy(goals.relationshipId, relationships.continuing);
  return new Map(rows.map((r) => [r.id, { count: Number(r.n), averageProgress: r.continuing ? null : Math.round(Number(r.avg ?? 0)) }]));
}
