import { and, eq, sql } from "drizzle-orm";
import type { GoalUpdate } from "../../../contracts/growth.js";
import { changedGoalFields } from "../../../core/growth/goals.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { lockOpenPair } from "../workspace/access.js";
import { loadPairToWrite } from "./access.js";
import { findGoal } from "./list-goals.js";
import { authorizeWriteGoals } from "./policies.js";
import { goalChanges, goals } from "./tables.js";

/**
 * The mentee changes a goal. An edit of an older version is refused (never merged
 * silently); the history gets one entry naming the fields that really changed.
 */
export async function updateGoal(db: Db, principal: Principal, relationshipId: string, goalId: string, input: GoalUpdate) {
  const pair = await loadPairToWrite(db, principal, relationshipId, "goals");
  authorizeWriteGoals(pair);
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const current = await findGoal(tx, pair.relationship.id, goalId);
    if (current.version !== version) throw staleGoal(current.version);
    const fields = changedGoalFields(current, changes);
    if (fields.length === 0) return current;
    const [row] = await tx
      .update(goals)
      .set({ ...changes, version: sql`${goals.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(goals.id, goalId), eq(goals.version, version)))
      .returning();
    if (!row) throw staleGoal(version + 1);
    await tx.insert(goalChanges).values({ goalId, changedBy: principal.user.id, fields, progress: row.progress, status: row.status });
    return row;
  });
}

const staleGoal = (currentVersion: number) =>
  conflict("version_conflict", "This goal changed since you opened it (perhaps in another tab). Reload it and make your change again.", {
    currentVersion,
  });
