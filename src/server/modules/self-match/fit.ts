import { and, inArray } from "drizzle-orm";
import type { Answers, SkillAnswer } from "../../../core/intake/questions.js";
import { DEFAULT_WEIGHTS, type HardRules, pairKey, prepareProfile, scorePair } from "../../../core/matching/scoring.js";
import type { Executor } from "../../platform/db.js";
import { skillInfoFor } from "../matching/pair-rules.js";
import { profileFromAnswers } from "../matching/profiles.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { relationships } from "../relationships/tables.js";

export type Person = { enrolmentId: string; userId: string; email: string; answers: Answers };

/** Pairs that worked together before (live or finished, in any programme) are not offered again. */
const WORKED_TOGETHER = ["active", "paused", "completed", "ended"] as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * What another participant may see of someone before they are a pair: the matching answers
 * that help choose, never the manager, the email, capacity wishes or custom questions.
 */
export function publicProfile(answers: Answers, side: "mentor" | "mentee") {
  const skills = Array.isArray(answers.skills) ? (answers.skills as SkillAnswer[]) : [];
  return {
    skills: skills
      .filter((s) => s && typeof s.name === "string" && typeof s.level === "number")
      .map((s) => ({ name: s.name, level: Math.round(s.level) })),
    areas: strings(side === "mentor" ? answers.offers : answers.seeks),
    yearsExperience: typeof answers.years_experience === "number" ? answers.years_experience : null,
    timezone: typeof answers.timezone === "string" ? answers.timezone : null,
    languages: strings(answers.languages),
  };
}

/**
 * Scores pairs for one programme the way the matching round does: the same factors, default
 * weights and hard rules (own manager, shared language, previous pair). Time zones are
 * resolved at the term's start, or today once the term is under way.
 */
export async function fitScorer(db: Executor, programme: Pick<ProgrammeRow, "termStart">) {
  // The round's own skill lookup, so a mentor ranks a mentee's skills exactly as a round would.
  const skillInfo = await skillInfoFor(db);
  const start = new Date(`${programme.termStart}T12:00:00Z`);
  const at = start.getTime() > Date.now() ? start : new Date();
  const prepare = (p: Person) => prepareProfile(profileFromAnswers(p.enrolmentId, p.email, p.answers, at), skillInfo);
  const cache = new Map<string, ReturnType<typeof prepare>>();
  const prepared = (p: Person) => {
    let hit = cache.get(p.enrolmentId);
    if (!hit) {
      hit = prepare(p);
      cache.set(p.enrolmentId, hit);
    }
    return hit;
  };

  return {
    /** The fit of one pair: allowed with score and reasons, or ruled out. */
    score(mentee: Person, mentor: Person, previousMentorUserIds: ReadonlySet<string>) {
      const rules: HardRules = {
        requireSharedLanguage: true,
        previousPairs: previousMentorUserIds.has(mentor.userId)
          ? new Set([pairKey(mentee.enrolmentId, mentor.enrolmentId)])
          : new Set<string>(),
        excludedPairs: new Set<string>(),
      };
      return scorePair(prepared(mentee), prepared(mentor), DEFAULT_WEIGHTS, rules);
    },
  };
}

/** The user ids of mentors each of these mentees has been paired with before, in any programme. */
export async function previousMentors(db: Executor, menteeUserIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (menteeUserIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ mentee: relationships.menteeUserId, mentor: relationships.mentorUserId })
    .from(relationships)
    .where(and(inArray(relationships.menteeUserId, menteeUserIds), inArray(relationships.status, [...WORKED_TOGETHER])));
  for (const r of rows) {
    const set = out.get(r.mentee) ?? new Set<string>();
    set.add(r.mentor);
    out.set(r.mentee, set);
  }
  return out;
}

export const roundScore = (score: number) => Math.round(score * 10) / 10;

/** Convenience for one mentee. */
export async function previousMentorsOf(db: Executor, menteeUserId: string) {
  return (await previousMentors(db, [menteeUserId])).get(menteeUserId) ?? new Set<string>();
}
