import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor, Tx } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { requireFeature } from "../programmes/policies.js";
import { loadPairForParticipant, type Side } from "../relationships/access.js";
import { assertWritable as assertWorkspaceWritable, lockOpenPair } from "../workspace/access.js";
import { pairPeople as workspacePairPeople } from "../workspace/people.js";

export type Pair = Awaited<ReturnType<typeof loadPairForParticipant>> & { userId: string };

/** The growth pages, each a part of mentoring's workspace that coaching does not have. */
export type GrowthFeature = "goals" | "swot" | "reflections" | "debrief" | "introductions";

/**
 * The growth pages are the pair's own: anyone but the two people gets 404 (the same answer
 * as for a pair that does not exist), including coordinators and instance admins. A pair
 * whose mode has no such page (a coaching engagement has outcomes, not GROW goals) gets
 * 409 not_in_coaching, saying what it has instead.
 */
export async function loadPair(db: Executor, principal: Principal, relationshipId: string, feature: GrowthFeature): Promise<Pair> {
  const pair = { ...(await loadPairForParticipant(db, principal, relationshipId)), userId: principal.user.id };
  requireFeature(pair.programme, feature);
  return pair;
}

/**
 * Closed pairs keep their workspace to read, never to change (409 relationship_closed, or
 * relationship_not_started for a proposal): the same rule and words as the workspace's.
 */
export const assertWritable = (pair: Pair) => assertWorkspaceWritable(pair.relationship);

/** Loads the pair for a change and checks it is still open. */
export async function loadPairToWrite(db: Executor, principal: Principal, relationshipId: string, feature: GrowthFeature) {
  const pair = await loadPair(db, principal, relationshipId, feature);
  assertWritable(pair);
  return pair;
}

/**
 * A change to the pair's growth pages, in one transaction that holds the pair's row lock
 * (the workspace's lock): a write racing an end or a completion either lands before it or
 * is refused after it, never lands in a closed pair.
 */
export async function writeToPair<T>(
  db: Db,
  principal: Principal,
  relationshipId: string,
  feature: GrowthFeature,
  change: (tx: Tx, pair: Pair) => Promise<T>,
) {
  const pair = await loadPairToWrite(db, principal, relationshipId, feature);
  return db.transaction(async (tx) => {
    const relationship = await lockOpenPair(tx, pair.relationship.id);
    return change(tx, { ...pair, relationship });
  });
}

/** A 403 that says who may do it instead. */
export const notYourSide = (code: string, message: string) => new AppError(403, code, message);

export const sideOf = (pair: Pair, userId: string | null): Side | null =>
  userId === pair.relationship.menteeUserId ? "mentee" : userId === pair.relationship.mentorUserId ? "mentor" : null;

/** The names of the pair's two people, to label who wrote what (the workspace's lookup). */
export async function pairPeople(db: Executor, pair: Pair) {
  const people = await workspacePairPeople(db, pair.relationship);
  return (userId: string | null) => {
    const side = sideOf(pair, userId);
    return side ? { side, name: people[side].name } : null;
  };
}

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
