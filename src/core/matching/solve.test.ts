import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packProblem } from "./pack-problem.js";
import type { MatchProblem } from "./problem.js";
import { type SolveOptions, solveMatching } from "./solve.js";
import { arbitraryProblem } from "./test-support/arbitrary-problem.js";
import { bruteForceOptimum } from "./test-support/brute-force.js";
import { dualViolation, solutionViolations } from "./test-support/check-solution.js";
import { referenceOptimum } from "./test-support/reference-flow.js";

const solve = (problem: MatchProblem, options?: SolveOptions) => solveMatching(packProblem(problem), options);

const tiny = (integerScores: boolean) =>
  arbitraryProblem({ maxMentees: 6, maxMentors: 4, maxCapacity: 3, integerScores, withConstraints: true });

// Both search directions are run on purpose: "auto" rarely needs the displacement step, each
// forced direction needs it often. Repricing normally starts only on big, late searches, so it
// is also forced before every search.
describe.each([
  { searchFrom: "auto", repriceAfter: undefined },
  { searchFrom: "mentees", repriceAfter: undefined },
  { searchFrom: "mentors", repriceAfter: undefined },
  { searchFrom: "mentees", repriceAfter: 0 },
  { searchFrom: "mentors", repriceAfter: 0 },
] as const)("solveMatching, searching from $searchFrom, repricing after $repriceAfter", (options) => {
  it("matches the most mentees, then the best total, like exhaustive search (integer scores)", () => {
    fc.assert(
      fc.property(tiny(true), (problem) => {
        const best = bruteForceOptimum(problem);
        const got = solve(problem, options);
        expect(got.matched).toBe(best.matched);
        expect(got.totalScore).toBe(best.total);
      }),
      { numRuns: 400 },
    );
  });

  it("matches exhaustive search with fractional scores up to float rounding", () => {
    fc.assert(
      fc.property(tiny(false), (problem) => {
        const best = bruteForceOptimum(problem);
        const got = solve(problem, options);
        expect(got.matched).toBe(best.matched);
        expect(got.totalScore).toBeCloseTo(best.total, 9);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with an independent min-cost-flow reference on larger instances", () => {
    fc.assert(
      fc.property(
        arbitraryProblem({ maxMentees: 30, maxMentors: 10, maxCapacity: 4, integerScores: true, withConstraints: true }),
        (problem) => {
          const best = referenceOptimum(problem);
          const got = solve(problem, options);
          expect(got.matched).toBe(best.matched);
          expect(got.totalScore).toBe(best.total);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("agrees with the reference on sparse instances (where searches use the binary heap)", () => {
    fc.assert(
      fc.property(
        arbitraryProblem({
          maxMentees: 40,
          maxMentors: 12,
          maxCapacity: 4,
          integerScores: true,
          withConstraints: true,
          density: { min: 0.02, max: 0.12 },
        }),
        (problem) => {
          const best = referenceOptimum(problem);
          const got = solve(problem, options);
          expect(got.matched).toBe(best.matched);
          expect(got.totalScore).toBe(best.total);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never breaks capacity, never uses an excluded or unlisted pair, always keeps locked pairs", () => {
    fc.assert(
      fc.property(
        arbitraryProblem({ maxMentees: 25, maxMentors: 8, maxCapacity: 4, integerScores: false, withConstraints: true }),
        (problem) => {
          expect(solutionViolations(problem, solve(problem, options))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns duals that certify the assignment (reduced costs have the right signs)", () => {
    fc.assert(
      fc.property(
        arbitraryProblem({ maxMentees: 25, maxMentors: 8, maxCapacity: 4, integerScores: true, withConstraints: true }),
        (problem) => {
          expect(dualViolation(problem, solve(problem, options))).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("solveMatching", () => {
  it("is deterministic: the same problem, solved twice, gives identical arrays", () => {
    fc.assert(
      fc.property(
        arbitraryProblem({ maxMentees: 25, maxMentors: 8, maxCapacity: 4, integerScores: false, withConstraints: true }),
        (problem) => {
          const a = solve(problem);
          const b = solve(structuredClone(problem));
          expect(Array.from(b.mentorOf)).toEqual(Array.from(a.mentorOf));
          expect(b.totalScore).toBe(a.totalScore);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("breaks ties towards the lower mentor index", () => {
    const problem: MatchProblem = {
      mentees: ["a"],
      mentors: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 1 },
        { id: "z", capacity: 1 },
      ],
      edges: [
        [0, 2, 5],
        [0, 1, 5],
      ],
    };
    for (const searchFrom of ["mentees", "mentors"] as const) {
      expect(solve(problem, { searchFrom }).mentorOf[0]).toBe(1);
    }
  });

  it("gives a contested mentor to the better-scoring mentee even when the weaker one comes first", () => {
    const problem: MatchProblem = {
      mentees: ["weak", "strong"],
      mentors: [{ id: "m", capacity: 1 }],
      edges: [
        [0, 0, 1],
        [1, 0, 10],
      ],
    };
    for (const searchFrom of ["mentees", "mentors"] as const) {
      const got = solve(problem, { searchFrom });
      expect(Array.from(got.mentorOf)).toEqual([-1, 0]);
      expect(got.totalScore).toBe(10);
    }
  });

  it("prefers one more matched mentee over a higher total, even with negative scores", () => {
    const problem: MatchProblem = {
      mentees: ["a", "b"],
      mentors: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 1 },
      ],
      // a-x alone scores 100; matching both forces a-y (-50) and b-x (1).
      edges: [
        [0, 0, 100],
        [0, 1, -50],
        [1, 0, 1],
      ],
    };
    const got = solve(problem);
    expect(got.matched).toBe(2);
    expect(got.totalScore).toBe(-49);
  });

  it("handles empty problems and mentors without capacity", () => {
    expect(solve({ mentees: [], mentors: [], edges: [] }).matched).toBe(0);
    const got = solve({ mentees: ["a"], mentors: [{ id: "x", capacity: 0 }], edges: [[0, 0, 3]] });
    expect(got.mentorOf[0]).toBe(-1);
  });
});
