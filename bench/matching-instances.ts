import type { PackedProblem } from "../src/core/matching/problem.js";
import { GROWTH_AREAS, type Profile, type SkillInfo } from "../src/core/matching/profile.js";

/** Small, fast, seedable PRNG (mulberry32): the same seed always gives the same instance. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mentor capacities drawn from 1..9, then nudged so they add up to exactly `total`. */
function capacitiesSummingTo(mentors: number, total: number, random: () => number): Int32Array {
  const capacity = new Int32Array(mentors);
  let sum = 0;
  for (let m = 0; m < mentors; m++) {
    capacity[m] = 1 + Math.floor(random() * 9);
    sum += capacity[m];
  }
  while (sum !== total) {
    const m = Math.floor(random() * mentors);
    if (sum < total) {
      capacity[m]++;
      sum++;
    } else if (capacity[m] > 1) {
      capacity[m]--;
      sum--;
    }
  }
  return capacity;
}

/**
 * Sparse instance as produced by candidate generation: every mentee has `k` distinct random
 * mentors with scores uniform in [0, 100), and total mentor capacity equals the mentee count.
 */
export function sparseInstance(mentees: number, mentors: number, k: number, seed: number): PackedProblem {
  const random = mulberry32(seed);
  const edges = mentees * k;
  const edgeMentee = new Int32Array(edges);
  const edgeMentor = new Int32Array(edges);
  const edgeScore = new Float64Array(edges);
  const pickedBy = new Int32Array(mentors).fill(-1);
  let i = 0;
  for (let e = 0; e < mentees; e++) {
    for (let picked = 0; picked < k; ) {
      const m = Math.floor(random() * mentors);
      if (pickedBy[m] === e) continue;
      pickedBy[m] = e;
      edgeMentee[i] = e;
      edgeMentor[i] = m;
      edgeScore[i] = random() * 100;
      i++;
      picked++;
    }
  }
  return {
    menteeCount: mentees,
    mentorCapacity: capacitiesSummingTo(mentors, mentees, random),
    edgeMentee,
    edgeMentor,
    edgeScore,
    locked: [],
    excluded: [],
  };
}

/**
 * Two separate pools: `mentees` mentees choose among `mentors` mentors of capacity 10 (places to
 * spare), and a quarter as many again choose only among 200 popular mentors of capacity 5 (far
 * too few places). Each pool is best searched from a different side.
 */
export function twoPoolInstance(mentees: number, mentors: number, k: number, seed: number): PackedProblem {
  const random = mulberry32(seed);
  const crowd = mentees / 4;
  const popular = 200;
  const total = mentees + crowd;
  const edgeMentee = new Int32Array(total * k);
  const edgeMentor = new Int32Array(total * k);
  const edgeScore = new Float64Array(total * k);
  const pickedBy = new Int32Array(mentors + popular).fill(-1);
  let i = 0;
  for (let e = 0; e < total; e++) {
    const [first, count] = e < mentees ? [0, mentors] : [mentors, popular];
    for (let picked = 0; picked < k; ) {
      const m = first + Math.floor(random() * count);
      if (pickedBy[m] === e) continue;
      pickedBy[m] = e;
      edgeMentee[i] = e;
      edgeMentor[i] = m;
      edgeScore[i] = random() * 100;
      i++;
      picked++;
    }
  }
  const mentorCapacity = new Int32Array(mentors + popular);
  for (let m = 0; m < mentors + popular; m++) mentorCapacity[m] = m < mentors ? 10 : 5;
  return { menteeCount: total, mentorCapacity, edgeMentee, edgeMentor, edgeScore, locked: [], excluded: [] };
}

/**
 * Dense instance with `slots` mentees and `slots / 2` mentors of capacity 2, every pair allowed,
 * integer scores 0..999,999 (integers, so two exact solvers must agree to the unit; a wide range,
 * so the optimum is not simply "everyone gets a top score").
 */
export function denseInstance(slots: number, seed: number): PackedProblem {
  const random = mulberry32(seed);
  const mentors = slots / 2;
  const edges = slots * mentors;
  const edgeMentee = new Int32Array(edges);
  const edgeMentor = new Int32Array(edges);
  const edgeScore = new Float64Array(edges);
  let i = 0;
  for (let e = 0; e < slots; e++) {
    for (let m = 0; m < mentors; m++) {
      edgeMentee[i] = e;
      edgeMentor[i] = m;
      edgeScore[i] = Math.floor(random() * 1_000_000);
      i++;
    }
  }
  return {
    menteeCount: slots,
    mentorCapacity: new Int32Array(mentors).fill(2),
    edgeMentee,
    edgeMentor,
    edgeScore,
    locked: [],
    excluded: [],
  };
}

/** The `slots x slots` cost matrix a plain assignment solver needs: each mentor becomes 2 columns. */
export function slotCostMatrix(problem: PackedProblem): number[][] {
  const slots = problem.menteeCount;
  const matrix = Array.from({ length: slots }, () => new Array<number>(slots));
  for (let i = 0; i < problem.edgeMentee.length; i++) {
    const row = matrix[problem.edgeMentee[i]];
    const m = problem.edgeMentor[i];
    row[2 * m] = -problem.edgeScore[i];
    row[2 * m + 1] = -problem.edgeScore[i];
  }
  return matrix;
}

const SKILLS = Array.from({ length: 200 }, (_, i) => `skill${i}`);

/** A stand-in taxonomy for the random profiles: 200 skills in 20 families. */
export const benchSkillInfo: SkillInfo = (name) => ({ canonical: name, family: `family${Number(name.slice(5)) % 20}` });

/**
 * Random intake profiles: three skills each out of 200, growth areas, 0-24 years, interests,
 * one of seven time zones, one two-hour weekday window, English (a fifth also German).
 */
export function randomProfiles(count: number, prefix: string, seed: number): Profile[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const start = 8 * 60 + Math.floor(random() * 10 * 60);
    return {
      id: `${prefix}${i}`,
      email: `${prefix}${i}@example.org`,
      skills: Array.from({ length: 3 }, () => ({ name: pick(SKILLS), level: 1 + Math.floor(random() * 5) })),
      areasOffered: GROWTH_AREAS.filter(() => random() < 0.5),
      areasSought: GROWTH_AREAS.filter(() => random() < 0.5),
      yearsExperience: Math.floor(random() * 25),
      interests: ["music", "climbing", "chess", "cooking"].filter(() => random() < 0.4),
      utcOffsetMinutes: pick([-480, -300, 0, 60, 120, 330, 540]),
      availability: [{ day: Math.floor(random() * 5), start, end: start + 120 }],
      languages: random() < 0.8 ? ["en"] : ["en", "de"],
    };
  });
}
