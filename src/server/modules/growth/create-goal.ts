import { count, eq } from "drizzle-orm";
import type { GoalCreate } from "../../../contracts/growth.js";
import { MAX_GOALS_PER_PAIR } from "../../../core/growth/goals.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { lockOpenPair } from "../workspace/access.js";
import { loadPairToWrite } from "./access.js";
import { authorizeWriteGoals } from "./policies.js";
import { goalChanges, goals } from "./tables.js";

/** The mentee (the side that owns goals) adds a GROW goal; its history starts with a "created" entry. */
export async function createGoal(db: Db, principal: Principal, relationshipId: string, input: GoalCreate) {
  const pair = await loadPairToWrite(db, principal, relationshipId, "goals");
  authorizeWriteGoals(pair);
  return db.transaction(async (tx) => {
    // Serialise goal creation per pair (so the cap holds when two tabs add at once) and re-check the pair is still open.
    await lockOpenPair(tx, pair.relationship.id);
    const [existing] = await tx.select({ n: count() }).from(goals).where(eq(goals.relationshipId, pair.relationship.id));
    if (Number(existing.n) >= MAX_GOALS_PER_PAIR) {
      throw conflict(
        "too_many_goals",
        `A pair keeps at most ${MAX_GOALS_PER_PAIR} goals. Rework a dropped goal instead of adding another.`,
      );
    }
    const [row] = await tx
      .insert(goals)
      .values({ relationshipId: pair.relationship.id, ...input })
      .returning();
    await tx
      .insert(goalChanges)
      .values({ goalId: row.id, changedBy: principal.user.id, fields: ["created"], progress: row.progress, status: row.status });
    return row;
  });
}
