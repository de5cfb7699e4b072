import { desc, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadPair, pairPeople } from "./access.js";
import { findGoal } from "./list-goals.js";
import { goalChanges } from "./tables.js";

/** Who changed which fields of a goal and when, newest first (a goal is edited a few dozen times at most). */
export async function goalHistory(db: Db, principal: Principal, relationshipId: string, goalId: string) {
  const pair = await loadPair(db, principal, relationshipId, "goals");
  await findGoal(db, pair.relationship.id, goalId);
  const rows = await db
    .select()
    .from(goalChanges)
    .where(eq(goalChanges.goalId, goalId))
    .orderBy(desc(goalChanges.changedAt), desc(goalChanges.id))
    .limit(200);
  const who = await pairPeople(db, pair);
  return rows.map((c) => ({
    id: c.id,
    changedAt: c.changedAt.toISOString(),
    by: who(c.changedBy),
    fields: c.fields,
    progress: c.progress,
    status: c.status,
  }));
}
