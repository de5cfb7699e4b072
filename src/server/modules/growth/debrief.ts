import { and, asc, eq, sql } from "drizzle-orm";
import { DEBRIEF_PROMPTS } from "../../../core/growth/reflection-prompts.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { loadPair, type Pair, pairPeople, writeToPair } from "./access.js";
import { type DebriefGoalNote, debriefs, goals } from "./tables.js";

type DebriefRow = typeof debriefs.$inferSelect;

const entry = (row: DebriefRow | undefined) => ({
  goalNotes: row?.goalNotes ?? [],
  relationship: row?.relationship ?? "",
  roadmap: row?.roadmap ?? "",
  shared: Boolean(row?.sharedAt),
  sharedAt: row?.sharedAt?.toISOString() ?? null,
  version: row?.version ?? 0,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

const find = async (db: Db, relationshipId: string, authorId: string) =>
  (
    await db
      .select()
      .from(debriefs)
      .where(and(eq(debriefs.relationshipId, relationshipId), eq(debriefs.authorId, authorId)))
  )[0];

const partnerIdOf = (pair: Pair) => (pair.side === "mentee" ? pair.relationship.mentorUserId : pair.relationship.menteeUserId);

/** The caller's own debrief, and the partner's only once the partner shared it. */
export async function readDebrief(db: Db, principal: Principal, relationshipId: string) {
  const pair = await loadPair(db, principal, relationshipId, "debrief");
  const [mine, partners, goalRows, who] = await Promise.all([
    find(db, pair.relationship.id, principal.user.id),
    find(db, pair.relationship.id, partnerIdOf(pair)),
    db
      .select({ id: goals.id, title: goals.title, status: goals.status, progress: goals.progress })
      .from(goals)
      .where(eq(goals.relationshipId, pair.relationship.id))
      .orderBy(asc(goals.createdAt)),
    pairPeople(db, pair),
  ]);
  const author = who(partnerIdOf(pair));
  return {
    prompts: DEBRIEF_PROMPTS,
    goals: goalRows,
    mine: entry(mine),
    partner: partners?.sharedAt && author ? { ...entry(partners), author } : null,
  };
}

export async function saveDebrief(
  outer: Db,
  principal: Principal,
  relationshipId: string,
  input: { version: number; goalNotes: DebriefGoalNote[]; relationship: string; roadmap: string },
) {
  return writeToPair(outer, principal, relationshipId, "debrief", async (db, pair) => {
    const goalIds = new Set(
      (await db.select({ id: goals.id }).from(goals).where(eq(goals.relationshipId, pair.relationship.id))).map((g) => g.id),
    );
    // One note per goal, so the debrief reads as one reflection on each goal.
    const issues = input.goalNotes.flatMap((n, i) => {
      const path = ["goalNotes", String(i), "goalId"];
      if (!goalIds.has(n.goalId)) return [{ path, message: "That goal is not one of this pair's goals" }];
      if (input.goalNotes.findIndex((m) => m.goalId === n.goalId) < i) return [{ path, message: "Write one reflection per goal" }];
      return [];
    });
    if (issues.length) throw badRequest("validation_failed", issues[0].message, { issues });
    // Empty notes are dropped: a goal without words needs no entry.
    const values = { goalNotes: input.goalNotes.filter((n) => n.text.trim()), relationship: input.relationship, roadmap: input.roadmap };
    const row =
      input.version === 0
        ? (
            await db
              .insert(debriefs)
              .values({ relationshipId: pair.relationship.id, authorId: principal.user.id, ...values })
              .onConflictDoNothing()
              .returning()
          )[0]
        : (
            await db
              .update(debriefs)
              .set({ ...values, version: sql`${debriefs.version} + 1`, updatedAt: sql`now()` })
              .where(
                and(
                  eq(debriefs.relationshipId, pair.relationship.id),
                  eq(debriefs.authorId, principal.user.id),
                  eq(debriefs.version, input.version),
                ),
              )
              .returning()
          )[0];
    if (!row) {
      const current = await find(db, pair.relationship.id, principal.user.id);
      throw conflict("version_conflict", "Your debrief was saved elsewhere since you opened it. Reload it and make your change again.", {
        currentVersion: current?.version ?? 0,
      });
    }
    return entry(row);
  });
}

export async function shareDebrief(outer: Db, principal: Principal, relationshipId: string, shared: boolean) {
  return writeToPair(outer, principal, relationshipId, "debrief", async (db, pair) => {
    const [row] = await db
      .update(debriefs)
      .set({ sharedAt: shared ? sql`coalesce(${debriefs.sharedAt}, now())` : null })
      .where(and(eq(debriefs.relationshipId, pair.relationship.id), eq(debriefs.authorId, principal.user.id)))
      .returning();
    if (!row) throw conflict("nothing_to_share", "Write your debrief and save it before sharing it.");
    return entry(row);
  });
}
