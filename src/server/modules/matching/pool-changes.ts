import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { loadRoundPool } from "./pool.js";
import { matchMentorStats, matchPairs, type matchRounds, matchUnmatched } from "./tables.js";

type Round = Pick<typeof matchRounds.$inferSelect, "id" | "kind" | "poolFingerprint" | "createdAt" | "stats">;

/**
 * Whether the pool a round was made from is still the pool, and if not, roughly how many
 * people joined, left or changed since (for the message; the fingerprint alone decides).
 */
export async function poolChanges(db: Executor, programme: Pick<ProgrammeRow, "id" | "type">, round: Round) {
  const current = await loadRoundPool(db, programme, round.kind);
  if (current.fingerprint === round.poolFingerprint) return { stale: false, changes: 0, fingerprint: current.fingerprint };
  const inRound = new Set<string>();
  for (const r of await db.select({ id: matchPairs.menteeEnrolmentId }).from(matchPairs).where(eq(matchPairs.roundId, round.id)))
    inRound.add(r.id);
  for (const r of await db
    .select({ id: matchUnmatched.menteeEnrolmentId })
    .from(matchUnmatched)
    .where(eq(matchUnmatched.roundId, round.id)))
    inRound.add(r.id);
  const places = new Map<string, number>();
  for (const r of await db
    .select({ id: matchMentorStats.mentorEnrolmentId, capacity: matchMentorStats.capacity })
    .from(matchMentorStats)
    .where(eq(matchMentorStats.roundId, round.id)))
    places.set(r.id, r.capacity);
  // The pool was read before the round row was written: anything updated since the run began counts.
  const since = round.createdAt.getTime() - (round.stats.millis?.total ?? 0);
  // Each person counts once, whether they joined, left or changed.
  const now = new Set<string>();
  const changed = new Set<string>();
  for (const p of current.mentees) {
    now.add(p.id);
    if (!inRound.has(p.id) || p.updatedAt.getTime() > since) changed.add(p.id);
  }
  for (const p of current.mentors) {
    now.add(p.id);
    const before = places.get(p.id);
    if (before === undefined || before !== p.places || p.updatedAt.getTime() > since) changed.add(p.id);
  }
  for (const p of current.everyone) if (!now.has(p.id) && p.updatedAt.getTime() > since) changed.add(p.id);
  for (const id of [...inRound, ...places.keys()]) if (!now.has(id)) changed.add(id);
  const changes = changed.size;
  return { stale: true, changes: Math.max(1, changes), fingerprint: current.fingerprint };
}
