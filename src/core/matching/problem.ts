/**
 * Types of the matching engine. A problem says who may be paired with whom and how good each
 * allowed pair is; the engine returns the assignment that matches the most mentees and, among
 * those, has the highest total score.
 */

/** A mentor as the engine sees them: an id and how many mentees they can take at once. */
export interface MentorSpec {
  id: string;
  capacity: number;
}

/** An allowed pair: `[menteeIndex, mentorIndex, score]`. A pair that is not listed is not allowed. */
export type EdgeTuple = readonly [mentee: number, mentor: number, score: number];

/** A `[menteeIndex, mentorIndex]` pair, used for locked and excluded pairs. */
export type PairTuple = readonly [mentee: number, mentor: number];

/** The problem as written in a problem file or assembled by the matching service. */
export interface MatchProblem {
  mentees: readonly string[];
  mentors: readonly MentorSpec[];
  edges: readonly EdgeTuple[];
  /** Pairs that must be in the result (a coordinator's override); they use the mentor's capacity. */
  locked?: readonly PairTuple[];
  /** Pairs that must never be used, even though they are listed in `edges`. */
  excluded?: readonly PairTuple[];
}

/**
 * The same problem in columns of typed arrays: what the solver works on. A 100,000-mentee pool
 * with 50 candidates each is 5 million edges; as JavaScript tuples that alone would be ~400 MB.
 */
export interface PackedProblem {
  menteeCount: number;
  mentorCapacity: Int32Array;
  edgeMentee: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Float64Array;
  locked: readonly PairTuple[];
  excluded: readonly PairTuple[];
}

/** The optimal assignment, indexed by mentee, plus the dual prices that explain it. */
export interface MatchSolution {
  /** Mentor index per mentee, -1 when the mentee is unmatched. */
  mentorOf: Int32Array;
  /** Score of each mentee's pair; 0 when unmatched. */
  scoreOf: Float64Array;
  /** 1 when the mentee's pair was locked by the caller rather than chosen by the solver. */
  locked: Uint8Array;
  matched: number;
  totalScore: number;
  /**
   * Dual potentials in "cost = -score" form: for every allowed, unused, non-locked pair
   * `-score - mentee[e] - mentor[m] >= 0`, and `<= 0` for every pair the solver chose. They
   * certify optimality and make the explanation searches (Dijkstra) valid.
   */
  duals: { mentee: Float64Array; mentor: Float64Array };
}
