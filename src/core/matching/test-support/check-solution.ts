import type { MatchProblem, MatchSolution } from "../problem.js";

/** Every way a solution can break the problem's rules, as messages (empty when it is valid). */
export function solutionViolations(problem: MatchProblem, solution: MatchSolution): string[] {
  const out: string[] = [];
  const score = new Map(problem.edges.map(([e, m, s]) => [`${e}:${m}`, s]));
  const excluded = new Set((problem.excluded ?? []).map(([e, m]) => `${e}:${m}`));
  const load = new Array(problem.mentors.length).fill(0);
  let matched = 0;
  let total = 0;
  problem.mentees.forEach((_, e) => {
    const m = solution.mentorOf[e];
    if (m < 0) return;
    const key = `${e}:${m}`;
    if (!score.has(key)) out.push(`mentee ${e} got mentor ${m}, which is not an allowed pair`);
    if (excluded.has(key)) out.push(`mentee ${e} got excluded mentor ${m}`);
    if (solution.scoreOf[e] !== score.get(key)) out.push(`mentee ${e}: reported score differs from the edge`);
    load[m]++;
    matched++;
    total += score.get(key) ?? 0;
  });
  problem.mentors.forEach((mentor, m) => {
    if (load[m] > mentor.capacity) out.push(`mentor ${m} has ${load[m]} mentees, capacity ${mentor.capacity}`);
  });
  for (const [e, m] of problem.locked ?? []) {
    if (solution.mentorOf[e] !== m) out.push(`locked pair (${e}, ${m}) is missing`);
  }
  if (matched !== solution.matched) out.push(`matched is ${solution.matched}, counted ${matched}`);
  if (Math.abs(total - solution.totalScore) > 1e-9 * (1 + Math.abs(total))) out.push("totalScore is not the sum");
  return out;
}

/**
 * Largest breach of the dual certificate (reduced cost >= 0 on unused pairs, <= 0 on used ones),
 * ignoring locked mentees and excluded pairs, which are outside the optimised problem.
 */
export function dualViolation(problem: MatchProblem, solution: MatchSolution): number {
  const excluded = new Set((problem.excluded ?? []).map(([e, m]) => `${e}:${m}`));
  let worst = 0;
  for (const [e, m, s] of problem.edges) {
    if (solution.locked[e] === 1 || excluded.has(`${e}:${m}`)) continue;
    const rc = -s - solution.duals.mentee[e] - solution.duals.mentor[m];
    worst = Math.max(worst, solution.mentorOf[e] === m ? rc : -rc);
  }
  return worst;
}
