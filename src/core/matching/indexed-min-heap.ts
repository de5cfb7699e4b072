/** A priority queue of node ids keyed by an external array (the search's distances). */
export interface MinQueue {
  readonly size: number;
  /** Inserts `id`, or restores order after its key decreased. */
  pushOrDecrease(id: number): void;
  peekKey(): number;
  pop(): number;
  /** Empties the queue in O(size), ready for the next search. */
  clear(): void;
}

export type MinQueueFactory = (capacity: number, key: Float64Array) => MinQueue;

/**
 * Binary min-heap of node ids keyed by an external Float64Array, with decrease-key.
 * Equal keys pop in id order so that every search, and therefore every result, is
 * reproducible and prefers lower indices on ties.
 */
export class IndexedMinHeap implements MinQueue {
  private readonly heap: Int32Array;
  /** Position of each id in `heap`, -1 when absent. */
  private readonly pos: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  peekKey(): number {
    return this.key[this.heap[0]];
  }

  pushOrDecrease(id: number): void {
    let i = this.pos[id];
    if (i < 0) {
      i = this.size++;
      this.heap[i] = id;
      this.pos[id] = i;
    }
    this.siftUp(i);
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    this.pos[top] = -1;
    const last = heap[--this.size];
    if (this.size > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]] = -1;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const id = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!this.less(id, p)) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = id;
    pos[id] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const n = this.size;
    const id = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(heap[child + 1], heap[child])) child++;
      const c = heap[child];
      if (!this.less(c, id)) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = id;
    pos[id] = i;
  }
}
