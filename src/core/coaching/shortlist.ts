import type { Profile, SkillInfo } from "../matching/profile.js";
import { type FactorName, type HardRules, type PairScore, prepareProfile, scorePair, type Weights } from "../matching/scoring.js";

/**
 * Coaching uses the matching engine's scoring with its own weights: a coach is chosen for
 * their specialisms against the skills the coachee targets, what they coach on, and a
 * workable time zone, with a shared language required. Years of experience and hobbies
 * are how volunteers are matched, not professionals, so they do not count.
 */
export const COACHING_WEIGHTS: Weights = { skills: 8, areas: 5, experience: 0, interests: 0, availability: 5, language: 3 };

export const COACHING_FACTOR_LABELS: Record<FactorName, string> = {
  skills: "Specialisms against the skills targeted",
  areas: "What the coach coaches on",
  experience: "Years of experience",
  interests: "Shared interests",
  availability: "Time zone and hours",
  language: "Shared language",
};

/** A coach who lists specialisms without levels is taken to be strong in them. */
export const SPECIALISM_LEVEL = 4;

/**
 * A coach working across several time zones is matched in the one that suits the coachee
 * best: one profile per zone, the best allowed score wins.
 */
export function coachProfiles(base: Profile, zoneOffsets: readonly number[]): Profile[] {
  if (zoneOffsets.length === 0) return [base];
  return zoneOffsets.map((utcOffsetMinutes) => ({ ...base, utcOffsetMinutes }));
}

export function bestCoachFit(coachee: Profile, coachVariants: readonly Profile[], rules: HardRules, skillInfo?: SkillInfo): PairScore {
  const e = prepareProfile(coachee, skillInfo);
  let best: PairScore | undefined;
  for (const variant of coachVariants) {
    const fit = scorePair(e, prepareProfile(variant, skillInfo), COACHING_WEIGHTS, rules);
    if (!best || (fit.allowed && (!best.allowed || fit.score > best.score))) best = fit;
  }
  return best as PairScore;
}

export type Ranked<T> = { item: T; score: number; fit: Extract<PairScore, { allowed: true }> };

/** The best `size` allowed coaches, best first; ties go to the name, so a shortlist is stable. */
export function topCoaches<T extends { name: string }>(scored: { item: T; fit: PairScore }[], size: number): Ranked<T>[] {
  return scored
    .flatMap((s) => (s.fit.allowed ? [{ item: s.item, score: s.fit.score, fit: s.fit }] : []))
    .sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name))
    .slice(0, size);
}

/** The engine's reasons speak of mentors and mentees; a coachee reads them about their coach and themself. */
export function reasonForCoachee(reason: string): string {
  return reason
    .replace(/\bwhat the mentee wants\b/g, "what you want")
    .replace(/\bthe mentee is aiming for\b/g, "you are aiming for")
    .replace(/\bthe mentee asked for\b/g, "you asked for")
    .replace(/\bthe mentee wants\b/g, "you want")
    .replace(/\bthan the mentee\b/g, "than you")
    .replace(/\bthe mentor's skills\b/g, "this coach's specialisms")
    .replace(/\bthe mentor\b/g, "this coach")
    .replace(/^Their calendars share\b/, "Your calendars share")
    .replace(/^Their time zones are\b/, "Your time zones are")
    .replace(/^Can talk in\b/, "You can work in")
    .replace(/\b1 hours\b/, "1 hour");
}

/** The same reasons for a coordinator, in coaching's words. */
export function reasonForCoordinator(reason: string): string {
  return reason
    .replace(/\bmentor's skills\b/g, "coach's specialisms")
    .replace(/\bmentors?\b/g, "coach")
    .replace(/\bmentees?\b/g, "coachee");
}
