import { and, count, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import { weeklyPrompt } from "../../../core/growth/reflection-prompts.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { loadPair, type Pair, pairPeople, todayUtc, writeToPair } from "./access.js";
import { reflections } from "./tables.js";

type ReflectionRow = typeof reflections.$inferSelect;

const present = (r: ReflectionRow, who: Awaited<ReturnType<typeof pairPeople>>, me: string) => ({
  id: r.id,
  author: who(r.authorId) ?? { side: "mentee" as const, name: "" },
  mine: r.authorId === me,
  week: r.week,
  prompt: r.prompt,
  body: r.body,
  shared: r.sharedAt !== null,
  sharedAt: r.sharedAt?.toISOString() ?? null,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** This week's prompt for the pair's programme, and whether the caller already answered one this week. */
export async function currentPrompt(db: Db, principal: Principal, relationshipId: string) {
  const pair = await loadPair(db, principal, relationshipId, "reflections");
  const p = weeklyPrompt(pair.programme.termStart, pair.programme.phases, todayUtc());
  return { week: p.week, phase: p.phase, prompt: p.prompt, reflectedThisWeek: await reflectedInWeek(db, pair, principal.user.id, p.week) };
}

export async function reflectedInWeek(db: Executor, pair: Pick<Pair, "relationship">, authorId: string, week: number) {
  const [row] = await db
    .select({ n: count() })
    .from(reflections)
    .where(and(eq(reflections.relationshipId, pair.relationship.id), eq(reflections.authorId, authorId), eq(reflections.week, week)));
  return Number(row.n) > 0;
}

/**
 * What the caller may read: their own reflections, and the partner's they chose to share.
 * A private reflection is its author's alone — the query never selects anyone else's.
 */
export async function listReflections(
  db: Db,
  principal: Principal,
  relationshipId: string,
  q: { limit: number; offset: number; whose: "all" | "mine" | "partner" },
) {
  const pair = await loadPair(db, principal, relationshipId, "reflections");
  const me = principal.user.id;
  const mine = eq(reflections.authorId, me);
  const partnersShared = and(sql`${reflections.authorId} <> ${me}`, isNotNull(reflections.sharedAt));
  const where = and(
    eq(reflections.relationshipId, pair.relationship.id),
    q.whose === "mine" ? mine : q.whose === "partner" ? partnersShared : or(mine, partnersShared),
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(reflections).where(where).orderBy(desc(reflections.createdAt), desc(reflections.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(reflections).where(where),
  ]);
  const who = await pairPeople(db, pair);
  return { items: rows.map((r) => present(r, who, me)), total: Number(total.n), limit: q.limit, offset: q.offset };
}

/** Either side reflects; the programme week is the server's, the prompt the one the author answered. */
export async function createReflection(
  outer: Db,
  principal: Principal,
  relationshipId: string,
  input: { body: string; prompt: string | null; shared: boolean },
) {
  return writeToPair(outer, principal, relationshipId, "reflections", async (db, pair) => {
    const { week } = weeklyPrompt(pair.programme.termStart, pair.programme.phases, todayUtc());
    const [row] = await db
      .insert(reflections)
      .values({
        relationshipId: pair.relationship.id,
        authorId: principal.user.id,
        week,
        prompt: input.prompt,
        body: input.body,
        sharedAt: input.shared ? new Date() : null,
      })
      .returning();
    return present(row, await pairPeople(db, pair), principal.user.id);
  });
}

/** The author's own reflection; for anyone else it does not exist. */
async function ownReflection(db: Executor, pair: Pair, id: string) {
  const [row] = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.id, id), eq(reflections.relationshipId, pair.relationship.id), eq(reflections.authorId, pair.userId)));
  if (!row) throw notFound("That reflection");
  return row;
}

export async function updateReflection(
  outer: Db,
  principal: Principal,
  relationshipId: string,
  id: string,
  input: { version: number; body: string },
) {
  return writeToPair(outer, principal, relationshipId, "reflections", async (db, pair) => {
    const current = await ownReflection(db, pair, id);
    const [row] = await db
      .update(reflections)
      .set({ body: input.body, version: sql`${reflections.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(reflections.id, current.id), eq(reflections.version, input.version)))
      .returning();
    if (!row)
      throw conflict("version_conflict", "This reflection changed since you opened it. Reload it and edit again.", {
        currentVersion: current.version,
      });
    return present(row, await pairPeople(db, pair), principal.user.id);
  });
}

export async function shareReflection(outer: Db, principal: Principal, relationshipId: string, id: string, shared: boolean) {
  return writeToPair(outer, principal, relationshipId, "reflections", async (db, pair) => {
    const current = await ownReflection(db, pair, id);
    const [row] = await db
      .update(reflections)
      .set({ sharedAt: shared ? sql`coalesce(${reflections.sharedAt}, now())` : null })
      .where(eq(reflections.id, current.id))
      .returning();
    return present(row, await pairPeople(db, pair), principal.user.id);
  });
}

export async function deleteReflection(outer: Db, principal: Principal, relationshipId: string, id: string) {
  return writeToPair(outer, principal, relationshipId, "reflections", async (db, pair) => {
    const current = await ownReflection(db, pair, id);
    await db.delete(reflections).where(eq(reflections.id, current.id));
  });
}
