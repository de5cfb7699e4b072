import type { MatchProblem } from "../problem.js";

/** Best (matched, total) found by trying every assignment: only for a handful of mentees. */
export function bruteForceOptimum(problem: MatchProblem): { matched: number; total: number } {
  const n = problem.mentees.length;
  const excluded = new Set((problem.excluded ?? []).map(([e, m]) => `${e}:${m}`));
  const lockedMentor = new Map((problem.locked ?? []).map(([e, m]) => [e, m]));
  const options: { mentor: number; score: number }[][] = Array.from({ length: n }, () => []);
  for (const [e, m, score] of problem.edges) {
    if (excluded.has(`${e}:${m}`)) continue;
    const lockedTo = lockedMentor.get(e);
    if (lockedTo !== undefined && lockedTo !== m) continue;
    options[e].push({ mentor: m, score });
  }
  const left = problem.mentors.map((m) => m.capacity);
  let best = { matched: -1, total: Number.NEGATIVE_INFINITY };
  const visit = (e: number, matched: number, total: number): void => {
    if (e === n) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    if (!lockedMentor.has(e)) visit(e + 1, matched, total);
    for (const { mentor, score } of options[e]) {
      if (left[mentor] === 0) continue;
      left[mentor]--;
      visit(e + 1, matched + 1, total + score);
      left[mentor]++;
    }
  };
  visit(0, 0, 0);
  return best;
}
