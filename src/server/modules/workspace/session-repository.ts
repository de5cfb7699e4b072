import { and, eq, gt, inArray, lt, ne } from "drizzle-orm";
import { overlaps } from "../../../core/workspace/recurrence.js";
import type { Executor } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import type { AgendaState, SessionRow } from "./present.js";
import { mentoringPlans, pairSessions, sessionAgendas } from "./tables.js";

export async function findSession(db: Executor, relationshipId: string, sessionId: string, forUpdate = false): Promise<SessionRow> {
  const query = db
    .select()
    .from(pairSessions)
    .where(and(eq(pairSessions.id, sessionId), eq(pairSessions.relationshipId, relationshipId)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("That session");
  return row;
}

/**
 * Refuses times that overlap another live (not cancelled) session of the same pair: two
 * people cannot be in two of their own sessions at once.
 */
export async function assertNoOverlap(db: Executor, relationshipId: string, times: { startsAt: Date; endsAt: Date }[], exceptId?: string) {
  if (times.length === 0) return;
  const from = new Date(Math.min(...times.map((t) => t.startsAt.getTime())));
  const to = new Date(Math.max(...times.map((t) => t.endsAt.getTime())));
  const existing = await db
    .select({ id: pairSessions.id, startsAt: pairSessions.startsAt, endsAt: pairSessions.endsAt })
    .from(pairSessions)
    .where(
      and(
        eq(pairSessions.relationshipId, relationshipId),
        ne(pairSessions.status, "cancelled"),
        lt(pairSessions.startsAt, to),
        gt(pairSessions.endsAt, from),
        exceptId ? ne(pairSessions.id, exceptId) : undefined,
      ),
    );
  for (const t of times) {
    const clash = existing.find((e) => overlaps(e, t));
    if (clash)
      throw conflict("session_overlap", "You already have a session at that time. Pick another time, or move that session first.", {
        sessionId: clash.id,
        startsAt: clash.startsAt.toISOString(),
        endsAt: clash.endsAt.toISOString(),
      });
  }
}

export async function agendaStates(db: Executor, sessionIds: string[]): Promise<Map<string, AgendaState>> {
  const map = new Map<string, AgendaState>();
  if (sessionIds.length === 0) return map;
  const rows = await db
    .select({ sessionId: sessionAgendas.sessionId, status: sessionAgendas.status })
    .from(sessionAgendas)
    .where(inArray(sessionAgendas.sessionId, sessionIds));
  for (const r of rows) map.set(r.sessionId, r.status);
  return map;
}

/** The notice the pair agreed for cancelling, in hours; null without a plan or a rule. */
export async function noticeHours(db: Executor, relationshipId: string): Promise<number | null> {
  const [row] = await db
    .select({ hours: mentoringPlans.cancellationNoticeHours })
    .from(mentoringPlans)
    .where(eq(mentoringPlans.relationshipId, relationshipId));
  return row?.hours ?? null;
}
