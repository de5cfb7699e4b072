import type { MatchProblem, MatchSolution } from "./problem.js";

export interface SolutionSummary {
  matched: number;
  totalScore: number;
  assignments: { mentee: string; mentor: string; score: number }[];
  unmatched: string[];
}

/** The solution in ids rather than indices, in mentee order: what files and APIs hand out. */
export function summarizeSolution(problem: MatchProblem, solution: MatchSolution): SolutionSummary {
  const assignments: SolutionSummary["assignments"] = [];
  const unmatched: string[] = [];
  problem.mentees.forEach((mentee, e) => {
    const m = solution.mentorOf[e];
    if (m < 0) unmatched.push(mentee);
    else assignments.push({ mentee, mentor: problem.mentors[m].id, score: solution.scoreOf[e] });
  });
  return { matched: solution.matched, totalScore: solution.totalScore, assignments, unmatched };
}
