/**
 * Matching engine benchmarks. Prints figures; asserts nothing.
 *
 *   npx tsx bench/matching.bench.ts            every sparse size, then dense against munkres
 *   npx tsx bench/matching.bench.ts 100000     one sparse size (mentee count) in a fresh process,
 *                                              so the peak RSS printed is that size's own
 *   npx tsx bench/matching.bench.ts dense      the dense comparison only
 *   npx tsx bench/matching.bench.ts pools      two pools needing opposite search directions
 *   npx tsx bench/matching.bench.ts candidates from random profiles: top-50 candidates, then solve
 *
 * "wall" is elapsed time, "cpu" the process's CPU time over the same span: on a shared machine
 * the second is the steadier figure. "first solve" follows an untimed warm-up on a small instance
 * (so it is not mostly V8 compiling the solver); "warm median" is the median of 3 more solves.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { munkres } from "munkres";
import { generateCandidates } from "../src/core/matching/candidates.js";
import { DEFAULT_WEIGHTS } from "../src/core/matching/scoring.js";
import { solveMatching } from "../src/core/matching/solve.js";
import { benchSkillInfo, denseInstance, randomProfiles, slotCostMatrix, sparseInstance, twoPoolInstance } from "./matching-instances.js";

const K = 50;
const SPARSE_SIZES = [1_000, 10_000, 100_000];
const DENSE_SLOTS = [500, 1_000, 2_000];
const CANDIDATE_SIZES = [
  [1_000, 200],
  [10_000, 2_000],
] as const;
const MUNKRES_CAP_MS = 120_000;
const DENSE_RUNS = 3;
const WARM_RUNS = 3;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const ms = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));

/** Times `run` in wall-clock and CPU milliseconds. */
function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sparse(mentees: number): void {
  const mentors = mentees / 5;
  const problem = sparseInstance(mentees, mentors, K, 42);
  const first = timed(() => solveMatching(problem));
  const solution = first.value;
  // The first run includes JIT compilation; the big size is run once (it is long enough for the
  // JIT to matter little, and a second copy of its buffers would muddy the RSS figure).
  const warm = mentees >= 100_000 ? [] : Array.from({ length: WARM_RUNS }, () => timed(() => solveMatching(problem)));
  const warmText =
    warm.length > 0 ? `, warm median ${ms(median(warm.map((r) => r.wall)))} ms wall / ${ms(median(warm.map((r) => r.cpu)))} ms cpu` : "";
  console.log(
    `sparse ${mentees} mentees x ${mentors} mentors, K=${K} (${problem.edgeMentee.length} pairs, ` +
      `total capacity ${problem.mentorCapacity.reduce((a, b) => a + b, 0)}): ` +
      `first solve ${ms(first.wall)} ms wall / ${ms(first.cpu)} ms cpu${warmText}; ` +
      `matched ${solution.matched}, total ${solution.totalScore.toFixed(2)}; ` +
      `RSS ${mb(process.memoryUsage().rss)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

/** Runs munkres in a child process (this file with --munkres) so that it can be stopped at the cap. */
function timeMunkres(slots: number, seed: number): Promise<{ ms: number; total: number } | "capped"> {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), "--munkres", String(slots), String(seed)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: MUNKRES_CAP_MS }, (error, stdout) => {
      if (error?.killed) resolve("capped");
      else if (error) reject(error);
      else resolve(JSON.parse(stdout));
    });
  });
}

async function dense(slots: number): Promise<void> {
  const seed = 7;
  const problem = denseInstance(slots, seed);
  // Best of three for both solvers: on a shared machine the minimum is the least noisy figure.
  const runs = Array.from({ length: DENSE_RUNS }, () => timed(() => solveMatching(problem)));
  const ours = Math.min(...runs.map((r) => r.wall));
  const theirs = await timeMunkres(slots, seed);
  const label = `dense ${slots} mentees x ${slots / 2} mentors of capacity 2 (${problem.edgeMentee.length} pairs; ${slots}x${slots} matrix for munkres)`;
  if (theirs === "capped") {
    console.log(`${label}: grove ${ms(ours)} ms; munkres stopped after ${MUNKRES_CAP_MS / 1000} s`);
    return;
  }
  const total = runs[0].value.totalScore;
  const same = theirs.total === total ? "same optimum" : `DIFFERENT optimum ${theirs.total}`;
  console.log(
    `${label}: best of ${DENSE_RUNS}: grove ${ms(ours)} ms, munkres ${ms(theirs.ms)} ms, ` +
      `munkres/grove ${(theirs.ms / ours).toFixed(2)}x, ${same} (${total})`,
  );
}

function pools(): void {
  const problem = twoPoolInstance(16_000, 2_000, K, 3);
  const run = timed(() => solveMatching(problem));
  console.log(
    `two pools, ${problem.menteeCount} mentees (${problem.edgeMentee.length} pairs; one pool short of places): ` +
      `solve ${ms(run.wall)} ms wall / ${ms(run.cpu)} ms cpu, matched ${run.value.matched}`,
  );
}

function candidates(mentees: number, mentors: number): void {
  const menteeProfiles = randomProfiles(mentees, "e", 11);
  const mentorProfiles = randomProfiles(mentors, "m", 12);
  const rules = { requireSharedLanguage: true, previousPairs: new Set<string>(), excludedPairs: new Set<string>() };
  const generated = timed(() =>
    generateCandidates(menteeProfiles, mentorProfiles, { k: K, weights: DEFAULT_WEIGHTS, rules, skillInfo: benchSkillInfo }),
  );
  const set = generated.value;
  const scored = set.considered.reduce((sum, c) => sum + c.scored, 0);
  const solved = timed(() =>
    solveMatching({
      menteeCount: mentees,
      mentorCapacity: new Int32Array(mentors).fill(mentees / mentors),
      edgeMentee: set.edgeMentee,
      edgeMentor: set.edgeMentor,
      edgeScore: set.edgeScore,
      locked: [],
      excluded: [],
    }),
  );
  console.log(
    `candidates ${mentees} mentees x ${mentors} mentors: scored ${scored} of ${mentees * mentors} pairs, kept ` +
      `${set.edgeMentee.length}, ${ms(generated.wall)} ms wall / ${ms(generated.cpu)} ms cpu; ` +
      `then solve ${ms(solved.wall)} ms, matched ${solved.value.matched}, mean score ${(solved.value.totalScore / solved.value.matched).toFixed(1)}`,
  );
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  // Untimed warm-up on small instances of the same shapes, so that "first solve" measures the
  // algorithm rather than V8 compiling it.
  solveMatching(sparseInstance(2_000, 400, K, 1));
  solveMatching(denseInstance(200, 1));
  if (arg === undefined || /^\d+$/.test(arg)) for (const size of arg === undefined ? SPARSE_SIZES : [Number(arg)]) sparse(size);
  if (arg === undefined || arg === "pools") pools();
  if (arg === undefined || arg === "candidates") for (const [e, m] of CANDIDATE_SIZES) candidates(e, m);
  if (arg === undefined || arg === "dense") for (const slots of DENSE_SLOTS) await dense(slots);
}

if (process.argv[2] === "--munkres") {
  const [slots, seed] = process.argv.slice(3).map(Number);
  munkres(slotCostMatrix(denseInstance(200, 1))); // warm-up, as for grove
  let best = Number.POSITIVE_INFINITY;
  let total = 0;
  for (let run = 0; run < DENSE_RUNS; run++) {
    const matrix = slotCostMatrix(denseInstance(slots, seed));
    const t0 = performance.now();
    const pairs = munkres(matrix);
    best = Math.min(best, performance.now() - t0);
    total = 0;
    for (const [row, col] of pairs) total -= matrix[row][col];
  }
  console.log(JSON.stringify({ ms: best, total }));
} else {
  await main();
}
