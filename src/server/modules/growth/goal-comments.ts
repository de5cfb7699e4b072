import { and, asc, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { loadPair, pairPeople, writeToPair } from "./access.js";
import { findGoal } from "./list-goals.js";
import { goalComments } from "./tables.js";

type CommentRow = typeof goalComments.$inferSelect;

const present = (c: CommentRow, who: Awaited<ReturnType<typeof pairPeople>>, me: string) => ({
  id: c.id,
  body: c.body,
  author: who(c.authorId),
  mine: c.authorId === me,
  createdAt: c.createdAt.toISOString(),
});

/** Comments on a goal, oldest first: how the mentor responds without rewriting the mentee's words. */
export async function listGoalComments(db: Db, principal: Principal, relationshipId: string, goalId: string) {
  const pair = await loadPair(db, principal, relationshipId, "goals");
  await findGoal(db, pair.relationship.id, goalId);
  const rows = await db
    .select()
    .from(goalComments)
    .where(eq(goalComments.goalId, goalId))
    .orderBy(asc(goalComments.createdAt), asc(goalComments.id));
  const who = await pairPeople(db, pair);
  return rows.map((c) => present(c, who, principal.user.id));
}

/** Either side may comment; the mentor's way to take part in a goal. */
export async function addGoalComment(outer: Db, principal: Principal, relationshipId: string, goalId: string, body: string) {
  return writeToPair(outer, principal, relationshipId, "goals", async (db, pair) => {
    await findGoal(db, pair.relationship.id, goalId);
    const [row] = await db.insert(goalComments).values({ goalId, authorId: principal.user.id, body }).returning();
    return present(row, await pairPeople(db, pair), principal.user.id);
  });
}

/** Authors may take back their own comment; nobody deletes the other person's words. */
export async function deleteGoalComment(outer: Db, principal: Principal, relationshipId: string, goalId: string, commentId: string) {
  return writeToPair(outer, principal, relationshipId, "goals", async (db, pair) => {
    await findGoal(db, pair.relationship.id, goalId);
    const [gone] = await db
      .delete(goalComments)
      .where(and(eq(goalComments.id, commentId), eq(goalComments.goalId, goalId), eq(goalComments.authorId, principal.user.id)))
      .returning({ id: goalComments.id });
    if (!gone) throw notFound("That comment of yours");
  });
}
