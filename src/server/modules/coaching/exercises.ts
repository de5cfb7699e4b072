import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Exercise, ExerciseCreate, ExerciseUpdate } from "../../../contracts/coaching.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Tx } from "../../platform/db.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { lockOpenPair } from "../workspace/access.js";
import { findSession } from "../workspace/session-repository.js";
import { loadEngagement } from "./access.js";
import { authorizeContent, authorizeEngagement } from "./policies.js";
import { coachingExercises } from "./tables.js";

type ExerciseRow = typeof coachingExercises.$inferSelect;

const present = (e: ExerciseRow): z.infer<typeof Exercise> => ({
  id: e.id,
  sessionId: e.sessionId,
  title: e.title,
  instructions: e.instructions,
  dueOn: e.dueOn,
  done: e.doneAt !== null,
  doneAt: e.doneAt?.toISOString() ?? null,
  response: e.response,
  respondedAt: e.respondedAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  version: e.version,
});

/** Exercises between sessions, open ones first by due date. The coach's and coachee's only. */
export async function listExercises(
  db: Db,
  principal: Principal,
  engagementId: string,
  q: { status: "open" | "done" | "all"; limit: number; offset: number },
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeContent(l.role);
  const where = and(
    eq(coachingExercises.relationshipId, l.relationship.id),
    q.status === "open" ? isNull(coachingExercises.doneAt) : q.status === "done" ? isNotNull(coachingExercises.doneAt) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(coachingExercises)
      .where(where)
      .orderBy(sql`${coachingExercises.doneAt} is not null`, sql`${coachingExercises.dueOn} asc nulls last`, coachingExercises.createdAt)
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(coachingExercises).where(where),
  ]);
  return { items: rows.map(present), total: Number(n), limit: q.limit, offset: q.offset };
}

/** The coach sets an exercise, optionally tied to the session it came from. */
export async function assignExercise(db: Db, principal: Principal, engagementId: string, input: z.infer<typeof ExerciseCreate>) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "assignExercise");
  const row = await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    if (input.sessionId) await findSession(tx, l.relationship.id, input.sessionId);
    const [created] = await tx
      .insert(coachingExercises)
      .values({ relationshipId: l.relationship.id, ...input, assignedBy: principal.user.id })
      .returning();
    return created;
  });
  return present(row);
}

async function findExercise(tx: Tx, relationshipId: string, exerciseId: string) {
  const [row] = await tx
    .select()
    .from(coachingExercises)
    .where(and(eq(coachingExercises.id, exerciseId), eq(coachingExercises.relationshipId, relationshipId)))
    .for("update");
  if (!row) throw notFound("That exercise");
  return row;
}

const COACH_FIELDS = ["title", "instructions", "dueOn"] as const;
const COACHEE_FIELDS = ["done", "response"] as const;

/**
 * Each side changes its own part: the coach what the exercise is, the coachee whether it
 * is done and their answer. Sending the other side's fields is refused, not ignored.
 */
export async function updateExercise(
  db: Db,
  principal: Principal,
  engagementId: string,
  exerciseId: string,
  input: z.infer<typeof ExerciseUpdate>,
  now = new Date(),
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeContent(l.role);
  const { version, ...changes } = input;
  const theirs = l.role === "coach" ? COACHEE_FIELDS : COACH_FIELDS;
  const trespass = theirs.filter((f) => changes[f] !== undefined);
  if (trespass.length)
    throw new AppError(
      403,
      l.role === "coach" ? "coachee_answers_exercise" : "coach_sets_exercise",
      l.role === "coach"
        ? "The coachee marks an exercise done and answers it."
        : "The coach sets the exercise; you can mark it done and answer.",
    );
  const row = await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const current = await findExercise(tx, l.relationship.id, exerciseId);
    if (current.version !== version)
      throw conflict("version_conflict", "This exercise changed since you opened it. Reload it and make your change again.", {
        currentVersion: current.version,
      });
    const [updated] = await tx
      .update(coachingExercises)
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.instructions !== undefined ? { instructions: changes.instructions } : {}),
        ...(changes.dueOn !== undefined ? { dueOn: changes.dueOn } : {}),
        ...(changes.done !== undefined ? { doneAt: changes.done ? (current.doneAt ?? now) : null } : {}),
        ...(changes.response !== undefined ? { response: changes.response, respondedAt: now } : {}),
        version: sql`${coachingExercises.version} + 1`,
        updatedAt: now,
      })
      .where(eq(coachingExercises.id, current.id))
      .returning();
    return updated;
  });
  return present(row);
}

export async function removeExercise(db: Db, principal: Principal, engagementId: string, exerciseId: string) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "assignExercise");
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const current = await findExercise(tx, l.relationship.id, exerciseId);
    await tx.delete(coachingExercises).where(eq(coachingExercises.id, current.id));
  });
  return { ok: true as const };
}
