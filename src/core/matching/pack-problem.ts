import type { MatchProblem, PackedProblem } from "./problem.js";

/** Converts a validated problem into the columnar form the solver and explainer work on. */
export function packProblem(problem: MatchProblem): PackedProblem {
  const count = problem.edges.length;
  const edgeMentee = new Int32Array(count);
  const edgeMentor = new Int32Array(count);
  const edgeScore = new Float64Array(count);
  problem.edges.forEach(([e, m, score], i) => {
    edgeMentee[i] = e;
    edgeMentor[i] = m;
    edgeScore[i] = score;
  });
  return {
    menteeCount: problem.mentees.length,
    mentorCapacity: Int32Array.from(problem.mentors, (m) => m.capacity),
    edgeMentee,
    edgeMentor,
    edgeScore,
    locked: problem.locked ?? [],
    excluded: problem.excluded ?? [],
  };
}
