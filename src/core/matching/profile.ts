/** What the intake form tells the matching engine about a person, mentee or mentor. */

export const GROWTH_AREAS = ["technical", "career", "personal"] as const;
export type GrowthArea = (typeof GROWTH_AREAS)[number];

/** A skill with a self-assessed level from 1 (beginner) to 5 (expert). */
export interface SkillLevel {
  name: string;
  level: number;
}

/** A weekly window in the person's local time: day 0 = Monday, minutes from local midnight. */
export interface WeeklyWindow {
  day: number;
  start: number;
  end: number;
}

export interface Profile {
  id: string;
  email?: string;
  managerEmail?: string;
  /** Mentee: skills they want to grow, at their current level. Mentor: skills they offer. */
  skills: readonly SkillLevel[];
  /** What a mentor offers help with. */
  areasOffered: readonly GrowthArea[];
  /** What a mentee is looking for. */
  areasSought: readonly GrowthArea[];
  yearsExperience: number;
  interests: readonly string[];
  /**
   * Offset from UTC in minutes for the person's IANA time zone (e.g. +60 for Europe/Berlin in
   * winter). Resolved by the caller for the programme's dates, so core needs no time-zone data.
   */
  utcOffsetMinutes: number;
  availability: readonly WeeklyWindow[];
  /** Languages the person can be mentored in, as codes or names (compared case-insensitively). */
  languages: readonly string[];
}

/**
 * Resolves a skill name to its canonical name and family (e.g. "k8s" -> "kubernetes",
 * "infrastructure"). Injected so core does not depend on where the skill taxonomy lives;
 * unknown names fall back to their own lower-cased name with no family.
 */
export type SkillInfo = (name: string) => { canonical: string; family: string } | undefined;
