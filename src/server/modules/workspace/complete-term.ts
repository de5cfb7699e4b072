import { and, eq, inArray, sql } from "drizzle-orm";
import { HOLDING_STATUSES } from "../../../core/relationships/status.js";
import { continuationOpen, continuationOpensOn } from "../../../core/workspace/term.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { relationships } from "../relationships/tables.js";
import { lockOpenPair, type Pair } from "./access.js";
import { cancelUpcomingSessions } from "./cancel-sessions.js";
import { authorizeFeature } from "./policies.js";
import { recordEvent } from "./relationship-events.js";

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

function assertTermEnding(pair: Pair, now: Date, what: string) {
  if (!continuationOpen(pair.programme.termEnd, todayUtc(now)))
    throw conflict("term_not_ending", `${what} opens on ${continuationOpensOn(pair.programme.termEnd)}, two weeks before the term ends.`);
}

async function complete(tx: Tx, r: RelationshipRow, continuing: boolean, now: Date) {
  const [row] = await tx
    .update(relationships)
    .set({ status: "completed", continuing, endedAt: now, version: sql`${relationships.version} + 1`, updatedAt: now })
    .where(and(eq(relationships.id, r.id), inArray(relationships.status, [...HOLDING_STATUSES])))
    .returning();
  if (!row) throw conflict("relationship_not_live", "This relationship has already ended or finished.");
  return row;
}

/**
 * Completes the relationship at the end of the term (from two weeks before its last day),
 * without waiting for the continuation question. The workspace becomes read-only.
 */
export async function completeTerm(ctx: AppContext, pair: Pair, now = new Date()): Promise<RelationshipRow> {
  // A coaching engagement completes through its outcomes (coaching/complete-engagement), never by the calendar.
  authorizeFeature(pair, "continuation");
  return ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    assertTermEnding(pair, now, "Completing the relationship");
    if (r.status === "completed") throw conflict("invalid_transition", "This relationship is already completed.");
    const row = await complete(tx, r, false, now);
    await recordEvent(tx, { relationshipId: r.id, kind: "completed", side: pair.side, userId: pair.userId });
    await cancelUpcomingSessions(ctx, tx, row, pair.side, now);
    return row;
  });
}

/**
 * Each person says whether to keep meeting after the term. Both yes: the relationship
 * completes and stays open, outside the programme's reporting. Any no: it completes and
 * becomes read-only for both. Until both answer, nothing changes.
 */
export async function answerContinuation(
  ctx: AppContext,
  pair: Pair,
  wantsToContinue: boolean,
  now = new Date(),
): Promise<RelationshipRow> {
  authorizeFeature(pair, "continuation");
  return ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    assertTermEnding(pair, now, "The question of continuing");
    if (r.status === "completed") throw conflict("invalid_transition", "You both already chose to continue.");
    const mine = pair.side === "mentor" ? "mentorContinues" : "menteeContinues";
    const [answered] = await tx
      .update(relationships)
      .set({ [mine]: wantsToContinue, version: sql`${relationships.version} + 1`, updatedAt: now })
      .where(eq(relationships.id, r.id))
      .returning();
    await recordEvent(tx, { relationshipId: r.id, kind: "continuation_answered", side: pair.side, userId: pair.userId });
    if (!wantsToContinue) {
      const row = await complete(tx, answered, false, now);
      await recordEvent(tx, { relationshipId: r.id, kind: "completed", side: null, userId: null });
      await cancelUpcomingSessions(ctx, tx, row, pair.side, now);
      return row;
    }
    if (answered.mentorContinues && answered.menteeContinues) {
      const row = await complete(tx, answered, true, now);
      await recordEvent(tx, { relationshipId: r.id, kind: "continuing", side: null, userId: null });
      return row;
    }
    return answered;
  });
}
