import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createExplainer } from "./explain.js";
import { packProblem } from "./pack-problem.js";
import type { EdgeTuple, MatchProblem } from "./problem.js";
import { solveMatching } from "./solve.js";
import { arbitraryProblem } from "./test-support/arbitrary-problem.js";

const solve = (problem: MatchProblem) => solveMatching(packProblem(problem));

/** The same problem with the pair (e, m) allowed at `score` (added if it was not listed). */
function withPairScore(problem: MatchProblem, e: number, m: number, score: number): MatchProblem {
  const edges: EdgeTuple[] = problem.edges.filter(([a, b]) => a !== e || b !== m);
  edges.push([e, m, score]);
  return { ...problem, edges };
}

// Integer scores keep every threshold an integer, so +-0.5 is safely on either side of it.
// Dense and sparse problems: sparse ones leave mentees unmatched that one more pair could place.
const problems = fc
  .oneof(
    arbitraryProblem({ maxMentees: 7, maxMentors: 4, maxCapacity: 3, integerScores: true, withConstraints: true }),
    arbitraryProblem({
      maxMentees: 7,
      maxMentors: 4,
      maxCapacity: 2,
      integerScores: true,
      withConstraints: true,
      density: { min: 0.05, max: 0.4 },
    }),
  )
  .filter((p) => p.mentees.length >= 2 && p.mentors.length >= 1);

/** Every (mentee, mentor) pair of the problem with the explainer's answer for it. */
function* answers(problem: MatchProblem, searchFrom: "mentees" | "mentors") {
  const solution = solveMatching(packProblem(problem), { searchFrom });
  const explainer = createExplainer(packProblem(problem), solution);
  for (let e = 0; e < problem.mentees.length; e++) {
    for (let m = 0; m < problem.mentors.length; m++) yield { solution, e, m, answer: explainer.scoreNeeded(e, m) };
  }
}

describe("scoreNeeded", () => {
  // Each answer is checked against re-solving with the pair's score changed. The explainer must
  // work with the duals of either search direction. The counts guard against a generator that
  // stops producing the interesting cases.
  it.each(["mentees", "mentors"] as const)("is right about every pair of random problems (duals from %s)", (searchFrom) => {
    const seen = { above: 0, any: 0, never: 0 };
    fc.assert(
      fc.property(problems, (problem) => {
        for (const { solution, e, m, answer } of answers(problem, searchFrom)) {
          if (answer.kind === "above") {
            // Just above the threshold the pair is chosen, just below it is not.
            seen.above++;
            expect(solve(withPairScore(problem, e, m, answer.score + 0.5)).mentorOf[e]).toBe(m);
            const below = solve(withPairScore(problem, e, m, answer.score - 0.5));
            expect(below.mentorOf[e]).not.toBe(m);
            expect(below.matched).toBe(solution.matched);
            expect(below.totalScore).toBe(solution.totalScore);
          } else if (answer.kind === "any") {
            // Allowing the pair, even at a terrible score, matches one more mentee.
            seen.any++;
            const after = solve(withPairScore(problem, e, m, -1000));
            expect(after.matched).toBe(solution.matched + 1);
            expect(after.mentorOf[e]).toBe(m);
          } else if (answer.kind === "never") {
            seen.never++;
            expect(solve(withPairScore(problem, e, m, 1e6)).mentorOf[e]).not.toBe(m);
          } else if (answer.kind === "assigned") {
            expect(solution.mentorOf[e]).toBe(m);
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(seen.above).toBeGreaterThan(200);
    expect(seen.any).toBeGreaterThan(3);
    expect(seen.never).toBeGreaterThan(500);
  });

  it("answers the simple case by hand", () => {
    // a sits with x (5); y is full with b (8), whose only other option is x (7).
    const problem: MatchProblem = {
      mentees: ["a", "b"],
      mentors: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 1 },
      ],
      edges: [
        [0, 0, 5],
        [1, 1, 8],
        [1, 0, 7],
      ],
      locked: [],
      excluded: [],
    };
    const explainer = createExplainer(packProblem(problem), solve(problem));
    // a moving to y costs b one point (8 -> 7) and a its 5 at x: a needs more than 6 at y.
    expect(explainer.scoreNeeded(0, 1)).toEqual({ kind: "above", score: 6, currentScore: undefined });
    expect(explainer.scoreNeeded(0, 0)).toEqual({ kind: "assigned" });
  });

  it('says "any" when moving an assigned mentee would free a place for an unmatched one', () => {
    // e and x both want only p; e holds it. Allowing e-q would place both.
    const problem: MatchProblem = {
      mentees: ["e", "x"],
      mentors: [
        { id: "p", capacity: 1 },
        { id: "q", capacity: 1 },
      ],
      edges: [
        [0, 0, 10],
        [1, 0, 5],
      ],
    };
    const solution = solve(problem);
    expect(Array.from(solution.mentorOf)).toEqual([0, -1]);
    const explainer = createExplainer(packProblem(problem), solution);
    expect(explainer.scoreNeeded(0, 1)).toEqual({ kind: "any" });
    expect(explainer.scoreNeeded(1, 1)).toEqual({ kind: "any" });
  });

  it("reports locked mentees and excluded pairs instead of a number", () => {
    const problem: MatchProblem = {
      mentees: ["a", "b"],
      mentors: [{ id: "x", capacity: 2 }],
      edges: [
        [0, 0, 5],
        [1, 0, 5],
      ],
      locked: [[0, 0]],
      excluded: [[1, 0]],
    };
    const explainer = createExplainer(packProblem(problem), solve(problem));
    expect(explainer.scoreNeeded(0, 0).kind).toBe("locked");
    expect(explainer.scoreNeeded(1, 0).kind).toBe("excluded");
  });
});

describe("mentorContention", () => {
  it("prices a slot at exactly what one more place at that mentor would add", () => {
    fc.assert(
      fc.property(
        problems.filter((p) => p.mentors.length > 0),
        fc.nat(),
        (problem, pick) => {
          const j = pick % problem.mentors.length;
          const mentors = problem.mentors.map((x, k) => (k === j ? { ...x, capacity: x.capacity + 1 } : x));
          const bigger = solve({ ...problem, mentors });
          for (const searchFrom of ["mentees", "mentors"] as const) {
            const solution = solveMatching(packProblem(problem), { searchFrom });
            const row = createExplainer(packProblem(problem), solution).mentorContention()[j];
            if (row.extraSlotMatchesMore) {
              expect(bigger.matched).toBe(solution.matched + 1);
            } else {
              expect(bigger.matched).toBe(solution.matched);
              expect(bigger.totalScore - solution.totalScore).toBe(row.price);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts candidates, first choices and assignments", () => {
    const problem: MatchProblem = {
      mentees: ["a", "b", "c"],
      mentors: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 2 },
      ],
      edges: [
        [0, 0, 9],
        [0, 1, 3],
        [1, 0, 9],
        [1, 1, 4],
        [2, 1, 1],
      ],
    };
    const rows = createExplainer(packProblem(problem), solve(problem)).mentorContention();
    expect(rows.map((r) => [r.candidates, r.topChoice, r.assigned])).toEqual([
      [2, 2, 1],
      [3, 1, 2],
    ]);
    // a-x, b-y, c-y is optimal; a second place at x would let b trade 4 for 9.
    expect(rows[0].price).toBe(5);
    expect(rows[1].price).toBe(0);
  });
});
