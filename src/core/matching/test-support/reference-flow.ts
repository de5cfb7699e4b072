import type { MatchProblem } from "../problem.js";

/**
 * An independent, deliberately plain reference: min-cost flow by successive shortest paths with
 * Bellman–Ford from a super-source, on integer costs with a big-M bonus per matched pair
 * (cost = -(M + score)), so cardinality comes first. Exact for integer scores while M * n stays
 * far below 2^53. Slow: meant for instances of a few dozen mentees.
 */
export function referenceOptimum(problem: MatchProblem): { matched: number; total: number } {
  const n = problem.mentees.length;
  const m = problem.mentors.length;
  const excluded = new Set((problem.excluded ?? []).map(([e, j]) => `${e}:${j}`));
  const lockedMentor = new Map((problem.locked ?? []).map(([e, j]) => [e, j]));
  let maxAbs = 1;
  for (const [, , s] of problem.edges) maxAbs = Math.max(maxAbs, Math.abs(s));
  const M = 2 * maxAbs * (n + 1) + 1;
  // nodes: source 0, mentees 1..n, mentors n+1..n+m, sink n+m+1
  const sink = n + m + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (a: number, b: number, c: number, w: number) => {
    adj[a].push(to.length);
    to.push(b);
    cap.push(c);
    cost.push(w);
    adj[b].push(to.length);
    to.push(a);
    cap.push(0);
    cost.push(-w);
  };
  let lockedTotal = 0;
  const capacity = problem.mentors.map((x) => x.capacity);
  for (const [e, j] of problem.locked ?? []) {
    capacity[j]--;
    const edge = problem.edges.find(([a, b]) => a === e && b === j);
    lockedTotal += edge ? edge[2] : 0;
  }
  for (let e = 0; e < n; e++) if (!lockedMentor.has(e)) addEdge(0, 1 + e, 1, 0);
  for (let j = 0; j < m; j++) addEdge(1 + n + j, sink, capacity[j], 0);
  for (const [e, j, s] of problem.edges) {
    if (lockedMentor.has(e) || excluded.has(`${e}:${j}`)) continue;
    addEdge(1 + e, 1 + n + j, 1, -(M + s));
  }
  let totalCost = 0;
  let flow = 0;
  for (;;) {
    const dist = new Array(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array(sink + 1).fill(-1);
    dist[0] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let a = 0; a <= sink; a++) {
        if (dist[a] === Number.POSITIVE_INFINITY) continue;
        for (const k of adj[a]) {
          if (cap[k] > 0 && dist[a] + cost[k] < dist[to[k]]) {
            dist[to[k]] = dist[a] + cost[k];
            via[to[k]] = k;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[sink] >= 0) break;
    for (let x = sink; x !== 0; x = to[via[x] ^ 1]) {
      cap[via[x]]--;
      cap[via[x] ^ 1]++;
    }
    totalCost += dist[sink];
    flow++;
  }
  return { matched: flow + lockedMentor.size, total: -totalCost - flow * M + lockedTotal };
}
