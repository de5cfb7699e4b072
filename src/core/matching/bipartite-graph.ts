/**
 * Compressed adjacency (CSR) of a bipartite graph, grouped by left node. Within a left node the
 * edges are sorted by right node, so results do not depend on the order edges were listed in,
 * and callers can find an edge by binary search.
 */
export interface BipartiteGraph {
  leftCount: number;
  rightCount: number;
  /** Edges of left node l are `start[l] .. start[l + 1] - 1`. */
  start: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

/**
 * Builds the CSR in one counting-sort pass by left node, then sorts each left's short run by
 * right node. No per-edge objects: this runs over millions of edges. `skip[i] === 1` leaves edge
 * i out; `sign` lets the solver store costs (-score) without a second pass.
 */
export function buildBipartiteGraph(
  leftCount: number,
  rightCount: number,
  edgeLeft: Int32Array,
  edgeRight: Int32Array,
  edgeValue: Float64Array,
  skip: Uint8Array | null,
  sign: 1 | -1,
): BipartiteGraph {
  const total = edgeLeft.length;
  const start = new Int32Array(leftCount + 1);
  for (let i = 0; i < total; i++) {
    if (skip !== null && skip[i] === 1) continue;
    const l = edgeLeft[i];
    const r = edgeRight[i];
    if (!(l >= 0 && l < leftCount && r >= 0 && r < rightCount)) {
      throw new RangeError(`edge ${i} joins ${l} to ${r}, outside ${leftCount} x ${rightCount}`);
    }
    start[l + 1]++;
  }
  for (let l = 0; l < leftCount; l++) start[l + 1] += start[l];
  const next = start.slice(0, leftCount);
  const right = new Int32Array(start[leftCount]);
  const value = new Float64Array(start[leftCount]);
  for (let i = 0; i < total; i++) {
    if (skip !== null && skip[i] === 1) continue;
    const at = next[edgeLeft[i]]++;
    right[at] = edgeRight[i];
    value[at] = sign * edgeValue[i];
  }
  for (let l = 0; l < leftCount; l++) sortRun(right, value, start[l], start[l + 1]);
  return { leftCount, rightCount, start, right, value };
}

/** Sorts right[from..to) ascending, carrying value along. Runs are usually short or sorted. */
function sortRun(right: Int32Array, value: Float64Array, from: number, to: number): void {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) sorted = right[i - 1] < right[i];
  if (sorted) return;
  if (to - from <= 64) {
    for (let i = from + 1; i < to; i++) {
      const r = right[i];
      const x = value[i];
      let j = i - 1;
      while (j >= from && right[j] > r) {
        right[j + 1] = right[j];
        value[j + 1] = value[j];
        j--;
      }
      right[j + 1] = r;
      value[j + 1] = x;
    }
    return;
  }
  // Long runs (dense problems): sort packed (right, position) keys natively. Both parts are
  // below 2^31 and 2^21 so the packed key is an exact double.
  const n = to - from;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = right[from + i] * 2097152 + i;
  keys.sort();
  const rightCopy = right.slice(from, to);
  const valueCopy = value.slice(from, to);
  for (let i = 0; i < n; i++) {
    const k = keys[i] % 2097152;
    right[from + i] = rightCopy[k];
    value[from + i] = valueCopy[k];
  }
}

/** Index of the edge (left, r) in the graph, or -1. */
export function findEdge(graph: BipartiteGraph, left: number, r: number): number {
  let lo = graph.start[left];
  let hi = graph.start[left + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = graph.right[mid];
    if (x === r) return mid;
    if (x < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
