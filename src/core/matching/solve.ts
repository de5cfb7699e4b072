import { buildBipartiteGraph } from "./bipartite-graph.js";
import { connectedComponents } from "./components.js";
import { minCostAssignment } from "./min-cost-assignment.js";
import type { MatchSolution, PackedProblem } from "./problem.js";

export interface SolveOptions {
  /**
   * Which side the augmenting searches start from. "auto" (the default) picks, per connected
   * component, the side that is not in surplus; the others exist so tests and benchmarks can
   * exercise both. All three give an optimal result, though equally good alternatives may be
   * chosen differently.
   */
  searchFrom?: "auto" | "mentees" | "mentors";
  /** See AssignmentInput.repriceAfter; tests use 0 to exercise repricing on small problems. */
  repriceAfter?: number;
}

/**
 * Solves a (validated) problem exactly: the most mentees matched, then the highest total score.
 * Same input, same output: there is no randomness and ties go to lower indices.
 */
export function solveMatching(problem: PackedProblem, options: SolveOptions = {}): MatchSolution {
  const n = problem.menteeCount;
  const mentorCount = problem.mentorCapacity.length;
  const { edgeMentee, edgeMentor, edgeScore } = problem;

  // Locked pairs are taken out up front: they use capacity and their mentees are not re-assigned,
  // so the rest is an independent problem with smaller capacities.
  const capacity = Int32Array.from(problem.mentorCapacity);
  const lockedMentor = new Int32Array(n).fill(-1);
  for (const [e, m] of problem.locked) {
    lockedMentor[e] = m;
    if (--capacity[m] < 0) throw new RangeError(`mentor ${m} has more locked pairs than capacity`);
  }
  const excluded = new Set(problem.excluded.map(([e, m]) => e * mentorCount + m));
  const skip = new Uint8Array(edgeMentee.length);
  const scoreOf = new Float64Array(n);
  const menteeDegree = new Int32Array(n);
  const mentorDegree = new Int32Array(mentorCount);
  for (let i = 0; i < edgeMentee.length; i++) {
    const e = edgeMentee[i];
    const m = edgeMentor[i];
    if (lockedMentor[e] >= 0) {
      if (lockedMentor[e] === m) scoreOf[e] = edgeScore[i];
      skip[i] = 1;
    } else if (excluded.size > 0 && excluded.has(e * mentorCount + m)) {
      skip[i] = 1;
    } else {
      menteeDegree[e]++;
      mentorDegree[m]++;
    }
  }

  // Searches start from the side that can run short, decided per connected component. Starting
  // from mentees where they outnumber usable mentor places makes every surplus mentee's search
  // explore all it can reach just to learn that it stays unmatched (and the other way round for
  // surplus places); a pool often has both kinds of component.
  const { label, count } = connectedComponents(n, mentorCount, edgeMentee, edgeMentor, skip);
  const fromMentees = new Uint8Array(count);
  const searchFrom = options.searchFrom ?? "auto";
  if (searchFrom === "auto") {
    const balance = new Float64Array(count);
    for (let e = 0; e < n; e++) if (menteeDegree[e] > 0) balance[label[e]]++;
    for (let m = 0; m < mentorCount; m++) balance[label[n + m]] -= Math.min(capacity[m], mentorDegree[m]);
    for (let c = 0; c < count; c++) fromMentees[c] = balance[c] <= 0 ? 1 : 0;
  } else {
    fromMentees.fill(searchFrom === "mentees" ? 1 : 0);
  }

  // Components without edges (lone mentees or mentors) have nothing to solve.
  const hasEdges = new Uint8Array(count);
  for (let i = 0; i < skip.length; i++) if (skip[i] === 0) hasEdges[label[edgeMentee[i]]] = 1;
  let withEdges = 0;
  let forwardCount = 0;
  for (let c = 0; c < count; c++) {
    withEdges += hasEdges[c];
    forwardCount += hasEdges[c] & fromMentees[c];
  }

  const mentorOf = new Int32Array(n).fill(-1);
  const menteeDual = new Float64Array(n);
  const mentorDual = new Float64Array(mentorCount);
  // Up to two passes over the whole index range, each leaving out the other direction's edges:
  // no renumbering, and components solved in the other pass just have no edges in this one.
  for (const forward of [true, false]) {
    const components = forward ? forwardCount : withEdges - forwardCount;
    if (components === 0) continue;
    // When every component goes the same way (the usual case) the pass is simply everything.
    const passSkip = components === withEdges ? skip : skipOtherDirection(skip, edgeMentee, label, fromMentees, forward);
    if (forward) {
      const graph = buildBipartiteGraph(n, mentorCount, edgeMentee, edgeMentor, edgeScore, passSkip, -1);
      const result = minCostAssignment({ graph, supply: new Int32Array(n).fill(1), capacity, repriceAfter: options.repriceAfter });
      for (let e = 0; e < n; e++) {
        for (let k = graph.start[e]; k < graph.start[e + 1]; k++) {
          if (result.edgeUsed[k] === 0) continue;
          mentorOf[e] = graph.right[k];
          scoreOf[e] = -graph.value[k];
        }
      }
      copyWhere(menteeDual, result.u, (e) => fromMentees[label[e]] === 1);
      copyWhere(mentorDual, result.v, (m) => fromMentees[label[n + m]] === 1);
    } else {
      const graph = buildBipartiteGraph(mentorCount, n, edgeMentor, edgeMentee, edgeScore, passSkip, -1);
      const result = minCostAssignment({
        graph,
        supply: capacity,
        capacity: new Int32Array(n).fill(1),
        repriceAfter: options.repriceAfter,
      });
      for (let m = 0; m < mentorCount; m++) {
        for (let k = graph.start[m]; k < graph.start[m + 1]; k++) {
          if (result.edgeUsed[k] === 0) continue;
          mentorOf[graph.right[k]] = m;
          scoreOf[graph.right[k]] = -graph.value[k];
        }
      }
      // The reversed flow network has the same residual edges pointing the other way, so the
      // same numbers serve as mentee/mentor potentials of the forward network (rc is unchanged).
      copyWhere(menteeDual, result.v, (e) => fromMentees[label[e]] === 0);
      copyWhere(mentorDual, result.u, (m) => fromMentees[label[n + m]] === 0);
    }
  }

  const locked = new Uint8Array(n);
  let matched = 0;
  let totalScore = 0;
  for (let e = 0; e < n; e++) {
    if (lockedMentor[e] >= 0) {
      mentorOf[e] = lockedMentor[e];
      locked[e] = 1;
    }
    if (mentorOf[e] >= 0) {
      matched++;
      totalScore += scoreOf[e];
    }
  }
  return { mentorOf, scoreOf, locked, matched, totalScore, duals: { mentee: menteeDual, mentor: mentorDual } };
}

function skipOtherDirection(
  skip: Uint8Array,
  edgeMentee: Int32Array,
  label: Int32Array,
  fromMentees: Uint8Array,
  forward: boolean,
): Uint8Array {
  const out = new Uint8Array(skip.length);
  for (let i = 0; i < skip.length; i++) {
    out[i] = skip[i] === 1 || fromMentees[label[edgeMentee[i]]] !== (forward ? 1 : 0) ? 1 : 0;
  }
  return out;
}

function copyWhere(target: Float64Array, source: Float64Array, keep: (index: number) => boolean): void {
  for (let i = 0; i < target.length; i++) if (keep(i)) target[i] = source[i];
}
