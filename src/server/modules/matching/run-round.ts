import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { generateCandidates } from "../../../core/matching/candidates.js";
import { createExplainer } from "../../../core/matching/explain.js";
import { noCandidateReason } from "../../../core/matching/no-candidate-reason.js";
import { preferencePoints } from "../../../core/matching/preferences.js";
import type { PackedProblem } from "../../../core/matching/problem.js";
import { DEFAULT_WEIGHTS, prepareProfile, scorePair, type Weights } from "../../../core/matching/scoring.js";
import { solveMatching } from "../../../core/matching/solve.js";
import { unmatchedReason } from "../../../core/matching/unmatched-reasons.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { currentTaxonomy } from "../skills/taxonomy-cache.js";
import { statedPreferences, withPreferences } from "./preferences.js";
import { profileFromAnswers } from "./profiles.js";
import { matchMentorStats, matchPairs, matchRounds, matchUnmatched, type RoundStats } from "./tables.js";

export type RoundOptions = { weights?: Partial<Weights>; k?: number; requireSharedLanguage?: boolean };

const CHUNK = 1000;
const now = () => performance.now();

/**
 * The whole matching round from the database: load the approved pool, generate the best
 * candidates per mentee, solve exactly, explain every pair and every unmatched mentee, and
 * store the result as a draft. The pool is read once and written once, in one transaction.
 */
export async function runMatchingRound(ctx: AppContext, principal: Principal, programmeId: string, options: RoundOptions = {}) {
  const t0 = now();
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  const [giver, receiver] = programme.type === "mentoring" ? (["mentor", "mentee"] as const) : (["coach", "coachee"] as const);
  const pool = await ctx.db
    .select({
      id: enrolments.id,
      role: enrolments.role,
      answers: enrolments.answers,
      capacity: enrolments.capacity,
      paused: enrolments.paused,
      updatedAt: enrolments.updatedAt,
      email: users.email,
      name: users.name,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.programmeId, programme.id), eq(enrolments.status, "approved"), inArray(enrolments.role, [giver, receiver])))
    .orderBy(enrolments.id);
  const mentees = pool.filter((p) => p.role === receiver);
  // Paused mentors and those with no capacity left are not offered.
  const mentors = pool.filter((p) => p.role === giver && !p.paused && (p.capacity ?? 0) > 0);
  if (mentees.length === 0 || mentors.length === 0) {
    throw conflict(
      "empty_pool",
      `Matching needs approved ${receiver}s and ${giver}s with capacity; this pool has ${mentees.length} and ${mentors.length}.`,
    );
  }
  const termStart = new Date(`${programme.termStart}T12:00:00Z`);
  const menteeProfiles = mentees.map((p) => profileFromAnswers(p.id, p.email, p.answers, termStart));
  const mentorProfiles = mentors.map((p) => profileFromAnswers(p.id, p.email, p.answers, termStart));
  const taxonomy = await currentTaxonomy(ctx.db);
  const skillInfo = (name: string) => {
    const hit = taxonomy.resolve(name);
    return hit ? { canonical: hit.skill.name, family: hit.skill.family } : undefined;
  };
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const rules = {
    requireSharedLanguage: options.requireSharedLanguage ?? true,
    previousPairs: new Set<string>(),
    excludedPairs: new Set<string>(),
  };
  const k = options.k ?? 50;
  const t1 = now();

  // Scoring 3K index-ranked mentors per mentee keeps the best K in practice at a fraction of the cost of 8K.
  const candidates = generateCandidates(menteeProfiles, mentorProfiles, { k, weights, rules, skillInfo, maxScoredPerMentee: 3 * k });
  const prepared = new Map<number, ReturnType<typeof prepareProfile>>();
  const preparedMentor = (m: number) => {
    const cached = prepared.get(m);
    if (cached) return cached;
    const fresh = prepareProfile(mentorProfiles[m], skillInfo);
    prepared.set(m, fresh);
    return fresh;
  };
  const prefs = statedPreferences(mentees, mentors);
  const edges = withPreferences(candidates, prefs, menteeProfiles, mentorProfiles, (e, m) => {
    const fit = scorePair(prepareProfile(menteeProfiles[e], skillInfo), preparedMentor(m), weights, rules);
    return fit.allowed ? fit.score : undefined;
  });
  const problem: PackedProblem = {
    menteeCount: mentees.length,
    mentorCapacity: Int32Array.from(mentors, (m) => m.capacity ?? 0),
    ...edges,
    locked: [],
    excluded: [],
  };
  const t2 = now();
  const solution = solveMatching(problem);
  const t3 = now();

  const explainer = createExplainer(problem, solution);
  // Rows without their round id yet: the round is created in the same transaction that stores them.
  const pairs: Omit<typeof matchPairs.$inferInsert, "roundId">[] = [];
  const unmatched: Omit<typeof matchUnmatched.$inferInsert, "roundId">[] = [];
  const histogram = new Array(10).fill(0);
  for (let e = 0; e < mentees.length; e++) {
    const m = solution.mentorOf[e];
    if (m < 0) {
      const reason = unmatchedReason(problem, explainer, e, (j) => mentors[j].name, candidates.considered[e]?.blocked);
      const plainer =
        reason.kind === "no-allowed-mentor" ? noCandidateReason(menteeProfiles[e], mentorProfiles, rules.requireSharedLanguage) : undefined;
      unmatched.push({ menteeEnrolmentId: mentees[e].id, kind: reason.kind, reason: plainer ?? reason.text });
      continue;
    }
    const scored = scorePair(prepareProfile(menteeProfiles[e], skillInfo), preparedMentor(m), weights, rules);
    const preference = preferencePoints(menteeProfiles[e].id, mentorProfiles[m].id, prefs);
    const score = solution.scoreOf[e];
    histogram[Math.min(9, Math.floor(score / 10))]++;
    pairs.push({
      menteeEnrolmentId: mentees[e].id,
      mentorEnrolmentId: mentors[m].id,
      score,
      factors: [
        ...(scored.allowed ? scored.factors : []),
        ...(preference.points ? [{ factor: "preferences", value: null, weight: 0, points: preference.points }] : []),
      ],
      reasons: [...preference.reasons, ...(scored.allowed ? scored.reasons : [])],
      locked: solution.locked[e] === 1,
    });
  }
  const contention = explainer.mentorContention();
  const t4 = now();

  const stats: RoundStats = {
    mentees: mentees.length,
    mentors: mentors.length,
    capacity: mentors.reduce((sum, m) => sum + (m.capacity ?? 0), 0),
    candidatePairs: candidates.edgeMentee.length,
    matched: solution.matched,
    totalScore: solution.totalScore,
    averageScore: solution.matched ? solution.totalScore / solution.matched : 0,
    scoreHistogram: histogram,
    millis: { load: t1 - t0, candidates: t2 - t1, solve: t3 - t2, explain: t4 - t3, store: 0, total: 0 },
  };
  const fingerprint = createHash("sha256")
    .update(pool.map((p) => `${p.id}:${p.updatedAt.toISOString()}`).join("\n"))
    .digest("hex");
  const round = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matchRounds)
      .values({
        programmeId: programme.id,
        settings: { weights, k, requireSharedLanguage: rules.requireSharedLanguage },
        stats,
        poolFingerprint: fingerprint,
        createdBy: principal.user.id,
      })
      .returning();
    for (let i = 0; i < pairs.length; i += CHUNK)
      await tx.insert(matchPairs).values(pairs.slice(i, i + CHUNK).map((p) => ({ ...p, roundId: row.id })));
    for (let i = 0; i < unmatched.length; i += CHUNK)
      await tx.insert(matchUnmatched).values(unmatched.slice(i, i + CHUNK).map((u) => ({ ...u, roundId: row.id })));
    const mentorRows = contention.map((c) => ({
      roundId: row.id,
      mentorEnrolmentId: mentors[c.mentor].id,
      capacity: c.capacity,
      assigned: c.assigned,
      candidates: c.candidates,
      topChoice: c.topChoice,
      price: c.price,
    }));
    for (let i = 0; i < mentorRows.length; i += CHUNK) await tx.insert(matchMentorStats).values(mentorRows.slice(i, i + CHUNK));
    return row;
  });
  const t5 = now();
  stats.millis.store = t5 - t4;
  stats.millis.total = t5 - t0;
  await ctx.db.update(matchRounds).set({ stats }).where(eq(matchRounds.id, round.id));
  ctx.logger.info(
    {
      programmeId: programme.id,
      roundId: round.id,
      matched: stats.matched,
      mentees: stats.mentees,
      millis: Math.round(stats.millis.total),
    },
    "matching round stored",
  );
  return { ...round, stats };
}
