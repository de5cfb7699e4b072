import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { isOpenGoal } from "../../../core/growth/goals.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { todayUtc } from "./access.js";
import { linkedActionItemCounts } from "./linked-action-items.js";
import { type GoalRow, presentGoal } from "./present-goal.js";
import { goalComments, goals } from "./tables.js";

const OPEN = ["not_started", "in_progress"] as const;

export async function countOpenGoals(db: Executor, relationshipId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(goals)
    .where(and(eq(goals.relationshipId, relationshipId), inArray(goals.status, [...OPEN])));
  return Number(row.n);
}

/** Presents goals with their SMART hints, comment counts and linked action items. */
export async function presentGoals(db: Executor, rows: GoalRow[], openCount: number) {
  const ids = rows.map((g) => g.id);
  const comments = ids.length
    ? await db
        .select({ goalId: goalComments.goalId, n: count() })
        .from(goalComments)
        .where(inArray(goalComments.goalId, ids))
        .groupBy(goalComments.goalId)
    : [];
  const commentsOf = new Map(comments.map((c) => [c.goalId, Number(c.n)]));
  const items = await linkedActionItemCounts(db, ids);
  const today = todayUtc();
  return rows.map((g) =>
    presentGoal(g, {
      today,
      otherOpenGoals: openCount - (isOpenGoal(g.status) ? 1 : 0),
      actionItems: items.get(g.id) ?? { open: 0, done: 0 },
      commentCount: commentsOf.get(g.id) ?? 0,
    }),
  );
}

/** The pair's goals: open ones first (newest first), then achieved and dropped. */
export async function listGoals(db: Executor, relationshipId: string, page: { limit: number; offset: number }) {
  const where = eq(goals.relationshipId, relationshipId);
  const [rows, [total], openCount] = await Promise.all([
    db
      .select()
      .from(goals)
      .where(where)
      .orderBy(sql`case when ${goals.status} in ('not_started', 'in_progress') then 0 else 1 end`, desc(goals.createdAt), desc(goals.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(goals).where(where),
    countOpenGoals(db, relationshipId),
  ]);
  return { items: await presentGoals(db, rows, openCount), total: Number(total.n), openCount, ...page };
}

/** One goal of this pair (404 when the id belongs to another pair). */
export async function findGoal(db: Executor, relationshipId: string, goalId: string) {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.relationshipId, relationshipId)));
  if (!row) throw notFound("That goal");
  return row;
}

export async function presentOneGoal(db: Executor, row: GoalRow) {
  const [presented] = await presentGoals(db, [row], await countOpenGoals(db, row.relationshipId));
  return presented;
}
