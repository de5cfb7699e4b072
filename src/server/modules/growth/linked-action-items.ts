import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { actionItems } from "../workspace/tables.js";
import type { ActionItemCounts } from "./present-goal.js";
import { goals } from "./tables.js";

/**
 * Open and done action items linked to each goal. Action items live with the pair's
 * sessions (workspace module) and point at a goal without a foreign key, so only items of
 * the goal's own pair are counted: another pair cannot inflate (or learn about) a goal.
 */
export async function linkedActionItemCounts(db: Executor, goalIds: string[]): Promise<Map<string, ActionItemCounts>> {
  if (goalIds.length === 0) return new Map();
  const rows = await db
    .select({
      goalId: goals.id,
      open: sql<number>`count(*) filter (where ${actionItems.doneAt} is null)::int`,
      done: sql<number>`count(*) filter (where ${actionItems.doneAt} is not null)::int`,
    })
    .from(actionItems)
    .innerJoin(goals, and(eq(goals.id, actionItems.goalId), eq(goals.relationshipId, actionItems.relationshipId)))
    .where(inArray(goals.id, goalIds))
    .groupBy(goals.id);
  return new Map(rows.map((r) => [r.goalId, { open: Number(r.open), done: Number(r.done) }]));
}
