import { and, eq, inArray } from "drizzle-orm";
import type { Answers } from "../../../core/intake/questions.js";
import { preferencePoints } from "../../../core/matching/preferences.js";
import type { Profile } from "../../../core/matching/profile.js";
import { type PreparedProfile, pairKey, prepareProfile, scorePair, type Weights } from "../../../core/matching/scoring.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { fullWeights, hardRules, type PairProblem, pairHistory, pairProblems, skillInfoFor } from "./pair-rules.js";
import { statedPreferences } from "./preferences.js";
import { profileFromAnswers } from "./profiles.js";
import type { PairRef, RoundSettings } from "./tables.js";

export type PersonRow = {
  id: string;
  userId: string;
  role: string;
  status: string;
  paused: boolean;
  capacity: number | null;
  formVersion: number | null;
  answers: Answers;
  name: string;
  email: string;
};

/** The people behind enrolment ids of one programme (ids of other programmes are simply absent). */
export async function peopleOf(db: Executor, programmeId: string, ids: string[]): Promise<Map<string, PersonRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: enrolments.id,
      userId: enrolments.userId,
      role: enrolments.role,
      status: enrolments.status,
      paused: enrolments.paused,
      capacity: enrolments.capacity,
      formVersion: enrolments.formVersion,
      answers: enrolments.answers,
      name: users.name,
      email: users.email,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.programmeId, programmeId), inArray(enrolments.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export type PairJudge = Awaited<ReturnType<typeof pairJudge>>;

/**
 * Everything needed to judge single pairs the way a round (or default settings) would: the
 * same weights, hard rules, pair history and exclusions, profiles resolved at the term start.
 */
export async function pairJudge(
  db: Executor,
  programme: Pick<ProgrammeRow, "id" | "termStart">,
  settings: Pick<RoundSettings, "weights" | "requireSharedLanguage" | "excluded">,
) {
  const weights: Weights = fullWeights(settings.weights);
  const excluded: PairRef[] = settings.excluded ?? [];
  const rules = hardRules(await pairHistory(db, programme.id), settings.requireSharedLanguage, excluded);
  const excludedKeys = new Set(excluded.map((x) => pairKey(x.menteeEnrolmentId, x.mentorEnrolmentId)));
  const skillInfo = await skillInfoFor(db);
  const termStart = new Date(`${programme.termStart}T12:00:00Z`);
  const profileOf = (p: PersonRow): Profile => profileFromAnswers(p.id, p.email, p.answers, termStart);

  /** The rules the pair breaks (named), and when allowed its score, factors and reasons. */
  function assess(mentee: PersonRow, mentor: PersonRow) {
    const menteeProfile = profileOf(mentee);
    const mentorProfile = profileOf(mentor);
    const preparedMentee: PreparedProfile = prepareProfile(menteeProfile, skillInfo);
    const preparedMentor: PreparedProfile = prepareProfile(mentorProfile, skillInfo);
    const problems: PairProblem[] = pairProblems(
      { mentee: mentee.name, mentor: mentor.name },
      preparedMentee,
      preparedMentor,
      weights,
      rules,
      excludedKeys,
    );
    const fit = scorePair(preparedMentee, preparedMentor, weights, { ...rules, previousPairs: new Set(), excludedPairs: new Set() });
    const preference = preferencePoints(mentee.id, mentor.id, statedPreferences([mentee], [mentor]));
    const factors = fit.allowed
      ? [...fit.factors, ...(preference.points ? [{ factor: "preferences", value: null, weight: 0, points: preference.points }] : [])]
      : [];
    return {
      menteeProfile,
      mentorProfile,
      preparedMentee,
      preparedMentor,
      problems,
      allowed: problems.length === 0,
      score: fit.allowed ? fit.score + preference.points : null,
      factors,
      reasons: [...preference.reasons, ...(fit.allowed ? fit.reasons : [])],
      pairReasons: fit.allowed ? fit.reasons : [],
    };
  }
  return { weights, rules, skillInfo, termStart, profileOf, assess };
}
