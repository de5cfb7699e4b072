import { AssignmentState } from "./assignment-state.js";
import { AugmentingSearch } from "./augmenting-search.js";
import type { BipartiteGraph } from "./bipartite-graph.js";
import { IndexedMinHeap, type MinQueueFactory } from "./indexed-min-heap.js";
import { LinearMinQueue } from "./linear-min-queue.js";
import { Repricer } from "./reprice.js";

/**
 * Exact lexicographic b-matching: use as many units as possible, then minimise total cost.
 * Left node l offers up to `supply[l]` units, right node r accepts up to `capacity[r]`, every
 * edge carries at most one unit.
 *
 * Method: successive shortest augmenting paths, one unit at a time, in left-node order, with
 * Dijkstra on reduced costs (Jonker–Volgenant style). Each unit search stops at the first right
 * node with spare capacity, so while capacity is plentiful a search touches one adjacency list;
 * when spare capacity gets scarce, a global repricing (reprice.ts) keeps the searches short.
 *
 * Why it is exact for the *lexicographic* objective without a big-M constant: think of every
 * left unit as also having a private "stay unmatched" edge of cost (1, 0) in the ordered group
 * Z x R (first component counts unmatched units). Adding one unit of supply to an optimal flow
 * and sending it along a lexicographically shortest residual path keeps the flow optimal (the
 * usual successive-shortest-path argument, which only needs an ordered abelian group). In that
 * residual graph a shortest path from the new unit either
 *   - ends at a right node with spare capacity: first component 0, always preferred; or
 *   - ends by pushing some left node l* of the search tree (possibly the new unit itself) onto its
 *     "stay unmatched" edge: first component 1, chosen only when no spare capacity is reachable,
 *     and then the one with the smallest real cost wins.
 * The first component is thus decided by reachability and only real costs are ever compared, so
 * ordinary float potentials suffice. With integer (or dyadic) scores every operation is exact;
 * otherwise the result is optimal up to float rounding.
 *
 * Invariants kept between searches (cost form, u on left, v on right, rc = cost - u - v):
 *   rc >= 0 on every unused edge, rc <= 0 on every used edge, v <= 0 everywhere and v = 0 on
 *   right nodes with spare capacity (so first-reached spare capacity is also cheapest in raw
 *   cost). A right node that fills up never empties again.
 */
export interface AssignmentInput {
  /** Edge values are costs (to minimise). */
  graph: BipartiteGraph;
  supply: Int32Array;
  capacity: Int32Array;
  /**
   * Edges scanned by searches between two global repricings. The default, about the size of the
   * graph, balances one repricing against the searches it shortens; tests set 0 to reprice
   * before every search.
   */
  repriceAfter?: number;
}

export interface AssignmentResult {
  /** 1 for every graph edge in the optimal b-matching. */
  edgeUsed: Uint8Array;
  u: Float64Array;
  v: Float64Array;
}

export function minCostAssignment(input: AssignmentInput): AssignmentResult {
  const { graph, supply, capacity } = input;
  const state = new AssignmentState(graph, supply, capacity);
  // When left nodes reach a sizeable share of all right nodes, relaxations vastly outnumber pops
  // and a linear scan for the minimum beats a heap.
  const dense = graph.right.length >= (graph.leftCount * graph.rightCount) / 8;
  const makeQueue: MinQueueFactory = dense ? (size, key) => new LinearMinQueue(size, key) : (size, key) => new IndexedMinHeap(size, key);
  const search = new AugmentingSearch(state, makeQueue);
  const repriceAfter = input.repriceAfter ?? graph.right.length + graph.leftCount + graph.rightCount;
  // Built on first need only: easy problems never pay for the reverse adjacency.
  let repricer: Repricer | null = null;
  for (let l = 0; l < graph.leftCount; l++) {
    const units = state.leftStart[l + 1] - state.leftStart[l];
    while (state.assigned[l] < units) {
      if (search.work > repriceAfter) {
        repricer ??= new Repricer(state, makeQueue);
        repricer.reprice();
        search.work = 0;
      }
      if (!search.placeUnit(l)) break;
    }
  }
  return { edgeUsed: state.edgeUsed, u: state.u, v: state.v };
}
