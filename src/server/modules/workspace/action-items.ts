import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { ActionItem } from "../../../contracts/workspace.js";
import { type Db, type Executor, queryRows } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { lockOpenPair, type Pair, type Side } from "./access.js";
import { authorizeFeature } from "./policies.js";
import { presentActionItem } from "./present.js";
import { findSession } from "./session-repository.js";
import { actionItems } from "./tables.js";

export type ActionItemInput = {
  title: string;
  owner: Side;
  dueOn?: string | null;
  sessionId?: string | null;
  goalId?: string | null;
};

export type ActionItemFilter = { status: "open" | "done" | "all"; sessionId?: string; goalId?: string; limit: number; offset: number };

const statusWhere = (status: ActionItemFilter["status"]) =>
  status === "open" ? isNull(actionItems.doneAt) : status === "done" ? isNotNull(actionItems.doneAt) : undefined;

/** The pair's action items: open ones first, by due date. */
export async function listActionItems(db: Executor, relationshipId: string, f: ActionItemFilter) {
  const where = and(
    eq(actionItems.relationshipId, relationshipId),
    statusWhere(f.status),
    f.sessionId ? eq(actionItems.sessionId, f.sessionId) : undefined,
    f.goalId ? eq(actionItems.goalId, f.goalId) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(actionItems)
      .where(where)
      .orderBy(sql`${actionItems.doneAt} is not null`, sql`${actionItems.dueOn} asc nulls last`, asc(actionItems.createdAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(actionItems).where(where),
  ]);
  return { items: rows.map(presentActionItem), total: Number(n), limit: f.limit, offset: f.offset };
}

export async function openActionItemCount(db: Executor, relationshipId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(actionItems)
    .where(and(eq(actionItems.relationshipId, relationshipId), isNull(actionItems.doneAt)));
  return Number(n);
}

async function findItem(db: Executor, relationshipId: string, itemId: string) {
  const [row] = await db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, itemId), eq(actionItems.relationshipId, relationshipId)))
    .for("update");
  if (!row) throw notFound("That action item");
  return row;
}

/**
 * An item can link only to a goal of the same pair: another pair's goal id is "not found",
 * as it would be anywhere else. (Raw SQL: the goals table belongs to the growth module,
 * which builds on this one.)
 */
async function assertGoalOfPair(db: Executor, relationshipId: string, goalId: string) {
  const rows = await queryRows(db, sql`select 1 from goals where id = ${goalId} and relationship_id = ${relationshipId}`);
  if (rows.length === 0) throw notFound("That goal");
}

/** Either person adds an action item (the owner may be either of them). */
export async function createActionItem(db: Db, pair: Pair, input: ActionItemInput): Promise<ActionItem> {
  // Coaching sets exercises between sessions instead (coaching/exercises).
  authorizeFeature(pair, "actionItems");
  return db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    if (input.sessionId) await findSession(tx, pair.relationship.id, input.sessionId);
    if (input.goalId) await assertGoalOfPair(tx, pair.relationship.id, input.goalId);
    const [row] = await tx
      .insert(actionItems)
      .values({
        relationshipId: pair.relationship.id,
        title: input.title,
        owner: input.owner,
        dueOn: input.dueOn ?? null,
        sessionId: input.sessionId ?? null,
        goalId: input.goalId ?? null,
        createdBy: pair.userId,
        createdBySide: pair.side,
      })
      .returning();
    return presentActionItem(row);
  });
}

export async function updateActionItem(
  db: Db,
  pair: Pair,
  itemId: string,
  input: Partial<ActionItemInput> & { done?: boolean },
  now = new Date(),
): Promise<ActionItem> {
  return db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const item = await findItem(tx, pair.relationship.id, itemId);
    if (input.sessionId) await findSession(tx, pair.relationship.id, input.sessionId);
    if (input.goalId) await assertGoalOfPair(tx, pair.relationship.id, input.goalId);
    const { done, ...fields } = input;
    const [row] = await tx
      .update(actionItems)
      .set({
        ...fields,
        // Ticking an already-done item keeps the day it was done.
        ...(done === undefined ? {} : { doneAt: done ? (item.doneAt ?? now) : null }),
        updatedAt: now,
      })
      .where(eq(actionItems.id, item.id))
      .returning();
    return presentActionItem(row);
  });
}

export async function deleteActionItem(db: Db, pair: Pair, itemId: string) {
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const item = await findItem(tx, pair.relationship.id, itemId);
    await tx.delete(actionItems).where(eq(actionItems.id, item.id));
  });
}
