import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexedMinHeap, type MinQueueFactory } from "./indexed-min-heap.js";
import { LinearMinQueue } from "./linear-min-queue.js";

type Op = { kind: "offer"; id: number; key: number } | { kind: "pop" } | { kind: "clear" };

const ops = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("offer" as const), id: fc.nat(15), key: fc.integer({ min: 0, max: 6 }) }) },
    { weight: 2, arbitrary: fc.constant({ kind: "pop" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "clear" as const }) },
  ),
  { maxLength: 80 },
);

/** Runs the operations the way the searches do (keys only ever decrease while queued) and records pops. */
function run(make: MinQueueFactory, sequence: Op[]): number[] {
  const key = new Float64Array(16);
  const queued = new Set<number>();
  const queue = make(16, key);
  const popped: number[] = [];
  for (const op of sequence) {
    if (op.kind === "offer") {
      if (queued.has(op.id) && op.key >= key[op.id]) continue;
      key[op.id] = op.key;
      queued.add(op.id);
      queue.pushOrDecrease(op.id);
    } else if (op.kind === "pop") {
      if (queue.size === 0) continue;
      const peek = queue.peekKey();
      const id = queue.pop();
      expect(key[id]).toBe(peek);
      queued.delete(id);
      popped.push(id);
    } else {
      queue.clear();
      queued.clear();
    }
    expect(queue.size).toBe(queued.size);
  }
  return popped;
}

/** The order both queues promise: smallest key first, then smallest id. */
function reference(sequence: Op[]): number[] {
  const key = new Map<number, number>();
  const popped: number[] = [];
  for (const op of sequence) {
    if (op.kind === "offer") {
      const known = key.get(op.id);
      if (known === undefined || op.key < known) key.set(op.id, op.key);
    } else if (op.kind === "pop") {
      if (key.size === 0) continue;
      const [id] = [...key].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
      key.delete(id);
      popped.push(id);
    } else {
      key.clear();
    }
  }
  return popped;
}

describe.each([
  ["IndexedMinHeap", (n: number, key: Float64Array) => new IndexedMinHeap(n, key)],
  ["LinearMinQueue", (n: number, key: Float64Array) => new LinearMinQueue(n, key)],
] as const)("%s", (_, make) => {
  it("pops by key, then by id, through inserts, decreases and clears", () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        expect(run(make, sequence)).toEqual(reference(sequence));
      }),
      { numRuns: 500 },
    );
  });
});
