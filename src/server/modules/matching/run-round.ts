import { eq } from "drizzle-orm";
import { generateCandidates } from "../../../core/matching/candidates.js";
import { createExplainer } from "../../../core/matching/explain.js";
import { noCandidateReason } from "../../../core/matching/no-candidate-reason.js";
import { preferencePoints } from "../../../core/matching/preferences.js";
import type { PackedProblem, PairTuple } from "../../../core/matching/problem.js";
import { prepareProfile, scorePair } from "../../../core/matching/scoring.js";
import { solveMatching } from "../../../core/matching/solve.js";
import { unmatchedReason } from "../../../core/matching/unmatched-reasons.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { requirePairing } from "../programmes/policies.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { checkLocks } from "./check-locks.js";
import { fullWeights, hardRules, pairHistory, skillInfoFor } from "./pair-rules.js";
import { loadRoundPool, type RoundKind, rolesOf } from "./pool.js";
import { statedPreferences, withPreferences } from "./preferences.js";
import { profileFromAnswers } from "./profiles.js";
import { histogramOf } from "./round-stats.js";
import { matchMentorStats, matchPairs, matchRounds, matchUnmatched, type PairRef, type RoundStats } from "./tables.js";

export type RoundOptions = {
  weights?: Partial<Record<string, number>>;
  k?: number;
  requireSharedLanguage?: boolean;
  locked?: PairRef[];
  excluded?: PairRef[];
  kind?: RoundKind;
  basedOn?: string | null;
};

const CHUNK = 1000;
const now = () => performance.now();

/** Runs a round for a coordinator (404/403 for anyone else): see runRound. */
export async function runMatchingRound(ctx: AppContext, principal: Principal, programmeId: string, options: RoundOptions = {}) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  return runRound(ctx, programme, principal.user.id, options);
}

/**
 * The whole matching round from the database: load the pool, generate the best candidates
 * per mentee, solve exactly (with the coordinator's locks and exclusions), explain every pair
 * and every unmatched mentee, and store the result as a draft. The pool is read once and
 * written once, in one transaction. A lock that breaks a rule is refused before anything runs.
 */
export async function runRound(ctx: AppContext, programme: ProgrammeRow, actorId: string, options: RoundOptions = {}) {
  requirePairing(programme, "round");
  const t0 = now();
  const kind = options.kind ?? "full";
  const pool = await loadRoundPool(ctx.db, programme, kind);
  const { mentees, mentors, giver } = pool;
  const { givers, receivers } = rolesOf(programme);
  if (mentees.length === 0 || mentors.length === 0) {
    throw conflict(
      "empty_pool",
      kind === "open"
        ? `There is nobody to re-match: ${mentees.length} ${receivers} without a ${giver} and ${mentors.length} ${givers} with places left.`
        : `Matching needs approved ${receivers} and ${givers} with capacity; this pool has ${mentees.length} and ${mentors.length}.`,
    );
  }
  const termStart = new Date(`${programme.termStart}T12:00:00Z`);
  const menteeProfiles = mentees.map((p) => profileFromAnswers(p.id, p.email, p.answers, termStart));
  const mentorProfiles = mentors.map((p) => profileFromAnswers(p.id, p.email, p.answers, termStart));
  const skillInfo = await skillInfoFor(ctx.db);
  const weights = fullWeights(options.weights);
  const requireSharedLanguage = options.requireSharedLanguage ?? true;
  const locked = options.locked ?? [];
  const excluded = options.excluded ?? [];
  const rules = hardRules(await pairHistory(ctx.db, programme.id), requireSharedLanguage, excluded);
  const k = options.k ?? 50;
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(mentors.map((p, i) => [p.id, i]));
  const prepared = new Map<number, ReturnType<typeof prepareProfile>>();
  const preparedMentor = (m: number) => {
    const cached = prepared.get(m);
    if (cached) return cached;
    const fresh = prepareProfile(mentorProfiles[m], skillInfo);
    prepared.set(m, fresh);
    return fresh;
  };
  await checkLocks(ctx.db, programme, pool, { locked, excluded, weights, rules }, (e, m) => ({
    mentee: prepareProfile(menteeProfiles[e], skillInfo),
    mentor: preparedMentor(m),
  }));
  const t1 = now();

  // Scoring 3K index-ranked mentors per mentee keeps the best K in practice at a fraction of the cost of 8K.
  const candidates = generateCandidates(menteeProfiles, mentorProfiles, { k, weights, rules, skillInfo, maxScoredPerMentee: 3 * k });
  const prefs = statedPreferences(mentees, mentors);
  const fitOf = (e: number, m: number) => {
    const fit = scorePair(prepareProfile(menteeProfiles[e], skillInfo), preparedMentor(m), weights, rules);
    return fit.allowed ? fit.score : undefined;
  };
  const edges = withLockedEdges(
    withPreferences(candidates, prefs, menteeProfiles, mentorProfiles, fitOf),
    locked,
    menteeIndex,
    mentorIndex,
    (e, m) => {
      const fit = fitOf(e, m) ?? 0;
      return fit + preferencePoints(mentees[e].id, mentors[m].id, prefs).points;
    },
  );
  const lockedTuples: PairTuple[] = locked.map((l) => [
    menteeIndex.get(l.menteeEnrolmentId) ?? -1,
    mentorIndex.get(l.mentorEnrolmentId) ?? -1,
  ]);
  const excludedTuples: PairTuple[] = excluded.flatMap((x): PairTuple[] => {
    const e = menteeIndex.get(x.menteeEnrolmentId);
    const m = mentorIndex.get(x.mentorEnrolmentId);
    return e === undefined || m === undefined ? [] : [[e, m]];
  });
  const problem: PackedProblem = {
    menteeCount: mentees.length,
    mentorCapacity: Int32Array.from(mentors, (m) => m.places),
    ...edges,
    locked: lockedTuples,
    excluded: excludedTuples,
  };
  const t2 = now();
  const solution = solveMatching(problem);
  const t3 = now();

  const explainer = createExplainer(problem, solution);
  // Rows without their round id yet: the round is created in the same transaction that stores them.
  const pairs: Omit<typeof matchPairs.$inferInsert, "roundId">[] = [];
  const unmatched: Omit<typeof matchUnmatched.$inferInsert, "roundId">[] = [];
  for (let e = 0; e < mentees.length; e++) {
    const m = solution.mentorOf[e];
    if (m < 0) {
      const reason = unmatchedReason(problem, explainer, e, (j) => mentors[j].name, candidates.considered[e]?.blocked);
      const plainer =
        reason.kind === "no-allowed-mentor" ? noCandidateReason(menteeProfiles[e], mentorProfiles, requireSharedLanguage) : undefined;
      unmatched.push({ menteeEnrolmentId: mentees[e].id, kind: reason.kind, reason: plainer ?? reason.text });
      continue;
    }
    const scored = scorePair(prepareProfile(menteeProfiles[e], skillInfo), preparedMentor(m), weights, rules);
    const preference = preferencePoints(menteeProfiles[e].id, mentorProfiles[m].id, prefs);
    const fitReasons = scored.allowed ? scored.reasons : [];
    pairs.push({
      menteeEnrolmentId: mentees[e].id,
      mentorEnrolmentId: mentors[m].id,
      score: solution.scoreOf[e],
      factors: [
        ...(scored.allowed ? scored.factors : []),
        ...(preference.points ? [{ factor: "preferences", value: null, weight: 0, points: preference.points }] : []),
      ],
      reasons: [...preference.reasons, ...fitReasons],
      pairReasons: fitReasons,
      locked: solution.locked[e] === 1,
    });
  }
  const contention = explainer.mentorContention();
  const t4 = now();

  const stats: RoundStats = {
    mentees: mentees.length,
    mentors: mentors.length,
    capacity: mentors.reduce((sum, m) => sum + m.places, 0),
    candidatePairs: edges.edgeMentee.length,
    matched: solution.matched,
    totalScore: solution.totalScore,
    averageScore: solution.matched ? solution.totalScore / solution.matched : 0,
    scoreHistogram: histogramOf(pairs.map((p) => p.score)),
    millis: { load: t1 - t0, candidates: t2 - t1, solve: t3 - t2, explain: t4 - t3, store: 0, total: 0 },
  };
  const round = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matchRounds)
      .values({
        programmeId: programme.id,
        kind,
        settings: { weights, k, requireSharedLanguage, locked, excluded, basedOn: options.basedOn ?? null },
        stats,
        poolFingerprint: pool.fingerprint,
        createdBy: actorId,
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
      kind,
      matched: stats.matched,
      mentees: stats.mentees,
      locked: locked.length,
      excluded: excluded.length,
      millis: Math.round(stats.millis.total),
    },
    "matching round stored",
  );
  return { ...round, stats };
}

/** Locked pairs must be edges (the solver reads their score from them); add those the candidate cut left out. */
function withLockedEdges(
  edges: { edgeMentee: Int32Array; edgeMentor: Int32Array; edgeScore: Float64Array },
  locked: readonly PairRef[],
  menteeIndex: Map<string, number>,
  mentorIndex: Map<string, number>,
  scoreOf: (mentee: number, mentor: number) => number,
) {
  if (locked.length === 0) return edges;
  const present = new Set<string>();
  for (let i = 0; i < edges.edgeMentee.length; i++) present.add(`${edges.edgeMentee[i]}|${edges.edgeMentor[i]}`);
  const extra = locked.flatMap((l) => {
    const e = menteeIndex.get(l.menteeEnrolmentId) as number;
    const m = mentorIndex.get(l.mentorEnrolmentId) as number;
    return present.has(`${e}|${m}`) ? [] : [[e, m, scoreOf(e, m)] as const];
  });
  const n = edges.edgeMentee.length;
  const edgeMentee = new Int32Array(n + extra.length);
  const edgeMentor = new Int32Array(n + extra.length);
  const edgeScore = new Float64Array(n + extra.length);
  edgeMentee.set(edges.edgeMentee);
  edgeMentor.set(edges.edgeMentor);
  edgeScore.set(edges.edgeScore);
  extra.forEach(([e, m, s], j) => {
    edgeMentee[n + j] = e;
    edgeMentor[n + j] = m;
    edgeScore[n + j] = s;
  });
  return { edgeMentee, edgeMentor, edgeScore };
}
