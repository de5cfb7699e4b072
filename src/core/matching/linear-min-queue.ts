import type { MinQueue } from "./indexed-min-heap.js";

/**
 * Min-queue for dense graphs: O(1) insert and decrease, O(size) to find the minimum. When every
 * left node reaches most right nodes, a search does many more relaxations than pops, and this
 * beats a heap's O(log n) per relaxation. Same order as the heap: by key, then by id.
 */
export class LinearMinQueue implements MinQueue {
  private readonly items: Int32Array;
  private readonly pos: Int32Array;
  /** Index in `items` of the minimum, or -1 when it must be looked for again. */
  private minAt = -1;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.items = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  pushOrDecrease(id: number): void {
    let i = this.pos[id];
    if (i < 0) {
      i = this.size++;
      this.items[i] = id;
      this.pos[id] = i;
    }
    if (this.minAt >= 0 && this.less(id, this.items[this.minAt])) this.minAt = i;
    else if (this.size === 1) this.minAt = 0;
  }

  peekKey(): number {
    return this.key[this.items[this.findMin()]];
  }

  pop(): number {
    const at = this.findMin();
    const id = this.items[at];
    const last = this.items[--this.size];
    this.items[at] = last;
    this.pos[last] = at;
    this.pos[id] = -1;
    this.minAt = -1;
    return id;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.items[i]] = -1;
    this.size = 0;
    this.minAt = -1;
  }

  private findMin(): number {
    if (this.minAt < 0) {
      let best = 0;
      for (let i = 1; i < this.size; i++) if (this.less(this.items[i], this.items[best])) best = i;
      this.minAt = best;
    }
    return this.minAt;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }
}
