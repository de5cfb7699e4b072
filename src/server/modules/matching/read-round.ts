import { and, count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { matchMentorStats, matchPairs, matchRounds, matchUnmatched } from "./tables.js";

type RoundRow = typeof matchRounds.$inferSelect;

export const presentRound = (r: RoundRow) => ({
  id: r.id,
  programmeId: r.programmeId,
  status: r.status,
  settings: r.settings,
  stats: r.stats,
  createdAt: r.createdAt.toISOString(),
});

export const listRounds = async (db: Executor, programmeId: string) =>
  (await db.select().from(matchRounds).where(eq(matchRounds.programmeId, programmeId)).orderBy(desc(matchRounds.createdAt)).limit(50)).map(
    presentRound,
  );

const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");

/** A round with its pairs (best first, paginated), every unmatched mentee with the reason, and mentor contention. */
export async function readRound(db: Executor, programmeId: string, roundId: string, limit: number, offset: number) {
  const [round] = await db
    .select()
    .from(matchRounds)
    .where(and(eq(matchRounds.id, roundId), eq(matchRounds.programmeId, programmeId)))
    .limit(1);
  if (!round) throw notFound("That matching round");
  const pairs = await db
    .select({
      menteeId: matchPairs.menteeEnrolmentId,
      mentorId: matchPairs.mentorEnrolmentId,
      menteeName: menteeUser.name,
      menteeEmail: menteeUser.email,
      mentorName: mentorUser.name,
      mentorEmail: mentorUser.email,
      score: matchPairs.score,
      locked: matchPairs.locked,
      reasons: matchPairs.reasons,
      factors: matchPairs.factors,
    })
    .from(matchPairs)
    .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, matchPairs.menteeEnrolmentId))
    .innerJoin(menteeUser, eq(menteeUser.id, menteeEnrolment.userId))
    .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, matchPairs.mentorEnrolmentId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorEnrolment.userId))
    .where(eq(matchPairs.roundId, roundId))
    .orderBy(desc(matchPairs.score), menteeUser.email)
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(matchPairs).where(eq(matchPairs.roundId, roundId));
  const unmatched = await db
    .select({
      id: matchUnmatched.menteeEnrolmentId,
      name: users.name,
      email: users.email,
      kind: matchUnmatched.kind,
      reason: matchUnmatched.reason,
    })
    .from(matchUnmatched)
    .innerJoin(enrolments, eq(enrolments.id, matchUnmatched.menteeEnrolmentId))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(eq(matchUnmatched.roundId, roundId))
    .orderBy(users.email);
  const mentors = await db
    .select({ stats: matchMentorStats, name: users.name, email: users.email })
    .from(matchMentorStats)
    .innerJoin(enrolments, eq(enrolments.id, matchMentorStats.mentorEnrolmentId))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(eq(matchMentorStats.roundId, roundId))
    .orderBy(desc(matchMentorStats.price), users.email);
  return {
    ...presentRound(round),
    pairsTotal: Number(n),
    pairs: pairs.map((p) => ({
      mentee: { enrolmentId: p.menteeId, name: p.menteeName, email: p.menteeEmail },
      mentor: { enrolmentId: p.mentorId, name: p.mentorName, email: p.mentorEmail },
      score: p.score,
      locked: p.locked,
      reasons: p.reasons,
      factors: p.factors,
    })),
    unmatched: unmatched.map((u) => ({ mentee: { enrolmentId: u.id, name: u.name, email: u.email }, kind: u.kind, reason: u.reason })),
    mentors: mentors.map((m) => ({
      mentor: { enrolmentId: m.stats.mentorEnrolmentId, name: m.name, email: m.email },
      capacity: m.stats.capacity,
      assigned: m.stats.assigned,
      candidates: m.stats.candidates,
      topChoice: m.stats.topChoice,
      price: m.stats.price,
    })),
  };
}
