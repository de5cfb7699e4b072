import { and, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type Blocker,
  blockersOf,
  DEFAULT_WEIGHTS,
  FACTORS,
  factorValues,
  type HardRules,
  type PreparedProfile,
  pairKey,
  type Weights,
} from "../../../core/matching/scoring.js";
import type { Executor } from "../../platform/db.js";
import { enrolments } from "../enrolment/tables.js";
import { relationships } from "../relationships/tables.js";
import { currentTaxonomy } from "../skills/taxonomy-cache.js";
import type { PairRef } from "./tables.js";

export type PairRuleName =
  | "same-person"
  | "own-manager"
  | "no-shared-language"
  | "previous-pair"
  | "excluded"
  | "declined-before"
  | "must-match"
  | "mentor-unavailable"
  | "not-approved";

export type PairProblem = { rule: PairRuleName; message: string };

const menteeEnrolment = alias(enrolments, "history_mentee");
const mentorEnrolment = alias(enrolments, "history_mentor");

/**
 * Pairs of this programme's people who have been paired before, in any programme (matched by
 * user, so a mentor and mentee from last year's cohort are not proposed again), keyed by their
 * enrolment ids here. A declined proposal is not a previous pair — they never worked together —
 * but it is not proposed again either: one of them said no.
 */
export async function pairHistory(db: Executor, programmeId: string) {
  const rows = await db
    .select({ mentee: menteeEnrolment.id, mentor: mentorEnrolment.id, status: relationships.status })
    .from(relationships)
    .innerJoin(menteeEnrolment, and(eq(menteeEnrolment.userId, relationships.menteeUserId), eq(menteeEnrolment.programmeId, programmeId)))
    .innerJoin(mentorEnrolment, and(eq(mentorEnrolment.userId, relationships.mentorUserId), eq(mentorEnrolment.programmeId, programmeId)))
    .where(ne(menteeEnrolment.id, mentorEnrolment.id));
  const previous = new Set<string>();
  const declined = new Set<string>();
  for (const r of rows) (r.status === "declined" ? declined : previous).add(pairKey(r.mentee, r.mentor));
  return { previous, declined };
}

export type PairHistory = Awaited<ReturnType<typeof pairHistory>>;

/** The engine's hard rules for a round: history plus the coordinator's exclusions (declined pairs count as excluded). */
export function hardRules(history: PairHistory, requireSharedLanguage: boolean, excluded: readonly PairRef[]): HardRules {
  const excludedPairs = new Set(history.declined);
  for (const x of excluded) excludedPairs.add(pairKey(x.menteeEnrolmentId, x.mentorEnrolmentId));
  return { requireSharedLanguage, previousPairs: history.previous, excludedPairs };
}

/** Resolves skills through the current taxonomy (shipped plus admins' additions). */
export async function skillInfoFor(db: Executor) {
  const taxonomy = await currentTaxonomy(db);
  return (name: string) => {
    const hit = taxonomy.resolve(name);
    return hit ? { canonical: hit.skill.name, family: hit.skill.family } : undefined;
  };
}

export const fullWeights = (weights: Partial<Record<string, number>> | undefined): Weights => ({ ...DEFAULT_WEIGHTS, ...weights });

const FACTOR_WORDS: Record<string, string> = {
  skills: "skills",
  areas: "the kind of help sought",
  experience: "experience",
  interests: "interests",
  availability: "availability",
  language: "language",
};

/**
 * Every rule a pair breaks, each in words that name the pair, so a refused lock or edit
 * says exactly what to change. Empty when the pair is allowed.
 */
export function pairProblems(
  names: { mentee: string; mentor: string },
  mentee: PreparedProfile,
  mentor: PreparedProfile,
  weights: Weights,
  rules: HardRules,
  coordinatorExcluded: ReadonlySet<string>,
): PairProblem[] {
  const values = new Float64Array(FACTORS.length);
  factorValues(mentee, mentor, values);
  const blockers = blockersOf(mentee, mentor, weights, rules, values) ?? [];
  const pair = `${names.mentee} and ${names.mentor}`;
  return blockers.map((b: Blocker): PairProblem => {
    switch (b) {
      case "same-person":
        return { rule: b, message: `${pair} are the same person.` };
      case "own-manager":
        return { rule: b, message: `${pair} cannot be paired: one of them manages the other.` };
      case "no-shared-language":
        return { rule: b, message: `${pair} have no language in common, and this round requires one.` };
      case "previous-pair":
        return { rule: b, message: `${pair} have been paired before; a pair is never proposed twice.` };
      case "excluded":
        return coordinatorExcluded.has(pairKey(mentee.profile.id, mentor.profile.id))
          ? { rule: "excluded", message: `${pair} are excluded in this round's settings.` }
          : { rule: "declined-before", message: `${pair} were proposed before and one of them declined.` };
      default: {
        const factor = b.slice("must-match:".length);
        return {
          rule: "must-match",
          message: `${pair} do not match on ${FACTOR_WORDS[factor] ?? factor}, which this round marks as must match.`,
        };
      }
    }
  });
}
