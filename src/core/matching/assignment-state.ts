import type { BipartiteGraph } from "./bipartite-graph.js";

/**
 * A b-matching under construction and its dual potentials, stored so that both directions are
 * cheap to walk: each right node keeps its used edges in a fixed run of slots, each left node
 * keeps its used edges in a fixed run too.
 *
 * Potentials are in cost form with rc(e) = cost[e] - u[left] - v[right]; the solver keeps
 * rc >= 0 on unused edges, rc <= 0 on used ones, v <= 0, and v = 0 while a right has spare room.
 */
export class AssignmentState {
  readonly leftCount: number;
  readonly rightCount: number;
  readonly start: Int32Array;
  readonly right: Int32Array;
  readonly cost: Float64Array;
  readonly edgeUsed: Uint8Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** Right r's used edges sit in slots slotStart[r] .. slotStart[r] + used[r] - 1. */
  readonly slotStart: Int32Array;
  readonly slotLeft: Int32Array;
  readonly slotEdge: Int32Array;
  /** cost[slotEdge[s]], kept beside it: searches read it for every slot they pass. */
  readonly slotCost: Float64Array;
  readonly used: Int32Array;
  /** Room left at each right (capacity beyond its degree is useless and not counted). */
  readonly spare: Int32Array;
  /** Left l's used edges are leftEdge[leftStart[l] .. leftStart[l] + assigned[l] - 1]. */
  readonly leftStart: Int32Array;
  readonly leftEdge: Int32Array;
  /** right[] and cost[] of leftEdge, kept beside it for the same reason. */
  readonly leftRight: Int32Array;
  readonly leftCost: Float64Array;
  readonly assigned: Int32Array;
  /** Number of edges into each right node. */
  readonly degree: Int32Array;

  constructor(graph: BipartiteGraph, supply: Int32Array, capacity: Int32Array) {
    const { leftCount: L, rightCount: R, start, right, value } = graph;
    this.leftCount = L;
    this.rightCount = R;
    this.start = start;
    this.right = right;
    this.cost = value;
    this.edgeUsed = new Uint8Array(right.length);
    this.v = new Float64Array(R);
    this.u = new Float64Array(L);
    // Starting every u at the left's cheapest edge makes rc >= 0 hold on every edge from the
    // outset, including lefts the solver has not reached yet.
    for (let l = 0; l < L; l++) this.u[l] = this.cheapestReducedEdge(l);

    this.degree = new Int32Array(R);
    for (let e = 0; e < right.length; e++) this.degree[right[e]]++;
    this.slotStart = new Int32Array(R + 1);
    for (let r = 0; r < R; r++) {
      this.slotStart[r + 1] = this.slotStart[r] + Math.min(capacity[r], this.degree[r]);
    }
    this.slotLeft = new Int32Array(this.slotStart[R]);
    this.slotEdge = new Int32Array(this.slotStart[R]);
    this.slotCost = new Float64Array(this.slotStart[R]);
    this.used = new Int32Array(R);
    this.spare = new Int32Array(R);
    for (let r = 0; r < R; r++) this.spare[r] = this.slotStart[r + 1] - this.slotStart[r];

    this.leftStart = new Int32Array(L + 1);
    for (let l = 0; l < L; l++) {
      this.leftStart[l + 1] = this.leftStart[l] + Math.min(supply[l], start[l + 1] - start[l]);
    }
    this.leftEdge = new Int32Array(this.leftStart[L]);
    this.leftRight = new Int32Array(this.leftStart[L]);
    this.leftCost = new Float64Array(this.leftStart[L]);
    this.assigned = new Int32Array(L);
  }

  /** min over l's edges of cost - v: the u that makes l's cheapest unused edge tight. */
  cheapestReducedEdge(l: number): number {
    let best = 0;
    for (let e = this.start[l], end = this.start[l + 1]; e < end; e++) {
      const c = this.cost[e] - this.v[this.right[e]];
      if (e === this.start[l] || c < best) best = c;
    }
    return best;
  }

  /** Right r's slot s now holds left l's edge e. */
  setSlot(s: number, l: number, e: number): void {
    this.slotLeft[s] = l;
    this.slotEdge[s] = e;
    this.slotCost[s] = this.cost[e];
  }

  /** Left l takes one more unit, on edge e. */
  addLeftEdge(l: number, e: number): void {
    this.setLeftEdge(this.leftStart[l] + this.assigned[l]++, e);
    this.edgeUsed[e] = 1;
  }

  /** Left l moves one unit from edge `from` to edge `to`. */
  swapLeftEdge(l: number, from: number, to: number): void {
    this.setLeftEdge(this.findLeftEdge(l, from), to);
    this.edgeUsed[from] = 0;
    this.edgeUsed[to] = 1;
  }

  /** Left l gives up the unit on edge e. */
  removeLeftEdge(l: number, e: number): void {
    const last = this.leftStart[l] + --this.assigned[l];
    this.setLeftEdge(this.findLeftEdge(l, e), this.leftEdge[last]);
    this.edgeUsed[e] = 0;
  }

  private findLeftEdge(l: number, e: number): number {
    let k = this.leftStart[l];
    while (this.leftEdge[k] !== e) k++;
    return k;
  }

  private setLeftEdge(k: number, e: number): void {
    this.leftEdge[k] = e;
    this.leftRight[k] = this.right[e];
    this.leftCost[k] = this.cost[e];
  }
}
