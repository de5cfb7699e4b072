/**
 * Connected components of the mentee–mentor graph (mentee e is node e, mentor m is node
 * menteeCount + m), by union–find over the edges not skipped. Returns a component label per
 * node; labels are dense, numbered in order of first appearance.
 */
export function connectedComponents(
  menteeCount: number,
  mentorCount: number,
  edgeMentee: Int32Array,
  edgeMentor: Int32Array,
  skip: Uint8Array,
): { label: Int32Array; count: number } {
  const parent = new Int32Array(menteeCount + mentorCount);
  for (let x = 0; x < parent.length; x++) parent[x] = x;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < edgeMentee.length; i++) {
    if (skip[i] === 1) continue;
    const a = find(edgeMentee[i]);
    const b = find(menteeCount + edgeMentor[i]);
    // Attaching the higher root under the lower keeps labels independent of edge order.
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }
  const label = new Int32Array(parent.length).fill(-1);
  let count = 0;
  for (let x = 0; x < parent.length; x++) {
    const root = find(x);
    if (label[root] < 0) label[root] = count++;
    label[x] = label[root];
  }
  return { label, count };
}
