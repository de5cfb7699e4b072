import { and, eq, gt, gte, inArray, sql } from "drizzle-orm";
import { isLateCancellation } from "../../../core/workspace/cancellation.js";
import { cancelProblem } from "../../../core/workspace/session-rules.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { lockOpenPair, type Pair, type Side } from "./access.js";
import type { SessionRow } from "./present.js";
import { mailSessionChange } from "./session-mail.js";
import { findSession, noticeHours } from "./session-repository.js";
import { pairSessions } from "./tables.js";

/**
 * Cancels a session — or it and every later session of its series. Whether it came with
 * less notice than the plan asks is recorded per session; calendars get a CANCEL with the
 * same UID and a higher SEQUENCE.
 */
export async function cancelSessions(
  ctx: AppContext,
  pair: Pair,
  sessionId: string,
  scope: "this" | "following",
  now = new Date(),
): Promise<SessionRow[]> {
  return ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    const s = await findSession(tx, r.id, sessionId, true);
    const problem = cancelProblem(s, now);
    if (problem) throw conflict(problem.code, problem.message);
    const ids =
      scope === "following" && s.seriesId
        ? (
            await tx
              .select({ id: pairSessions.id })
              .from(pairSessions)
              .where(
                and(
                  eq(pairSessions.seriesId, s.seriesId),
                  eq(pairSessions.relationshipId, r.id),
                  eq(pairSessions.status, "scheduled"),
                  gte(pairSessions.startsAt, s.startsAt),
                ),
              )
          ).map((x) => x.id)
        : [s.id];
    const notice = await noticeHours(tx, r.id);
    return markCancelled(ctx, tx, r, ids, pair.side, (startsAt) => isLateCancellation(startsAt, now, notice), now);
  });
}

/**
 * When a relationship closes (ended early, completed without continuing, rematched by the
 * coordinator) its upcoming sessions leave both calendars. Nobody cancelled late: the
 * relationship ended. `side` is null when the coordinator closed it.
 */
export async function cancelUpcomingSessions(ctx: AppContext, tx: Tx, r: RelationshipRow, side: Side | null, now = new Date()) {
  const upcoming = await tx
    .select({ id: pairSessions.id })
    .from(pairSessions)
    .where(and(eq(pairSessions.relationshipId, r.id), eq(pairSessions.status, "scheduled"), gt(pairSessions.startsAt, now)));
  return markCancelled(
    ctx,
    tx,
    r,
    upcoming.map((u) => u.id),
    side,
    () => false,
    now,
  );
}

async function markCancelled(
  ctx: AppContext,
  tx: Tx,
  r: RelationshipRow,
  ids: string[],
  side: Side | null,
  late: (startsAt: Date) => boolean,
  now: Date,
): Promise<SessionRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx.select().from(pairSessions).where(inArray(pairSessions.id, ids));
  const cancelled: SessionRow[] = [];
  for (const row of rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const [updated] = await tx
      .update(pairSessions)
      .set({
        status: "cancelled",
        lateCancellation: late(row.startsAt),
        cancelledBySide: side,
        cancelledAt: now,
        sequence: sql`${pairSessions.sequence} + 1`,
        updatedAt: now,
      })
      .where(eq(pairSessions.id, row.id))
      .returning();
    cancelled.push(updated);
  }
  await mailSessionChange(ctx, tx, r, cancelled, "cancelled");
  return cancelled;
}
