import type { EdgeTuple, MatchProblem, MentorSpec, PairTuple } from "./problem.js";

export type ValidationResult = { ok: true; problem: MatchProblem } | { ok: false; errors: string[] };

/**
 * Scores beyond this magnitude are refused: sums of a few thousand of them must still be exact to
 * well below one point in a double, and no sensible scoring produces them.
 */
export const MAX_ABS_SCORE = 1e9;

/** Enough to fix a file in one go without flooding a terminal. */
const MAX_ERRORS = 20;

const KNOWN_FIELDS = new Set(["mentees", "mentors", "edges", "locked", "excluded"]);

class ErrorList {
  readonly messages: string[] = [];
  private dropped = 0;

  add(message: string): void {
    if (this.messages.length < MAX_ERRORS) this.messages.push(message);
    else this.dropped++;
  }

  get count(): number {
    return this.messages.length + this.dropped;
  }

  finish(): string[] {
    return this.dropped > 0 ? [...this.messages, `... and ${this.dropped} more errors`] : this.messages;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

const show = (x: unknown): string => {
  if (typeof x === "number") return String(x);
  if (typeof x === "string") return JSON.stringify(x);
  if (Array.isArray(x)) return "an array";
  return x === null ? "null" : typeof x;
};

/**
 * Checks a problem that came from outside (a file, an API body) and returns it typed, or every
 * problem found, each message naming the offending field by its path.
 */
export function validateMatchProblem(input: unknown): ValidationResult {
  const errors = new ErrorList();
  if (!isRecord(input)) {
    return { ok: false, errors: [`problem must be a JSON object, got ${show(input)}`] };
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(key)) errors.add(`unknown field "${key}" (expected ${[...KNOWN_FIELDS].join(", ")})`);
  }
  const mentees = checkIds(input.mentees, "mentees", errors);
  const mentors = checkMentors(input.mentors, errors);
  // Edges can still be checked against the list lengths when some entries are bad, so that one
  // run reports as much as possible.
  if (!Array.isArray(input.mentees) || !Array.isArray(input.mentors)) return { ok: false, errors: errors.finish() };
  const menteeCount = input.mentees.length;
  const mentorCount = input.mentors.length;

  const edgeAt = new Map<number, number>();
  const key = (e: number, m: number) => e * mentorCount + m;
  const edges = checkList(input.edges, "edges", errors, (item, path, index) => {
    if (!Array.isArray(item) || item.length !== 3) {
      errors.add(`${path} must be [menteeIndex, mentorIndex, score], got ${show(item)}`);
      return null;
    }
    const [e, m, score] = item as unknown[];
    const okE = checkIndex(e, menteeCount, `${path}[0] (mentee index)`, errors);
    const okM = checkIndex(m, mentorCount, `${path}[1] (mentor index)`, errors);
    if (typeof score !== "number" || !Number.isFinite(score)) {
      errors.add(`${path}[2] (score) must be a finite number, got ${show(score)}`);
      return null;
    }
    if (Math.abs(score) > MAX_ABS_SCORE) {
      errors.add(`${path}[2] (score) must be between -${MAX_ABS_SCORE} and ${MAX_ABS_SCORE}, got ${score}`);
      return null;
    }
    if (!okE || !okM) return null;
    const first = edgeAt.get(key(e as number, m as number));
    if (first !== undefined) {
      errors.add(`${path} repeats the pair (${e}, ${m}) already given at edges[${first}]`);
      return null;
    }
    edgeAt.set(key(e as number, m as number), index);
    return [e, m, score] as EdgeTuple;
  });

  const checkPair = (item: unknown, path: string) => {
    if (!Array.isArray(item) || item.length !== 2) {
      errors.add(`${path} must be [menteeIndex, mentorIndex], got ${show(item)}`);
      return null;
    }
    const okE = checkIndex(item[0], menteeCount, `${path}[0] (mentee index)`, errors);
    const okM = checkIndex(item[1], mentorCount, `${path}[1] (mentor index)`, errors);
    return okE && okM ? ([item[0], item[1]] as PairTuple) : null;
  };
  const excluded = input.excluded === undefined ? [] : checkList(input.excluded, "excluded", errors, checkPair);
  const locked = input.locked === undefined ? [] : checkList(input.locked, "locked", errors, checkPair);
  if (mentees === null || mentors === null || edges === null || excluded === null || locked === null || errors.count > 0) {
    return { ok: false, errors: errors.finish() };
  }

  const excludedKeys = new Set(excluded.map(([e, m]) => key(e, m)));
  const lockedAt = new Map<number, number>();
  const lockedPerMentor = new Int32Array(mentorCount);
  locked.forEach(([e, m], i) => {
    const path = `locked[${i}]`;
    if (!edgeAt.has(key(e, m))) errors.add(`${path}: mentee ${e} and mentor ${m} are not an allowed pair (not in edges)`);
    if (excludedKeys.has(key(e, m))) errors.add(`${path}: the pair (${e}, ${m}) is also excluded`);
    const earlier = lockedAt.get(e);
    if (earlier !== undefined) errors.add(`${path}: mentee ${e} is already locked at locked[${earlier}]`);
    else lockedAt.set(e, i);
    lockedPerMentor[m]++;
  });
  mentors.forEach((mentor, m) => {
    if (lockedPerMentor[m] > mentor.capacity) {
      errors.add(`mentor ${m} ("${mentor.id}") has ${lockedPerMentor[m]} locked pairs but capacity ${mentor.capacity}`);
    }
  });
  if (errors.count > 0) return { ok: false, errors: errors.finish() };
  return { ok: true, problem: { mentees, mentors, edges, locked, excluded } };
}

/** Parses problem-file text: JSON syntax errors and shape errors come back the same way. */
export function parseMatchProblem(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  return validateMatchProblem(value);
}

function checkList<T>(
  value: unknown,
  name: string,
  errors: ErrorList,
  checkItem: (item: unknown, path: string, index: number) => T | null,
): T[] | null {
  if (!Array.isArray(value)) {
    errors.add(value === undefined ? `missing field "${name}" (an array)` : `${name} must be an array, got ${show(value)}`);
    return null;
  }
  const out: T[] = [];
  let failed = false;
  value.forEach((item, i) => {
    const checked = checkItem(item, `${name}[${i}]`, i);
    if (checked === null) failed = true;
    else out.push(checked);
  });
  return failed ? null : out;
}

function checkIds(value: unknown, name: string, errors: ErrorList): string[] | null {
  const seen = new Map<string, number>();
  return checkList(value, name, errors, (item, path, index) => {
    if (typeof item !== "string" || item.length === 0) {
      errors.add(`${path} must be a non-empty string id, got ${show(item)}`);
      return null;
    }
    const first = seen.get(item);
    if (first !== undefined) {
      errors.add(`${path}: id "${item}" is already used by ${name}[${first}]`);
      return null;
    }
    seen.set(item, index);
    return item;
  });
}

function checkMentors(value: unknown, errors: ErrorList): MentorSpec[] | null {
  const seen = new Map<string, number>();
  return checkList(value, "mentors", errors, (item, path, index) => {
    if (!isRecord(item)) {
      errors.add(`${path} must be an object { "id": string, "capacity": integer }, got ${show(item)}`);
      return null;
    }
    const { id, capacity } = item;
    let ok = true;
    if (typeof id !== "string" || id.length === 0) {
      errors.add(`${path}.id must be a non-empty string, got ${show(id)}`);
      ok = false;
    } else if (seen.has(id)) {
      errors.add(`${path}.id "${id}" is already used by mentors[${seen.get(id)}]`);
      ok = false;
    } else {
      seen.set(id, index);
    }
    if (typeof capacity !== "number" || !Number.isInteger(capacity) || capacity < 0) {
      errors.add(`${path}.capacity must be an integer >= 0, got ${show(capacity)}`);
      ok = false;
    }
    return ok ? { id: id as string, capacity: capacity as number } : null;
  });
}

function checkIndex(value: unknown, count: number, path: string, errors: ErrorList): boolean {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= count) {
    const range = count === 0 ? "there are none" : `expected an integer 0..${count - 1}`;
    errors.add(`${path} is out of range: got ${show(value)}, ${range}`);
    return false;
  }
  return true;
}
