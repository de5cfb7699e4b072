import type { Profile, SkillInfo } from "./profile.js";
import {
  type Blocker,
  blockersOf,
  FACTORS,
  fitScore,
  type HardRules,
  MUST_MATCH,
  type PreparedProfile,
  prepareProfile,
  type Weights,
} from "./scoring.js";

export interface CandidateOptions {
  /** Candidates kept per mentee. */
  k: number;
  weights: Weights;
  rules: HardRules;
  skillInfo?: SkillInfo;
  /** Most pairs scored per mentee; the index decides which. Default 8 * k. */
  maxScoredPerMentee?: number;
}

export interface CandidateSet {
  /** Allowed pairs with their 0..100 scores, best first within each mentee: solver input. */
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Float64Array;
  /** Per mentee: how many pairs were scored and why the rejected ones were not allowed. */
  considered: { scored: number; blocked: Partial<Record<Blocker, number>> }[];
}

/** The k best (score, mentor) offers, best first; ties go to the lower mentor index. */
class TopK {
  readonly mentor: Int32Array;
  readonly score: Float64Array;
  size = 0;

  constructor(private readonly k: number) {
    this.mentor = new Int32Array(k);
    this.score = new Float64Array(k);
  }

  offer(mentor: number, score: number): void {
    const better = (i: number) => score > this.score[i] || (score === this.score[i] && mentor < this.mentor[i]);
    if (this.size === this.k && !better(this.k - 1)) return;
    let i = this.size < this.k ? this.size++ : this.k - 1;
    for (; i > 0 && better(i - 1); i--) {
      this.mentor[i] = this.mentor[i - 1];
      this.score[i] = this.score[i - 1];
    }
    this.mentor[i] = mentor;
    this.score[i] = score;
  }
}

/** Time-zone bands of three hours: mentors in the same or a neighbouring band are looked at first. */
const BAND_MINUTES = 180;

/**
 * The best `k` mentors for every mentee, without scoring every pair. Mentors are indexed by
 * language, time-zone band and skill (canonical name and family); each mentee scores only the
 * mentors the index ranks highest — sharing the most of its skills, then nearest in time zone —
 * up to `maxScoredPerMentee`, and keeps the top `k` allowed ones (ties: lower mentor index).
 */
export function generateCandidates(mentees: readonly Profile[], mentors: readonly Profile[], options: CandidateOptions): CandidateSet {
  for (const factor of FACTORS) {
    const w = options.weights[factor];
    if (!(w >= 0 && w <= MUST_MATCH)) throw new RangeError(`weight of ${factor} must be between 0 and ${MUST_MATCH}, got ${w}`);
  }
  const k = options.k;
  const maxScored = options.maxScoredPerMentee ?? 8 * k;
  const preparedMentors = mentors.map((m) => prepareProfile(m, options.skillInfo));
  const index = buildIndex(preparedMentors);

  const scratch = new Float64Array(FACTORS.length);
  const hits = new Int32Array(mentors.length);
  const stamp = new Int32Array(mentors.length);
  const edges: { mentee: number; mentor: number; score: number }[] = [];
  const considered: CandidateSet["considered"] = [];
  mentees.forEach((profile, e) => {
    const mentee = prepareProfile(profile, options.skillInfo);
    const speaks = options.rules.requireSharedLanguage ? languageFilter(mentee, index, stamp, e + 1) : null;
    const pool = rankPool(mentee, index, hits, speaks, maxScored);
    const blocked: Partial<Record<Blocker, number>> = {};
    const best = new TopK(k);
    for (const m of pool) {
      const score = fitScore(mentee, preparedMentors[m], options.weights, options.rules, scratch);
      if (!Number.isNaN(score)) {
        best.offer(m, score);
        continue;
      }
      // Rare path: say which rules ruled the pair out (the values are still in scratch).
      for (const b of blockersOf(mentee, preparedMentors[m], options.weights, options.rules, scratch) ?? []) {
        blocked[b] = (blocked[b] ?? 0) + 1;
      }
    }
    for (let i = 0; i < best.size; i++) edges.push({ mentee: e, mentor: best.mentor[i], score: best.score[i] });
    considered.push({ scored: pool.length, blocked });
  });
  return {
    edgeMentee: Int32Array.from(edges, (x) => x.mentee),
    edgeMentor: Int32Array.from(edges, (x) => x.mentor),
    edgeScore: Float64Array.from(edges, (x) => x.score),
    considered,
  };
}

interface MentorIndex {
  count: number;
  byLanguage: Map<string, number[]>;
  bySkill: Map<string, number[]>;
  byFamily: Map<string, number[]>;
  /** Band -> mentors, bands sorted for walking outwards. */
  byBand: Map<number, number[]>;
}

function buildIndex(mentors: PreparedProfile[]): MentorIndex {
  const add = (map: Map<string | number, number[]>, key: string | number, m: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [m]);
    else if (list[list.length - 1] !== m) list.push(m);
  };
  const index: MentorIndex = { count: mentors.length, byLanguage: new Map(), bySkill: new Map(), byFamily: new Map(), byBand: new Map() };
  mentors.forEach((mentor, m) => {
    for (const lang of mentor.languages) add(index.byLanguage, lang, m);
    for (const skill of mentor.skills.keys()) add(index.bySkill, skill, m);
    for (const family of mentor.families.keys()) add(index.byFamily, family, m);
    add(index.byBand, band(mentor.profile.utcOffsetMinutes), m);
  });
  return index;
}

const band = (offset: number) => Math.round(offset / BAND_MINUTES);

/** Marks (stamp === mark) the mentors sharing a language with the mentee. */
function languageFilter(mentee: PreparedProfile, index: MentorIndex, stamp: Int32Array, mark: number): (m: number) => boolean {
  for (const lang of mentee.languages) for (const m of index.byLanguage.get(lang) ?? []) stamp[m] = mark;
  return (m) => stamp[m] === mark;
}

/**
 * Mentors worth scoring for this mentee, best first: two points per shared skill, one per shared
 * skill family; when that yields too few, the nearest time-zone bands fill the pool.
 */
function rankPool(
  mentee: PreparedProfile,
  index: MentorIndex,
  hits: Int32Array,
  allowed: ((m: number) => boolean) | null,
  maxScored: number,
): number[] {
  const touched: number[] = [];
  const bump = (m: number, by: number) => {
    if (allowed !== null && !allowed(m)) return;
    if (hits[m] === 0) touched.push(m);
    hits[m] += by;
  };
  for (const [skill, wanted] of mentee.skills) {
    for (const m of index.bySkill.get(skill) ?? []) bump(m, 2);
    if (wanted.family !== undefined) for (const m of index.byFamily.get(wanted.family) ?? []) bump(m, 1);
  }
  const home = band(mentee.profile.utcOffsetMinutes);
  // Most hits first, then lower index: sort the indices natively, then a stable bucket pass.
  const ordered = Int32Array.from(touched).sort();
  let maxHits = 0;
  for (const m of ordered) maxHits = Math.max(maxHits, hits[m]);
  const pool: number[] = [];
  for (let h = maxHits; h > 0 && pool.length < maxScored; h--) {
    for (let i = 0; i < ordered.length && pool.length < maxScored; i++) if (hits[ordered[i]] === h) pool.push(ordered[i]);
  }
  for (const m of touched) hits[m] = 0;
  if (pool.length < maxScored) {
    // Walk outwards from the mentee's own band: 0, +1, -1, +2, -2, ... (a day has 8 bands).
    const inPool = new Set(pool);
    for (let step = 0; step <= 8 && pool.length < maxScored; step++) {
      for (const b of step === 0 ? [home] : [home + step, home - step]) {
        for (const m of bandMembers(index, b)) {
          if (pool.length >= maxScored) break;
          if (inPool.has(m) || (allowed !== null && !allowed(m))) continue;
          inPool.add(m);
          pool.push(m);
        }
      }
    }
  }
  return pool;
}

/** Bands wrap around the date line: band 4 (+12 h) and band -4 (-12 h) are neighbours. */
function bandMembers(index: MentorIndex, b: number): number[] {
  const out: number[] = [];
  for (const candidate of [b, b + 8, b - 8]) out.push(...(index.byBand.get(candidate) ?? []));
  return out;
}
