import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { poolChanges } from "./pool-changes.js";
import { matchMentorStats, matchPairs, matchRounds, matchUnmatched } from "./tables.js";

type RoundRow = typeof matchRounds.$inferSelect;

export const presentRound = (r: RoundRow) => ({
  id: r.id,
  programmeId: r.programmeId,
  status: r.status,
  kind: r.kind,
  settings: {
    weights: r.settings.weights,
    k: r.settings.k,
    requireSharedLanguage: r.settings.requireSharedLanguage,
    locked: r.settings.locked ?? [],
    excluded: r.settings.excluded ?? [],
    basedOn: r.settings.basedOn ?? null,
  },
  stats: r.stats,
  poolFingerprint: r.poolFingerprint,
  createdAt: r.createdAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
});

/** One round row of the programme, or 404 (a round of another programme is not found either). */
export async function findRound(db: Executor, programmeId: string, roundId: string) {
  const [round] = await db
    .select()
    .from(matchRounds)
    .where(and(eq(matchRounds.id, roundId), eq(matchRounds.programmeId, programmeId)))
    .limit(1);
  if (!round) throw notFound("That matching round");
  return round;
}

export const listRounds = async (db: Executor, programmeId: string) =>
  (await db.select().from(matchRounds).where(eq(matchRounds.programmeId, programmeId)).orderBy(desc(matchRounds.createdAt)).limit(50)).map(
    presentRound,
  );

const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");

const pairRows = (db: Executor) =>
  db
    .select({
      menteeId: matchPairs.menteeEnrolmentId,
      mentorId: matchPairs.mentorEnrolmentId,
      menteeName: menteeUser.name,
      menteeEmail: menteeUser.email,
      mentorName: mentorUser.name,
      mentorEmail: mentorUser.email,
      score: matchPairs.score,
      locked: matchPairs.locked,
      manual: matchPairs.manual,
      reasons: matchPairs.reasons,
      factors: matchPairs.factors,
    })
    .from(matchPairs)
    .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, matchPairs.menteeEnrolmentId))
    .innerJoin(menteeUser, eq(menteeUser.id, menteeEnrolment.userId))
    .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, matchPairs.mentorEnrolmentId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorEnrolment.userId))
    .$dynamic();

const unmatchedRows = (db: Executor) =>
  db
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
    .$dynamic();

type PairRow = Awaited<ReturnType<ReturnType<typeof pairRows>["execute"]>>[number];
type UnmatchedRow = Awaited<ReturnType<ReturnType<typeof unmatchedRows>["execute"]>>[number];

const presentPair = (p: PairRow) => ({
  mentee: { enrolmentId: p.menteeId, name: p.menteeName, email: p.menteeEmail },
  mentor: { enrolmentId: p.mentorId, name: p.mentorName, email: p.mentorEmail },
  score: p.score,
  locked: p.locked,
  manual: p.manual,
  reasons: p.reasons,
  factors: p.factors,
});

const presentUnmatched = (u: UnmatchedRow) => ({
  mentee: { enrolmentId: u.id, name: u.name, email: u.email },
  kind: u.kind,
  reason: u.reason,
});

/** One mentee's place in a round, as the round detail shows it: their pair, or why they are unmatched. */
export async function readRoundPlacement(db: Executor, roundId: string, menteeId: string) {
  const [pair] = await pairRows(db).where(and(eq(matchPairs.roundId, roundId), eq(matchPairs.menteeEnrolmentId, menteeId)));
  const [unmatched] = pair
    ? []
    : await unmatchedRows(db).where(and(eq(matchUnmatched.roundId, roundId), eq(matchUnmatched.menteeEnrolmentId, menteeId)));
  return { pair: pair ? presentPair(pair) : null, unmatched: unmatched ? presentUnmatched(unmatched) : null };
}

export type RoundPage = {
  limit: number;
  offset: number;
  sort?: "score-desc" | "score-asc" | "mentee" | "mentor";
  /** A mentor's enrolment id: only their pairs. */
  mentor?: string;
};

const pairOrder = {
  "score-desc": [desc(matchPairs.score), menteeUser.email],
  "score-asc": [asc(matchPairs.score), menteeUser.email],
  mentee: [asc(menteeUser.name), menteeUser.email],
  mentor: [asc(mentorUser.name), desc(matchPairs.score), menteeUser.email],
} as const;

/**
 * A round with one page of its pairs (sorted and filtered in the database, so a round of
 * ten thousand pairs pages like one of ten), every unmatched mentee with the reason, and
 * mentor contention; a draft also says whether its pool has changed since it was run.
 */
export async function readRound(db: Executor, programme: ProgrammeRow, roundId: string, page: RoundPage) {
  const round = await findRound(db, programme.id, roundId);
  const freshness = round.status === "draft" ? await poolChanges(db, programme, round) : { stale: false, changes: 0 };
  const where = and(eq(matchPairs.roundId, roundId), page.mentor ? eq(matchPairs.mentorEnrolmentId, page.mentor) : undefined);
  const pairs = await pairRows(db)
    .where(where)
    .orderBy(...pairOrder[page.sort ?? "score-desc"])
    .limit(page.limit)
    .offset(page.offset);
  const [{ n }] = await db.select({ n: count() }).from(matchPairs).where(where);
  const [{ manual }] = await db
    .select({ manual: count() })
    .from(matchPairs)
    .where(and(eq(matchPairs.roundId, roundId), eq(matchPairs.manual, true)));
  const unmatched = await unmatchedRows(db).where(eq(matchUnmatched.roundId, roundId)).orderBy(users.email);
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
    manualPairs: Number(manual),
    names: await namesOf(db, [...(round.settings.locked ?? []), ...(round.settings.excluded ?? [])]),
    stale: freshness.stale,
    poolChanges: freshness.changes,
    pairs: pairs.map(presentPair),
    unmatched: unmatched.map(presentUnmatched),
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

/** The names behind a round's locked and excluded pairs, which it stores by id only. */
async function namesOf(db: Executor, refs: { menteeEnrolmentId: string; mentorEnrolmentId: string }[]) {
  const ids = [...new Set(refs.flatMap((r) => [r.menteeEnrolmentId, r.mentorEnrolmentId]))];
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: enrolments.id, name: users.name })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(inArray(enrolments.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
