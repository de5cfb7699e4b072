import { GROWTH_AREAS, type GrowthArea, type Profile, type SkillInfo, type WeeklyWindow } from "./profile.js";

export const FACTORS = ["skills", "areas", "experience", "interests", "availability", "language"] as const;
export type FactorName = (typeof FACTORS)[number];

/** 0 = ignore, 10 = must match (the pair is not allowed unless the factor scores above 0). */
export type Weights = Readonly<Record<FactorName, number>>;

export const DEFAULT_WEIGHTS: Weights = { skills: 8, areas: 6, experience: 4, interests: 2, availability: 5, language: 3 };

export const MUST_MATCH = 10;

/** Rules that make a pair impossible whatever its score. */
export interface HardRules {
  requireSharedLanguage: boolean;
  /** `${menteeId}|${mentorId}` of pairs that have worked together before. */
  previousPairs: ReadonlySet<string>;
  /** `${menteeId}|${mentorId}` of pairs a coordinator ruled out. */
  excludedPairs: ReadonlySet<string>;
}

export const pairKey = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;

export type Blocker = "same-person" | "own-manager" | "no-shared-language" | "previous-pair" | "excluded" | `must-match:${FactorName}`;

export interface FactorContribution {
  factor: FactorName;
  /** 0..1, or null when the profiles say nothing about it (then it does not count). */
  value: number | null;
  weight: number;
  /** Share of the 0..100 score this factor brought. */
  points: number;
}

export type PairScore =
  | { allowed: false; blockedBy: Blocker[] }
  | { allowed: true; score: number; factors: FactorContribution[]; reasons: string[] };

/** A profile with everything the scoring needs precomputed once, not once per pair. */
export interface PreparedSkill {
  canonical: string;
  family: string | undefined;
  level: number;
  /** As the person wrote it, for texts. */
  name: string;
}

export interface PreparedProfile {
  profile: Profile;
  /** Canonical skill name -> level (highest when listed twice). */
  skills: Map<string, PreparedSkill>;
  /** The same skills as a list, for iterating without allocating. */
  skillList: PreparedSkill[];
  /** Family -> highest level among its skills. */
  families: Map<string, number>;
  languages: Set<string>;
  interests: Set<string>;
  /** Weekly availability in UTC minutes of the week, sorted and merged. */
  weekUtc: [number, number][];
  /** Growth areas as bit masks (bit i = GROWTH_AREAS[i]). */
  areasOffered: number;
  areasSought: number;
  /** Lower-cased, trimmed: compared once per pair, so normalised once per person. */
  email: string | undefined;
  managerEmail: string | undefined;
}

const WEEK = 7 * 24 * 60;
/** A weekly session of 45–60 minutes needs some slack: two shared hours a week count as full. */
const FULL_OVERLAP_MINUTES = 120;
/** Without availability windows, time zones up to 3 hours apart are fine, 8 or more are not. */
const EASY_OFFSET = 180;
const HARD_OFFSET = 480;
/** Five or more years more experience than the mentee counts as a full match. */
const FULL_EXPERIENCE_GAP = 5;

export function prepareProfile(profile: Profile, skillInfo?: SkillInfo): PreparedProfile {
  const skills: PreparedProfile["skills"] = new Map();
  const families = new Map<string, number>();
  for (const { name, level } of profile.skills) {
    const info = skillInfo?.(name);
    const canonical = info?.canonical ?? name.trim().toLowerCase();
    const known = skills.get(canonical);
    if (known === undefined || known.level < level) skills.set(canonical, { canonical, level, family: info?.family, name });
    if (info !== undefined) families.set(info.family, Math.max(families.get(info.family) ?? 0, level));
  }
  const mask = (areas: readonly GrowthArea[]) => areas.reduce((bits, a) => bits | (1 << GROWTH_AREAS.indexOf(a)), 0);
  return {
    profile,
    skills,
    skillList: [...skills.values()],
    families,
    areasOffered: mask(profile.areasOffered),
    areasSought: mask(profile.areasSought),
    languages: new Set(profile.languages.map((x) => x.trim().toLowerCase())),
    interests: new Set(profile.interests.map((x) => x.trim().toLowerCase())),
    weekUtc: toUtcWeek(profile.availability, profile.utcOffsetMinutes),
    email: profile.email?.trim().toLowerCase(),
    managerEmail: profile.managerEmail?.trim().toLowerCase(),
  };
}

export type PairFit = { allowed: false; blockedBy: Blocker[] } | { allowed: true; score: number; factors: FactorContribution[] };

/**
 * Writes each factor's value into `out` (in FACTORS order; NaN when the profiles say nothing
 * about it). Allocates nothing: candidate generation runs it for many pairs.
 */
export function factorValues(mentee: PreparedProfile, mentor: PreparedProfile, out: Float64Array): void {
  const e = mentee.profile;
  const m = mentor.profile;
  out[0] = skillsFactor(mentee, mentor);
  out[1] = areasFactor(mentee.areasSought, mentor.areasOffered);
  out[2] = clamp01((m.yearsExperience - e.yearsExperience) / FULL_EXPERIENCE_GAP);
  out[3] = overlapShare(mentee.interests, mentor.interests);
  out[4] = availabilityFactor(mentee, mentor);
  out[5] = hasSharedLanguage(mentee, mentor) ? 1 : 0;
}

/** The hard rules and must-match factors the pair breaks, or null when it breaks none. */
export function blockersOf(
  mentee: PreparedProfile,
  mentor: PreparedProfile,
  weights: Weights,
  rules: HardRules,
  values: Float64Array,
): Blocker[] | null {
  // Allocates only for a blocked pair: this runs for every pair candidate generation scores.
  let out: Blocker[] | null = null;
  const e = mentee.profile;
  const m = mentor.profile;
  if (e.id === m.id) out = withBlocker(out, "same-person");
  // Either way round: a reporting line in either direction is not a mentoring relationship.
  if (
    (mentee.managerEmail !== undefined && mentee.managerEmail === mentor.email) ||
    (mentor.managerEmail !== undefined && mentor.managerEmail === mentee.email)
  ) {
    out = withBlocker(out, "own-manager");
  }
  if (rules.requireSharedLanguage && values[5] === 0) out = withBlocker(out, "no-shared-language");
  if (rules.previousPairs.size > 0 && rules.previousPairs.has(pairKey(e.id, m.id))) out = withBlocker(out, "previous-pair");
  if (rules.excludedPairs.size > 0 && rules.excludedPairs.has(pairKey(e.id, m.id))) out = withBlocker(out, "excluded");
  for (let i = 0; i < FACTORS.length; i++) {
    if (weights[FACTORS[i]] >= MUST_MATCH && !(values[i] > 0)) out = withBlocker(out, `must-match:${FACTORS[i]}`);
  }
  return out;
}

function withBlocker(list: Blocker[] | null, blocker: Blocker): Blocker[] {
  if (list === null) return [blocker];
  list.push(blocker);
  return list;
}

/** The pair's 0..100 score, or NaN when a hard rule or must-match factor rules it out. */
export function fitScore(
  mentee: PreparedProfile,
  mentor: PreparedProfile,
  weights: Weights,
  rules: HardRules,
  scratch: Float64Array,
): number {
  factorValues(mentee, mentor, scratch);
  if (blockersOf(mentee, mentor, weights, rules, scratch) !== null) return Number.NaN;
  return weightedScore(weights, scratch);
}

/** Weighted mean of the applicable factors, times 100; 0 when no weighted factor applies. */
function weightedScore(weights: Weights, values: Float64Array): number {
  let weightSum = 0;
  let total = 0;
  for (let i = 0; i < FACTORS.length; i++) {
    if (Number.isNaN(values[i])) continue;
    weightSum += weights[FACTORS[i]];
    total += weights[FACTORS[i]] * values[i];
  }
  return weightSum === 0 ? 0 : (100 * total) / weightSum;
}

/** Checks the hard rules and, when the pair is allowed, scores it 0..100 factor by factor. */
export function evaluatePair(mentee: PreparedProfile, mentor: PreparedProfile, weights: Weights, rules: HardRules): PairFit {
  const values = new Float64Array(FACTORS.length);
  factorValues(mentee, mentor, values);
  const blockedBy = blockersOf(mentee, mentor, weights, rules, values);
  if (blockedBy !== null) return { allowed: false, blockedBy };
  const score = weightedScore(weights, values);
  let weightSum = 0;
  for (let i = 0; i < FACTORS.length; i++) if (!Number.isNaN(values[i])) weightSum += weights[FACTORS[i]];
  const factors = FACTORS.map((factor, i): FactorContribution => {
    const value = Number.isNaN(values[i]) ? null : values[i];
    const points = value === null || weightSum === 0 ? 0 : (100 * weights[factor] * value) / weightSum;
    return { factor, value, weight: weights[factor], points };
  });
  return { allowed: true, score, factors };
}

/** evaluatePair plus two or three plain-language reasons, for showing a pair to a coordinator. */
export function scorePair(mentee: PreparedProfile, mentor: PreparedProfile, weights: Weights, rules: HardRules): PairScore {
  const fit = evaluatePair(mentee, mentor, weights, rules);
  if (!fit.allowed) return fit;
  return { ...fit, reasons: reasonsFor(mentee, mentor, fit.factors) };
}

/**
 * Mean over the mentee's skills of how well the mentor covers each (exact skill, or its family);
 * NaN when the mentee lists none.
 */
export function skillsFactor(mentee: PreparedProfile, mentor: PreparedProfile): number {
  const wantedSkills = mentee.skillList;
  if (wantedSkills.length === 0) return Number.NaN;
  let total = 0;
  for (let i = 0; i < wantedSkills.length; i++) {
    const wanted = wantedSkills[i];
    const offered = mentor.skills.get(wanted.canonical);
    if (offered !== undefined) {
      // Someone a level ahead can teach; a peer can still help; someone behind helps less.
      total += offered.level > wanted.level ? 1 : offered.level === wanted.level ? 0.6 : 0.3;
      continue;
    }
    const familyLevel = wanted.family === undefined ? undefined : mentor.families.get(wanted.family);
    if (familyLevel !== undefined) total += familyLevel > wanted.level ? 0.5 : 0.3;
  }
  return total / wantedSkills.length;
}

/** The mentee's skills the mentor has at the mentee's level or above, for the reasons text. */
function coveredSkills(mentee: PreparedProfile, mentor: PreparedProfile): string[] {
  const out: string[] = [];
  for (const wanted of mentee.skillList) {
    const offered = mentor.skills.get(wanted.canonical);
    if (offered !== undefined && offered.level >= wanted.level) out.push(wanted.name);
  }
  return out;
}

function areasFactor(sought: number, offered: number): number {
  if (sought === 0) return Number.NaN;
  return bitCount(sought & offered) / bitCount(sought);
}

const bitCount = (bits: number) => {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
};

/** Shared share of the smaller set: a mentor need not share all of a long list. */
function overlapShare(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return Number.NaN;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

function availabilityFactor(mentee: PreparedProfile, mentor: PreparedProfile): number {
  if (mentee.weekUtc.length > 0 && mentor.weekUtc.length > 0) {
    return Math.min(1, weeklyOverlapMinutes(mentee, mentor) / FULL_OVERLAP_MINUTES);
  }
  const apart = offsetDistance(mentee.profile.utcOffsetMinutes, mentor.profile.utcOffsetMinutes);
  return clamp01(1 - (apart - EASY_OFFSET) / (HARD_OFFSET - EASY_OFFSET));
}

/** Minutes per week both are available, on the UTC clock. */
export function weeklyOverlapMinutes(a: PreparedProfile, b: PreparedProfile): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.weekUtc.length && j < b.weekUtc.length) {
    const [s1, e1] = a.weekUtc[i];
    const [s2, e2] = b.weekUtc[j];
    total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
    if (e1 < e2) i++;
    else j++;
  }
  return total;
}

/** Distance between two UTC offsets in minutes, the short way round the clock. */
export function offsetDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % (24 * 60);
  return Math.min(d, 24 * 60 - d);
}

export function sharedLanguages(mentee: PreparedProfile, mentor: PreparedProfile): string[] {
  return [...mentee.languages].filter((x) => mentor.languages.has(x));
}

function hasSharedLanguage(mentee: PreparedProfile, mentor: PreparedProfile): boolean {
  for (const x of mentee.languages) if (mentor.languages.has(x)) return true;
  return false;
}

function toUtcWeek(windows: readonly WeeklyWindow[], offset: number): [number, number][] {
  const pieces: [number, number][] = [];
  for (const { day, start, end } of windows) {
    if (!(end > start)) continue;
    // Local time = UTC + offset, so UTC = local - offset; wrap around the week.
    const from = (((day * 24 * 60 + start - offset) % WEEK) + WEEK) % WEEK;
    const to = from + (end - start);
    if (to <= WEEK) pieces.push([from, to]);
    else pieces.push([from, WEEK], [0, to - WEEK]);
  }
  pieces.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last !== undefined && piece[0] <= last[1]) last[1] = Math.max(last[1], piece[1]);
    else merged.push([piece[0], piece[1]]);
  }
  return merged;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

const AREA_WORDS: Record<GrowthArea, string> = {
  technical: "technical skills",
  career: "career development",
  personal: "personal development",
};

const listOf = (items: string[]) =>
  items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/**
 * Two or three short sentences for a coordinator: the strongest reasons for the pair, then a
 * caution when an important factor is weak.
 */
function reasonsFor(mentee: PreparedProfile, mentor: PreparedProfile, factors: FactorContribution[]): string[] {
  const strong = factors
    .filter((f) => f.value !== null && f.value >= 0.5 && f.weight > 0)
    .sort((a, b) => b.points - a.points || FACTORS.indexOf(a.factor) - FACTORS.indexOf(b.factor))
    .slice(0, 2)
    .map((f) => describeStrength(f.factor, mentee, mentor));
  const weak = factors
    .filter((f) => f.value !== null && f.value < 0.3 && f.weight >= 5)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3 - Math.max(strong.length, 1))
    .map((f) => describeWeakness(f.factor));
  const out = [...strong, ...weak];
  return out.length > 0 ? out : ["No factor stands out for this pair; it is allowed but not a strong fit."];
}

function describeStrength(factor: FactorName, mentee: PreparedProfile, mentor: PreparedProfile): string {
  const e = mentee.profile;
  const m = mentor.profile;
  switch (factor) {
    case "skills": {
      const covered = coveredSkills(mentee, mentor);
      return covered.length > 0
        ? `Can help with ${listOf(covered.slice(0, 3))} at the level the mentee is aiming for.`
        : "Works in the same skill areas the mentee wants to grow in.";
    }
    case "areas":
      return `Offers ${listOf(e.areasSought.filter((a) => m.areasOffered.includes(a)).map((a) => AREA_WORDS[a]))}, which the mentee asked for.`;
    case "experience":
      return `Has ${Math.round(m.yearsExperience - e.yearsExperience)} more years in the field.`;
    case "interests":
      return `Both are into ${listOf([...mentee.interests].filter((x) => mentor.interests.has(x)).slice(0, 3))}.`;
    case "availability":
      return mentee.weekUtc.length > 0 && mentor.weekUtc.length > 0
        ? `Their calendars share about ${Math.round(weeklyOverlapMinutes(mentee, mentor) / 60)} hours a week.`
        : `Their time zones are ${Math.round(offsetDistance(e.utcOffsetMinutes, m.utcOffsetMinutes) / 60)} hours apart at most.`;
    case "language":
      return `Can talk in ${listOf(sharedLanguages(mentee, mentor))}.`;
  }
}

function describeWeakness(factor: FactorName): string {
  switch (factor) {
    case "skills":
      return "Watch out: the mentor's skills only loosely match what the mentee wants to learn.";
    case "areas":
      return "Watch out: the mentor does not offer the kind of help the mentee asked for.";
    case "experience":
      return "Watch out: the mentor is not much further along than the mentee.";
    case "interests":
      return "They share few interests outside work.";
    case "availability":
      return "Watch out: finding a common meeting time may be hard.";
    case "language":
      return "Watch out: they have no language in common.";
  }
}
