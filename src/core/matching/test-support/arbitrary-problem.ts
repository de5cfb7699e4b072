import fc from "fast-check";
import type { EdgeTuple, MatchProblem, PairTuple } from "../problem.js";

export interface ProblemShape {
  maxMentees: number;
  maxMentors: number;
  maxCapacity: number;
  /** Integer scores keep every comparison exact; float scores exercise rounding. */
  integerScores: boolean;
  withConstraints: boolean;
  /** Share of mentee/mentor pairs that are allowed, drawn per problem; default 0.1 to 1. */
  density?: { min: number; max: number };
}

/**
 * Random problems: each mentee/mentor pair is allowed with some probability, scores may be
 * negative, and optionally some allowed pairs are locked (respecting capacity) or excluded.
 */
export function arbitraryProblem(shape: ProblemShape): fc.Arbitrary<MatchProblem> {
  const score = shape.integerScores
    ? fc.integer({ min: -20, max: 100 })
    : fc.double({ min: -20, max: 100, noNaN: true, noDefaultInfinity: true });
  return fc
    .record({
      n: fc.integer({ min: 0, max: shape.maxMentees }),
      m: fc.integer({ min: 0, max: shape.maxMentors }),
      density: fc.double({ ...(shape.density ?? { min: 0.1, max: 1 }), noNaN: true }),
      // One (coin, score) per mentee/mentor pair, then one coin per pair for locks/exclusions.
      draws: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), score), {
        minLength: 2 * shape.maxMentees * shape.maxMentors,
        maxLength: 2 * shape.maxMentees * shape.maxMentors,
      }),
      capacities: fc.array(fc.integer({ min: 0, max: shape.maxCapacity }), {
        minLength: shape.maxMentors,
        maxLength: shape.maxMentors,
      }),
      lockShare: fc.double({ min: 0, max: shape.withConstraints ? 0.3 : 0, noNaN: true }),
      excludeShare: fc.double({ min: 0, max: shape.withConstraints ? 0.3 : 0, noNaN: true }),
    })
    .map(({ n, m, density, draws, capacities, lockShare, excludeShare }) => {
      let drawn = 0;
      const next = () => draws[drawn++];
      const edges: EdgeTuple[] = [];
      for (let e = 0; e < n; e++) {
        for (let j = 0; j < m; j++) {
          const [coin, s] = next();
          if (coin < density) edges.push([e, j, s]);
        }
      }
      const mentors = capacities.slice(0, m).map((capacity, j) => ({ id: `m${j}`, capacity }));
      const locked: PairTuple[] = [];
      const excluded: PairTuple[] = [];
      const lockedMentees = new Set<number>();
      const lockedCount = new Array(m).fill(0);
      for (const [e, j] of edges) {
        const [coin] = next();
        if (coin < lockShare && !lockedMentees.has(e) && lockedCount[j] < mentors[j].capacity) {
          locked.push([e, j]);
          lockedMentees.add(e);
          lockedCount[j]++;
        } else if (coin > 1 - excludeShare) {
          excluded.push([e, j]);
        }
      }
      return {
        mentees: Array.from({ length: n }, (_, e) => `e${e}`),
        mentors,
        edges,
        locked,
        excluded,
      };
    });
}
