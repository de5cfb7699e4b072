/**
 * The comparison key of a skill name or alias: what "React JS", "react.js" and " ReactJS " have in
 * common. Accents, case, spaces and punctuation go; the symbols that tell skills apart are spelled
 * out first, so "C", "C#" and "C++" stay distinct ("c", "csharp", "cplusplus").
 */
export function skillKey(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/#/g, "sharp")
    .replace(/\+/g, "plus")
    .replace(/&/g, "and")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Trailing words people add to a skill ("Python programming", "Java developer") that never change
 * which skill they mean. Longest first, so "programminglanguage" goes before "language".
 */
const FILLER_SUFFIXES = ["programminglanguage", "programming", "development", "developer", "language", "framework", "dev"];

const MAX_FILLERS = 2;

function stripFillers(key: string): string {
  let stem = key;
  for (let round = 0; round < MAX_FILLERS; round++) {
    const suffix = FILLER_SUFFIXES.find((s) => stem.length > s.length && stem.endsWith(s));
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/** "python3" → "python", "java17" → "java"; keys that are only digits, or end in a letter, are kept. */
function stripVersion(key: string): string {
  const stem = key.replace(/\d+$/, "");
  return stem.length > 0 ? stem : key;
}

/**
 * The keys to try, in order, when a key has no exact match: without a version number, without
 * filler words, and with or without a "js" suffix ("Vue 3" → "vue", "Next" → "nextjs").
 * Never includes `key` itself, never repeats, never yields an empty key.
 */
export function fallbackKeys(key: string): string[] {
  const stems = [key, stripVersion(key)];
  for (const stem of [...stems]) {
    const plain = stripFillers(stem);
    stems.push(plain, stripVersion(plain));
  }
  const out: string[] = [];
  const seen = new Set([key]);
  const add = (candidate: string) => {
    if (candidate.length === 0 || seen.has(candidate)) return;
    seen.add(candidate);
    out.push(candidate);
  };
  for (const stem of stems) {
    add(stem);
    if (stem.endsWith("js") && stem.length > 2) add(stem.slice(0, -2));
    else add(`${stem}js`);
  }
  return out;
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where a transposition is one edit and no
 * substring is edited twice), or `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let twoAgo = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, twoAgo[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [twoAgo, previous, current] = [previous, current, twoAgo];
  }
  return previous[b.length];
}
