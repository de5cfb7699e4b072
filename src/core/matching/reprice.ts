import type { AssignmentState } from "./assignment-state.js";
import type { MinQueue, MinQueueFactory } from "./indexed-min-heap.js";

/**
 * Global repricing, the counterpart of push-relabel's global relabelling.
 *
 * Late in a run spare room is rare and far away, and each search settles most of the graph. One
 * backward Dijkstra from every right with spare room gives each node its reduced distance h to
 * spare room. Shifting the potentials by h keeps every reduced cost valid (h(a) <= rc(a,b) + h(b)
 * for every residual edge) and makes every shortest route to spare room cost 0, so the searches
 * that follow settle little beyond that route. Nodes that cannot reach spare room at all get the
 * largest distance found, which keeps the shift valid. Rights with spare room have h = 0, so
 * their v stays 0. Costs about one full search.
 */
export class Repricer {
  private readonly reverseStart: Int32Array;
  private readonly reverseLeft: Int32Array;
  /** Costs copied in right-major order so the backward scan reads memory in sequence. */
  private readonly reverseCost: Float64Array;
  private readonly dist: Float64Array;
  private readonly mark: Int32Array;
  private readonly heap: MinQueue;
  private readonly leftKey: Float64Array;
  private readonly hiddenKey: Float64Array;
  private stamp = 0;

  constructor(
    private readonly state: AssignmentState,
    makeQueue: MinQueueFactory,
  ) {
    const { leftCount: L, rightCount: R, start, right, cost, degree, slotStart } = state;
    this.reverseStart = new Int32Array(R + 1);
    for (let r = 0; r < R; r++) this.reverseStart[r + 1] = this.reverseStart[r] + degree[r];
    const next = this.reverseStart.slice(0, R);
    this.reverseLeft = new Int32Array(right.length);
    this.reverseCost = new Float64Array(right.length);
    for (let l = 0; l < L; l++) {
      for (let e = start[l]; e < start[l + 1]; e++) {
        const at = next[right[e]]++;
        this.reverseLeft[at] = l;
        this.reverseCost[at] = cost[e];
      }
    }
    this.dist = new Float64Array(R);
    this.mark = new Int32Array(R);
    this.heap = makeQueue(R, this.dist);
    this.leftKey = new Float64Array(L);
    let maxSlots = 0;
    for (let r = 0; r < R; r++) maxSlots = Math.max(maxSlots, slotStart[r + 1] - slotStart[r]);
    this.hiddenKey = new Float64Array(maxSlots);
  }

  reprice(): void {
    const { rightCount: R, leftCount: L, slotStart, slotLeft, used, spare, u, v } = this.state;
    const { leftStart, leftRight, leftCost, assigned } = this.state;
    const { reverseStart, reverseLeft, reverseCost, dist, mark, heap, leftKey, hiddenKey } = this;
    this.stamp += 2;
    const seen = this.stamp;
    const done = this.stamp + 1;
    // Rights go through the heap. Lefts never do: a left's only ways onward are its used edges,
    // so an improved distance is passed straight on to those rights (right -> left -> right is
    // a non-negative composite step). A left is tracked by leftKey = distance + u, which makes
    // the hot loop below touch one array per edge.
    leftKey.fill(Number.POSITIVE_INFINITY);
    for (let r = 0; r < R; r++) {
      if (spare[r] === 0) continue;
      mark[r] = seen;
      dist[r] = 0;
      heap.pushOrDecrease(r);
    }
    while (heap.size > 0) {
      const x = heap.pop();
      mark[x] = done;
      // Residual edges into right x are its unused edges. Rather than look up each edge's used
      // flag (a cache miss per edge), the lefts holding x's slots are hidden for this scan.
      const s0 = slotStart[x];
      const s1 = s0 + used[x];
      for (let s = s0; s < s1; s++) {
        hiddenKey[s - s0] = leftKey[slotLeft[s]];
        leftKey[slotLeft[s]] = Number.NEGATIVE_INFINITY;
      }
      const base = dist[x] - v[x];
      for (let k = reverseStart[x], end = reverseStart[x + 1]; k < end; k++) {
        const l = reverseLeft[k];
        const key = base + reverseCost[k];
        if (!(key < leftKey[l])) continue;
        leftKey[l] = key;
        for (let j = leftStart[l], jEnd = j + assigned[l]; j < jEnd; j++) {
          const r = leftRight[j];
          const m = mark[r];
          if (m === done) continue;
          const dr = key - leftCost[j] + v[r];
          if (m === seen && !(dr < dist[r])) continue;
          mark[r] = seen;
          dist[r] = dr;
          heap.pushOrDecrease(r);
        }
      }
      for (let s = s0; s < s1; s++) leftKey[slotLeft[s]] = hiddenKey[s - s0];
    }
    // Nodes that cannot reach spare room get the largest distance found, which keeps the shift
    // valid for every edge between reached and unreached nodes.
    let farthest = 0;
    for (let r = 0; r < R; r++) if (mark[r] === done && dist[r] > farthest) farthest = dist[r];
    for (let l = 0; l < L; l++) {
      if (leftKey[l] < Number.POSITIVE_INFINITY && leftKey[l] - u[l] > farthest) farthest = leftKey[l] - u[l];
    }
    for (let r = 0; r < R; r++) v[r] -= mark[r] === done ? dist[r] : farthest;
    for (let l = 0; l < L; l++) u[l] = leftKey[l] < Number.POSITIVE_INFINITY ? leftKey[l] : u[l] + farthest;
  }
}
