import { and, count, eq, ne } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { goals } from "../growth/tables.js";
import { findProgrammePair } from "../relationships/coordinator-pairs.js";
import { sessionStatsForProgramme } from "../workspace/stats.js";

/**
 * What a coordinator may know about a pair from an alert: who, status, dates and counts.
 * Built like pair health — from counts and dates, never from a content column.
 */
export async function pairMetadata(db: Executor, programmeId: string, relationshipId: string, now: Date) {
  const found = await findProgrammePair(db, programmeId, relationshipId);
  if (!found) return null;
  const s = (await sessionStatsForProgramme(db, programmeId, now, relationshipId)).get(relationshipId);
  const [g] = await db
    .select({ n: count() })
    .from(goals)
    .where(and(eq(goals.relationshipId, relationshipId), ne(goals.status, "dropped")));
  return {
    relationshipId,
    status: found.r.status,
    mentee: found.mentee,
    mentor: found.mentor,
    startedAt: found.r.startedAt?.toISOString() ?? null,
    sessionsHeld: s?.held ?? 0,
    sessionsMissed: s?.missed ?? 0,
    lastSessionAt: s?.lastSessionAt?.toISOString() ?? null,
    nextSessionAt: s?.nextSessionAt?.toISOString() ?? null,
    planAcknowledged: s?.planAcknowledged ?? false,
    goals: Number(g.n),
  };
}
