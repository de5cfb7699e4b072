import type { AssignmentState } from "./assignment-state.js";
import type { MinQueue, MinQueueFactory } from "./indexed-min-heap.js";

/**
 * One Dijkstra search on reduced costs from a left node that wants one more unit, followed by
 * the augmentation and the potential update. See min-cost-assignment.ts for why this is exact.
 *
 * Node ids: right r is r, left l is rightCount + l (one heap, one distance array).
 */
export class AugmentingSearch {
  /** Edges scanned since the counter was last reset; the solver uses it to decide on repricing. */
  work = 0;

  private readonly dist: Float64Array;
  /** 2*stamp once a node has a tentative distance in this search, 2*stamp+1 once final. */
  private readonly mark: Int32Array;
  private seenMark = 0;
  private doneMark = 1;
  private readonly heap: MinQueue;
  private readonly predLeftOfRight: Int32Array;
  private readonly predEdgeOfRight: Int32Array;
  private readonly predSlotOfLeft: Int32Array;
  private readonly predRightOfLeft: Int32Array;
  private readonly doneRights: Int32Array;
  private readonly doneLefts: Int32Array;
  private doneRightCount = 0;
  private doneLeftCount = 0;
  /**
   * Cheapest right with spare room seen so far. It never enters the heap: nothing at or beyond
   * its distance can lead anywhere cheaper, so such nodes are not even queued, and the search
   * ends as soon as the heap has nothing closer.
   */
  private bestFree = Number.POSITIVE_INFINITY;
  private bestFreeRight = -1;
  /** u of the root when the search started: raw path costs are reduced distances shifted by it. */
  private rootU = 0;
  /** Tree left whose unit is cheapest to push off (the root itself: leave the new unit out). */
  private dropLeft = -1;
  private dropRaw = 0;

  constructor(
    private readonly state: AssignmentState,
    makeQueue: MinQueueFactory,
  ) {
    const { leftCount: L, rightCount: R } = state;
    this.dist = new Float64Array(R + L);
    this.mark = new Int32Array(R + L);
    this.heap = makeQueue(R + L, this.dist);
    this.predLeftOfRight = new Int32Array(R);
    this.predEdgeOfRight = new Int32Array(R);
    this.predSlotOfLeft = new Int32Array(L);
    this.predRightOfLeft = new Int32Array(L);
    this.doneRights = new Int32Array(R);
    this.doneLefts = new Int32Array(L);
  }

  /** Places one more unit of `root`; false when the optimum leaves it unplaced. */
  placeUnit(root: number): boolean {
    const state = this.state;
    this.seenMark += 2;
    this.doneMark += 2;
    this.doneRightCount = 0;
    this.doneLeftCount = 0;
    this.bestFree = Number.POSITIVE_INFINITY;
    this.bestFreeRight = -1;
    // A left without used edges has nothing to stay tight on: make its cheapest edge tight so
    // distances start at 0.
    if (state.assigned[root] === 0) state.u[root] = state.cheapestReducedEdge(root);
    this.rootU = state.u[root];
    this.dropLeft = root;
    this.dropRaw = 0;
    this.settleLeft(root, 0);
    this.run();

    const R = state.rightCount;
    let threshold: number;
    if (this.bestFreeRight >= 0) {
      const r = this.bestFreeRight;
      threshold = this.bestFree;
      state.spare[r]--;
      this.shiftAlongPath(root, r, state.slotStart[r] + state.used[r]++);
    } else if (this.dropLeft !== root) {
      const l = this.dropLeft;
      threshold = this.dist[R + l];
      const s = this.predSlotOfLeft[l];
      state.removeLeftEdge(l, state.slotEdge[s]);
      this.shiftAlongPath(root, this.predRightOfLeft[l], s);
    } else {
      // Leaving the root's unit unplaced changes neither the matching nor the potentials.
      return false;
    }
    this.updatePotentials(threshold);
    return true;
  }

  private run(): void {
    const { slotStart, slotLeft, slotCost, used, u, v, rightCount: R } = this.state;
    const { dist, mark, heap, doneMark } = this;
    while (heap.size > 0 && heap.peekKey() < this.bestFree) {
      const x = heap.pop();
      if (x >= R) {
        this.settleLeft(x - R, dist[x]);
        continue;
      }
      mark[x] = doneMark;
      this.doneRights[this.doneRightCount++] = x;
      const dr = dist[x];
      for (let s = slotStart[x], end = s + used[x]; s < end; s++) {
        const l = slotLeft[s];
        const id = R + l;
        const m = mark[id];
        if (m === doneMark) continue;
        const rc = slotCost[s] - u[l] - v[x];
        // Used edges have rc <= 0. When tight, the left node sits at the current minimum and is
        // settled at once, bypassing the heap: the common case, as with unit supply every used
        // edge stays tight from one repricing to the next.
        if (rc >= 0 && m !== this.seenMark) {
          this.predRightOfLeft[l] = x;
          this.predSlotOfLeft[l] = s;
          this.settleLeft(l, dr);
          continue;
        }
        const nd = rc >= 0 ? dr : dr - rc;
        if (!(nd < this.bestFree) || (m === this.seenMark && !(nd < dist[id]))) continue;
        mark[id] = this.seenMark;
        dist[id] = nd;
        this.predRightOfLeft[l] = x;
        this.predSlotOfLeft[l] = s;
        heap.pushOrDecrease(id);
      }
    }
    heap.clear();
  }

  /** Finalises left l at distance d and relaxes its unused edges. */
  private settleLeft(l: number, d: number): void {
    const { start, right, cost, edgeUsed, spare, u, v, rightCount: R } = this.state;
    const { dist, mark, heap, seenMark, doneMark } = this;
    mark[R + l] = doneMark;
    dist[R + l] = d;
    this.doneLefts[this.doneLeftCount++] = l;
    // Raw cost of pushing l's unit off instead of leaving the root's unit unplaced (raw cost 0).
    const raw = d - u[l] + this.rootU;
    if (raw < this.dropRaw) {
      this.dropRaw = raw;
      this.dropLeft = l;
    }
    const first = start[l];
    const end = start[l + 1];
    this.work += end - first;
    const base = d - u[l];
    for (let e = first; e < end; e++) {
      if (edgeUsed[e] === 1) continue;
      const r = right[e];
      const m = mark[r];
      if (m === doneMark) continue;
      const nd = base + cost[e] - v[r];
      if (!(nd < this.bestFree)) continue;
      if (spare[r] > 0) {
        this.bestFree = nd;
        this.bestFreeRight = r;
      } else {
        if (m === seenMark && !(nd < dist[r])) continue;
        mark[r] = seenMark;
        dist[r] = nd;
        heap.pushOrDecrease(r);
      }
      this.predLeftOfRight[r] = l;
      this.predEdgeOfRight[r] = e;
    }
  }

  /**
   * Flips the tree path ending at right r's slot s: each left on it moves into the slot its
   * successor vacates, and the root takes one more unit.
   */
  private shiftAlongPath(root: number, r: number, s: number): void {
    const state = this.state;
    for (;;) {
      const l = this.predLeftOfRight[r];
      const e = this.predEdgeOfRight[r];
      state.setSlot(s, l, e);
      if (l === root) {
        state.addLeftEdge(root, e);
        return;
      }
      const vacated = this.predSlotOfLeft[l];
      state.swapLeftEdge(l, state.slotEdge[vacated], e);
      r = this.predRightOfLeft[l];
      s = vacated;
    }
  }

  /** Standard Dijkstra update: every node closer than the threshold was finalised. */
  private updatePotentials(threshold: number): void {
    const { u, v, rightCount: R } = this.state;
    const dist = this.dist;
    for (let i = 0; i < this.doneRightCount; i++) {
      const r = this.doneRights[i];
      if (dist[r] < threshold) v[r] -= threshold - dist[r];
    }
    for (let i = 0; i < this.doneLeftCount; i++) {
      const l = this.doneLefts[i];
      if (dist[R + l] < threshold) u[l] += threshold - dist[R + l];
    }
  }
}
