import type { MatchSolution, PackedProblem } from "./problem.js";
import { ResidualGraph } from "./residual-graph.js";

/** How much a mentor is in demand, read off the optimal solution. */
export interface MentorContention {
  mentor: number;
  capacity: number;
  /** Mentees assigned, locked ones included. */
  assigned: number;
  /** Mentees with an allowed (not excluded) pair with this mentor. */
  candidates: number;
  /** Mentees for whom this mentor is the highest-scoring allowed pair (ties: lowest index). */
  topChoice: number;
  /**
   * The slot's dual price: how much the total score would rise if this mentor could take one
   * more mentee and the pool were re-optimised without matching anyone new. 0 when the mentor
   * has room to spare. A high price means many mentees would gain from a place here.
   */
  price: number;
  /** One more slot here would let one more mentee be matched (then `price` understates it). */
  extraSlotMatchesMore: boolean;
}

/**
 * What score mentee e would need on the pair with mentor m to be assigned there instead. The
 * threshold is exact: strictly above it every optimal solution pairs e with m, strictly below
 * it none does (holding all other scores fixed).
 */
export type ScoreNeeded =
  | { kind: "assigned" }
  /** The mentee's pair was locked by a coordinator. */
  | { kind: "locked" }
  /** The pair is excluded. */
  | { kind: "excluded" }
  /** Allowing the pair would let one more mentee be matched, so any score gets it chosen. */
  | { kind: "any" }
  /** No score is enough: using the pair would leave another mentee unmatched. */
  | { kind: "never" }
  | { kind: "above"; score: number; currentScore: number | undefined };

export interface MatchExplainer {
  mentorContention(): MentorContention[];
  /** The mentors a (non-locked) mentee may be paired with: listed, not excluded. */
  allowedMentors(mentee: number): number[];
  /** Also answers for pairs that are not allowed today ("what if we allowed it?"). */
  scoreNeeded(mentee: number, mentor: number): ScoreNeeded;
}

export function createExplainer(problem: PackedProblem, solution: MatchSolution): MatchExplainer {
  const graph = new ResidualGraph(problem, solution);
  const M = graph.mentorCount;

  const unmatchedSources = (raw: number, except: number) => {
    const out: [number, number][] = [];
    for (let x = 0; x < graph.menteeCount; x++) {
      if (x !== except && graph.mentorOf[x] < 0 && graph.locked[x] === 0) out.push([M + x, raw]);
    }
    return out;
  };
  const mentorsWithMentees = (raw: number) => {
    const out: [number, number][] = [];
    for (let j = 0; j < M; j++) if (graph.load[j] > 0) out.push([j, raw]);
    return out;
  };
  /**
   * Cheapest chain into each mentor from anyone who could start one: a mentor with mentees
   * losing one ("a place is freed somewhere") or an unmatched mentee joining. Neither depends
   * on the question asked, so both are searched once. A chain into mentor j never needs to pass
   * through one of j's own mentees first, so leaving the asked-about mentee out changes nothing.
   */
  let intoMentor: { fromLoaded: Float64Array; fromUnmatched: Float64Array } | null = null;
  const chainsIntoMentors = () => {
    if (intoMentor !== null) return intoMentor;
    const fromLoaded = new Float64Array(M).fill(Number.POSITIVE_INFINITY);
    graph.search(mentorsWithMentees(0), -1, (node, raw) => {
      if (node < M) fromLoaded[node] = raw;
      return false;
    });
    const fromUnmatched = new Float64Array(M).fill(Number.POSITIVE_INFINITY);
    graph.search(unmatchedSources(0, -1), -1, (node, raw) => {
      if (node < M) fromUnmatched[node] = raw;
      return false;
    });
    intoMentor = { fromLoaded, fromUnmatched };
    return intoMentor;
  };

  /**
   * For an unmatched mentee the answer does not depend on who they are (they are not part of any
   * chain), only on the mentor: whether a chain from the mentor reaches room (then any score
   * places them, one more match), else the cheapest chain ending with someone being left out.
   * Two backward searches answer that for every mentor at once, so explaining all unmatched
   * mentees costs two searches, not one per candidate.
   */
  let forUnmatched: { reachesRoom: Uint8Array; dropCost: Float64Array } | null = null;
  const unmatchedTables = () => {
    if (forUnmatched !== null) return forUnmatched;
    const reachesRoom = new Uint8Array(M);
    const rooms: [number, number][] = [];
    for (let j = 0; j < M; j++) if (graph.hasRoom(j)) rooms.push([j, 0]);
    graph.searchBackward(rooms, (node) => {
      if (node < M) reachesRoom[node] = 1;
    });
    const dropCost = new Float64Array(M).fill(Number.POSITIVE_INFINITY);
    const assigned: [number, number][] = [];
    for (let x = 0; x < graph.menteeCount; x++) if (graph.mentorOf[x] >= 0) assigned.push([M + x, 0]);
    graph.searchBackward(assigned, (node, raw) => {
      if (node < M) dropCost[node] = raw;
    });
    forUnmatched = { reachesRoom, dropCost };
    return forUnmatched;
  };

  return {
    allowedMentors(e) {
      const { start, right } = graph.byMentee;
      return Array.from(right.subarray(start[e], start[e + 1]));
    },

    scoreNeeded(e, m) {
      if (graph.locked[e] === 1) return { kind: "locked" };
      if (graph.isExcluded(e, m)) return { kind: "excluded" };
      const from = graph.mentorOf[e];
      if (from === m) return { kind: "assigned" };
      const currentScore = graph.score(e, m);
      if (from < 0) {
        // e joins, so someone must leave (a drop); reaching room would mean one more match.
        const { reachesRoom, dropCost } = unmatchedTables();
        if (reachesRoom[m] === 1) return { kind: "any" };
        if (dropCost[m] === Number.POSITIVE_INFINITY) return { kind: "never" };
        return { kind: "above", score: dropCost[m], currentScore };
      }

      // Forcing assigned e onto m closes a cycle e -> m ~> ... -> e. From m, the mentee bumped
      // from m moves on, and the chain ends either back at e's old mentor (direct), at a mentor
      // with room (then "room" re-enters the pool at any mentor that has mentees), or by someone
      // being unmatched (then an unmatched mentee may re-enter the pool).
      let direct = Number.POSITIVE_INFINITY;
      let viaRoom = Number.POSITIVE_INFINITY;
      let viaDrop = Number.POSITIVE_INFINITY;
      graph.search([[m, 0]], e, (node, raw) => {
        if (node >= M) viaDrop = Math.min(viaDrop, raw);
        else if (node === from) direct = raw;
        else if (graph.hasRoom(node)) viaRoom = Math.min(viaRoom, raw);
        return false;
      });

      // Then a place is freed elsewhere (after reaching room) or an unmatched mentee comes in
      // (after a drop), and a chain brings someone into e's old mentor. Room followed by an
      // unmatched mentee coming in is one more match: any score will do.
      const { fromLoaded, fromUnmatched } = chainsIntoMentors();
      if (viaRoom < Number.POSITIVE_INFINITY && fromUnmatched[from] < Number.POSITIVE_INFINITY) return { kind: "any" };
      const rejoin = Math.min(viaRoom + fromLoaded[from], viaDrop + fromUnmatched[from]);
      const cycle = Math.min(direct, rejoin);
      if (cycle === Number.POSITIVE_INFINITY) return { kind: "never" };
      return { kind: "above", score: cycle + (graph.score(e, from) as number), currentScore };
    },

    mentorContention() {
      const candidates = new Int32Array(M);
      const topChoice = new Int32Array(M);
      const assigned = new Int32Array(M);
      const best = new Float64Array(problem.menteeCount).fill(Number.NEGATIVE_INFINITY);
      const bestMentor = new Int32Array(problem.menteeCount).fill(-1);
      for (let i = 0; i < problem.edgeMentee.length; i++) {
        const e = problem.edgeMentee[i];
        const j = problem.edgeMentor[i];
        if (graph.isExcluded(e, j)) continue;
        candidates[j]++;
        const s = problem.edgeScore[i];
        if (s > best[e] || (s === best[e] && j < bestMentor[e])) {
          best[e] = s;
          bestMentor[e] = j;
        }
      }
      for (const j of bestMentor) if (j >= 0) topChoice[j]++;
      for (const j of solution.mentorOf) if (j >= 0) assigned[j]++;

      // An extra place at j is worth the best chain that frees a place anywhere and ends with
      // someone joining j; if an unmatched mentee can reach j, it even matches one more.
      const { fromLoaded, fromUnmatched } = chainsIntoMentors();
      return Array.from({ length: M }, (_, j) => {
        const full = !graph.hasRoom(j);
        return {
          mentor: j,
          capacity: problem.mentorCapacity[j],
          assigned: assigned[j],
          candidates: candidates[j],
          topChoice: topChoice[j],
          price: full && fromLoaded[j] < 0 ? -fromLoaded[j] : 0,
          extraSlotMatchesMore: full && fromUnmatched[j] < Number.POSITIVE_INFINITY,
        };
      });
    },
  };
}
