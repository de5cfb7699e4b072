import { describe, expect, it } from "vitest";
import { createExplainer } from "./explain.js";
import { packProblem } from "./pack-problem.js";
import type { MatchProblem } from "./problem.js";
import { solveMatching } from "./solve.js";
import { unmatchedReason } from "./unmatched-reasons.js";

function reasonFor(problem: MatchProblem, mentee: number, blocked = {}) {
  const packed = packProblem(problem);
  const solution = solveMatching(packed);
  expect(solution.mentorOf[mentee]).toBe(-1);
  return unmatchedReason(packed, createExplainer(packed, solution), mentee, (m) => problem.mentors[m].id, blocked);
}

describe("unmatchedReason", () => {
  it("names the rules that left a mentee without any allowed mentor", () => {
    const problem: MatchProblem = { mentees: ["a"], mentors: [{ id: "x", capacity: 1 }], edges: [] };
    expect(reasonFor(problem, 0, { "no-shared-language": 3, "own-manager": 1 })).toEqual({
      kind: "no-allowed-mentor",
      text: "No mentor could be considered. Ruled out among those looked at: no language in common (3), in their reporting line (1).",
    });
  });

  it("points at the closest mentor and the fit that would have been needed", () => {
    // x has one place; b fits it better (70 vs 50) and has no other option.
    const problem: MatchProblem = {
      mentees: ["a", "b"],
      mentors: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 0 },
      ],
      edges: [
        [0, 0, 50],
        [1, 0, 70],
        [0, 1, 90],
      ],
    };
    const reason = reasonFor(problem, 0);
    expect(reason).toEqual({
      kind: "outcompeted",
      text: "All 2 suitable mentors are taken by mentees who fit them better. Closest: x, fit 50; the pair would need a fit above 70 to be chosen.",
      closest: { mentor: 0, score: 50, needed: 70 },
    });
  });

  it("says so when every allowed place is locked", () => {
    const problem: MatchProblem = {
      mentees: ["a", "b"],
      mentors: [{ id: "x", capacity: 1 }],
      edges: [
        [0, 0, 90],
        [1, 0, 10],
      ],
      locked: [[1, 0]],
    };
    expect(reasonFor(problem, 0).kind).toBe("no-movable-place");
  });
});
