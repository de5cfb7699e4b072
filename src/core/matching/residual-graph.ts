import { type BipartiteGraph, buildBipartiteGraph, findEdge } from "./bipartite-graph.js";
import { IndexedMinHeap } from "./indexed-min-heap.js";
import type { MatchSolution, PackedProblem } from "./problem.js";

/**
 * The solved problem as a residual graph, for explanations. Locked mentees are left out (they
 * cannot move) and their mentors' capacity reduced; excluded pairs are left out.
 *
 * Moves, with raw cost in score terms (a positive cost is score lost):
 *   mentor j -> mentee x  x leaves j, cost +score(x, j)   (x is assigned to j)
 *   mentee x -> mentor k  x joins k,  cost -score(x, k)   (any other allowed mentor)
 * Searches run Dijkstra on costs reduced by the solver's duals, which makes every move
 * non-negative; raw costs are recovered at the end.
 *
 * Node ids: mentor j is j, mentee x is mentorCount + x.
 */
export class ResidualGraph {
  readonly menteeCount: number;
  readonly mentorCount: number;
  readonly byMentee: BipartiteGraph;
  readonly mentorOf: Int32Array;
  /** Capacity left to the solver after locked pairs. */
  readonly room: Int32Array;
  /** Non-locked mentees assigned to each mentor. */
  readonly load: Int32Array;
  readonly locked: Uint8Array;
  private readonly excluded: Set<number>;
  private readonly problem: PackedProblem;
  private readonly skip: Uint8Array;
  /** Mentor-major copy of byMentee, built on the first backward search. */
  private byMentor: BipartiteGraph | null = null;
  private readonly assignedStart: Int32Array;
  private readonly assignedMentee: Int32Array;
  private readonly menteeDual: Float64Array;
  private readonly mentorDual: Float64Array;
  private readonly dist: Float64Array;
  private readonly heap: IndexedMinHeap;
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(problem: PackedProblem, solution: MatchSolution) {
    const n = problem.menteeCount;
    const m = problem.mentorCapacity.length;
    this.menteeCount = n;
    this.mentorCount = m;
    this.locked = solution.locked;
    this.room = Int32Array.from(problem.mentorCapacity);
    for (const [, j] of problem.locked) this.room[j]--;
    this.excluded = new Set(problem.excluded.map(([e, j]) => e * m + j));
    const skip = new Uint8Array(problem.edgeMentee.length);
    for (let i = 0; i < skip.length; i++) {
      const e = problem.edgeMentee[i];
      if (this.locked[e] === 1 || this.excluded.has(e * m + problem.edgeMentor[i])) skip[i] = 1;
    }
    this.byMentee = buildBipartiteGraph(n, m, problem.edgeMentee, problem.edgeMentor, problem.edgeScore, skip, 1);
    this.problem = problem;
    this.skip = skip;
    this.mentorOf = Int32Array.from(solution.mentorOf, (j, e) => (this.locked[e] === 1 ? -1 : j));
    this.load = new Int32Array(m);
    for (const j of this.mentorOf) if (j >= 0) this.load[j]++;
    this.assignedStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.assignedStart[j + 1] = this.assignedStart[j] + this.load[j];
    const next = this.assignedStart.slice(0, m);
    this.assignedMentee = new Int32Array(this.assignedStart[m]);
    this.mentorOf.forEach((j, e) => {
      if (j >= 0) this.assignedMentee[next[j]++] = e;
    });
    this.menteeDual = solution.duals.mentee;
    this.mentorDual = solution.duals.mentor;
    this.dist = new Float64Array(n + m);
    this.heap = new IndexedMinHeap(n + m, this.dist);
    this.mark = new Int32Array(n + m);
  }

  isExcluded(mentee: number, mentor: number): boolean {
    return this.excluded.has(mentee * this.mentorCount + mentor);
  }

  /** Score of the allowed pair, or undefined when it is not allowed (or locked out). */
  score(mentee: number, mentor: number): number | undefined {
    const k = findEdge(this.byMentee, mentee, mentor);
    return k < 0 ? undefined : this.byMentee.value[k];
  }

  hasRoom(mentor: number): boolean {
    return this.load[mentor] < this.room[mentor];
  }

  /**
   * Dijkstra over the residual moves from the given sources (node, raw cost), never moving
   * `frozenMentee` (-1 for none). `visit` sees every settled node with its raw cost, in order of
   * reduced distance; returning true stops the search early.
   */
  search(
    sources: Iterable<readonly [node: number, raw: number]>,
    frozenMentee: number,
    visit: (node: number, raw: number) => boolean,
  ): void {
    const M = this.mentorCount;
    const { dist, heap, mark, menteeDual: U, mentorDual: V, byMentee, mentorOf } = this;
    this.stamp += 2;
    const seen = this.stamp;
    const done = seen + 1;
    // Potential of a node: a move a -> b has reduced cost raw + pi(a) - pi(b) >= 0, so the heap
    // key raw - pi(x) grows along every move.
    const pi = (x: number) => (x < M ? V[x] : -U[x - M]);
    const offer = (x: number, key: number) => {
      if (mark[x] === seen && !(key < dist[x])) return;
      mark[x] = seen;
      dist[x] = key;
      heap.pushOrDecrease(x);
    };
    for (const [node, raw] of sources) {
      if (node < M || node - M !== frozenMentee) offer(node, raw - pi(node));
    }
    while (heap.size > 0) {
      const x = heap.pop();
      mark[x] = done;
      const key = dist[x];
      if (visit(x, key + pi(x))) break;
      if (x < M) {
        for (let k = this.assignedStart[x]; k < this.assignedStart[x + 1]; k++) {
          const e = this.assignedMentee[k];
          if (e === frozenMentee || mark[M + e] === done) continue;
          const raw = this.score(e, x) as number;
          // Clamped: rounding can leave a reduced cost a hair below zero.
          offer(M + e, key + Math.max(0, raw + V[x] + U[e]));
        }
      } else {
        const e = x - M;
        for (let k = byMentee.start[e]; k < byMentee.start[e + 1]; k++) {
          const j = byMentee.right[k];
          if (j === mentorOf[e] || mark[j] === done) continue;
          offer(j, key + Math.max(0, -byMentee.value[k] - U[e] - V[j]));
        }
      }
    }
    heap.clear();
  }

  /**
   * The same moves walked backwards: `visit` sees every node that can reach one of the sources
   * (node, raw cost at the source), with the raw cost of its cheapest chain to a source. One run
   * answers "how cheaply can each mentor reach X" for every mentor at once.
   */
  searchBackward(sources: Iterable<readonly [node: number, raw: number]>, visit: (node: number, raw: number) => void): void {
    const M = this.mentorCount;
    this.byMentor ??= buildBipartiteGraph(
      M,
      this.menteeCount,
      this.problem.edgeMentor,
      this.problem.edgeMentee,
      this.problem.edgeScore,
      this.skip,
      1,
    );
    const { dist, heap, mark, menteeDual: U, mentorDual: V, byMentor, mentorOf } = this;
    this.stamp += 2;
    const seen = this.stamp;
    const done = seen + 1;
    // Walking a move a -> b backwards keeps its reduced cost; the key raw + pi(x) grows.
    const pi = (x: number) => (x < M ? V[x] : -U[x - M]);
    const offer = (x: number, key: number) => {
      if (mark[x] === seen && !(key < dist[x])) return;
      mark[x] = seen;
      dist[x] = key;
      heap.pushOrDecrease(x);
    };
    for (const [node, raw] of sources) offer(node, raw + pi(node));
    while (heap.size > 0) {
      const x = heap.pop();
      mark[x] = done;
      const key = dist[x];
      visit(x, key - pi(x));
      if (x < M) {
        // Into mentor x came "mentee e joins x": e is any allowed mentee not already with x.
        for (let k = byMentor.start[x]; k < byMentor.start[x + 1]; k++) {
          const e = byMentor.right[k];
          if (mentorOf[e] === x || mark[M + e] === done) continue;
          offer(M + e, key + Math.max(0, -byMentor.value[k] - U[e] - V[x]));
        }
      } else {
        // Into mentee e came "e leaves its mentor".
        const e = x - M;
        const j = mentorOf[e];
        if (j < 0 || mark[j] === done) continue;
        offer(j, key + Math.max(0, (this.score(e, j) as number) + V[j] + U[e]));
      }
    }
    heap.clear();
  }
}
