import { and, eq, isNull, sql } from "drizzle-orm";
import type { SharedNote } from "../../../contracts/workspace.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { lockOpenPair, type Pair } from "./access.js";
import { byline, pairPeople } from "./people.js";
import { authorizeFeature } from "./policies.js";
import { findSession } from "./session-repository.js";
import { pairNotes } from "./tables.js";

type NoteRow = typeof pairNotes.$inferSelect;
/** Shared notes have no author (both edit); private notes belong to exactly one person. */
type Scope = { sessionId: string | null; authorId: string | null };

const scopeWhere = (relationshipId: string, s: Scope) =>
  and(
    eq(pairNotes.relationshipId, relationshipId),
    s.sessionId ? eq(pairNotes.sessionId, s.sessionId) : isNull(pairNotes.sessionId),
    s.authorId ? eq(pairNotes.authorId, s.authorId) : isNull(pairNotes.authorId),
  );

async function findNote(db: Executor, pair: Pair, s: Scope): Promise<NoteRow | undefined> {
  if (s.sessionId) await findSession(db, pair.relationship.id, s.sessionId);
  return (await db.select().from(pairNotes).where(scopeWhere(pair.relationship.id, s)))[0];
}

async function presentShared(db: Executor, pair: Pair, sessionId: string | null, row: NoteRow | undefined): Promise<SharedNote> {
  const people = row?.updatedBySide ? await pairPeople(db, pair.relationship) : null;
  return {
    sessionId,
    body: row?.body ?? "",
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: people ? byline(people, row?.updatedBySide) : null,
  };
}

const presentPrivate = (sessionId: string | null, row: NoteRow | undefined) => ({
  sessionId,
  body: row?.body ?? "",
  version: row?.version ?? 0,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

export async function readSharedNote(db: Executor, pair: Pair, sessionId: string | null) {
  return presentShared(db, pair, sessionId, await findNote(db, pair, { sessionId, authorId: null }));
}

/** Private notes: the caller's own, always. Nobody else's are reachable by any route. */
export async function readPrivateNote(db: Executor, pair: Pair, sessionId: string | null) {
  return presentPrivate(sessionId, await findNote(db, pair, { sessionId, authorId: pair.userId }));
}

/**
 * Saves notes only if nobody saved since the version the writer started from. Otherwise
 * 409 edit_conflict carries both texts — what is saved now and what they sent — so the
 * writer can merge and nothing typed is lost.
 */
async function saveNote(db: Db, pair: Pair, scope: Scope, input: { baseVersion: number; body: string }, now: Date) {
  return db.transaction(async (tx) => {
    // The pair's row lock orders two saves of the same notes: the second sees the first.
    await lockOpenPair(tx, pair.relationship.id);
    const row = await findNote(tx, pair, scope);
    if ((row?.version ?? 0) !== input.baseVersion) {
      const current = scope.authorId ? presentPrivate(scope.sessionId, row) : await presentShared(tx, pair, scope.sessionId, row);
      throw conflict(
        "edit_conflict",
        scope.authorId
          ? "These notes were saved from somewhere else since you opened them. Compare both versions and save again."
          : "Your partner saved these notes while you were writing. Compare both versions, merge them and save again.",
        { current: { updatedBy: null, ...current }, yours: input.body },
      );
    }
    const values = { body: input.body, updatedBy: pair.userId, updatedBySide: pair.side, updatedAt: now };
    const [saved] = row
      ? await tx
          .update(pairNotes)
          .set({ ...values, version: sql`${pairNotes.version} + 1` })
          .where(eq(pairNotes.id, row.id))
          .returning()
      : await tx
          .insert(pairNotes)
          .values({ relationshipId: pair.relationship.id, sessionId: scope.sessionId, authorId: scope.authorId, ...values })
          .returning();
    return saved;
  });
}

export async function saveSharedNote(
  db: Db,
  pair: Pair,
  input: { sessionId: string | null; baseVersion: number; body: string },
  now = new Date(),
) {
  // In coaching the coach shares a summary after each session instead of notes both edit.
  authorizeFeature(pair, "sharedNotes");
  const saved = await saveNote(db, pair, { sessionId: input.sessionId, authorId: null }, input, now);
  return presentShared(db, pair, input.sessionId, saved);
}

export async function savePrivateNote(
  db: Db,
  pair: Pair,
  input: { sessionId: string | null; baseVersion: number; body: string },
  now = new Date(),
) {
  const saved = await saveNote(db, pair, { sessionId: input.sessionId, authorId: pair.userId }, input, now);
  return presentPrivate(input.sessionId, saved);
}
