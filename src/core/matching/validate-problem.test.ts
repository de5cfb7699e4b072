import { describe, expect, it } from "vitest";
import { parseMatchProblem, validateMatchProblem } from "./validate-problem.js";

const valid = {
  mentees: ["e1", "e2"],
  mentors: [{ id: "m1", capacity: 2 }],
  edges: [
    [0, 0, 87.5],
    [1, 0, 12],
  ],
};

const errorsOf = (value: unknown): string[] => {
  const result = validateMatchProblem(value);
  return result.ok ? [] : result.errors;
};

describe("validateMatchProblem", () => {
  it("accepts the documented example and returns it typed", () => {
    const result = validateMatchProblem(valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.problem.edges).toEqual(valid.edges);
  });

  it("rejects non-objects and missing fields", () => {
    expect(errorsOf([])).toEqual(["problem must be a JSON object, got an array"]);
    expect(errorsOf({ mentees: [] })).toEqual([
      'missing field "mentors" (an array)',
      // edges are only looked at once mentees and mentors are usable
    ]);
    expect(errorsOf({ ...valid, edges: undefined })).toEqual(['missing field "edges" (an array)']);
  });

  it("names unknown fields, which are usually typos", () => {
    expect(errorsOf({ ...valid, lock: [] })).toEqual(['unknown field "lock" (expected mentees, mentors, edges, locked, excluded)']);
  });

  it("reports bad mentee and mentor entries by path", () => {
    expect(errorsOf({ ...valid, mentees: ["e1", ""] })).toEqual(['mentees[1] must be a non-empty string id, got ""']);
    expect(errorsOf({ ...valid, mentees: ["e1", "e1"] })).toEqual(['mentees[1]: id "e1" is already used by mentees[0]']);
    expect(errorsOf({ ...valid, mentors: [{ id: "m1", capacity: -1 }] })).toEqual(["mentors[0].capacity must be an integer >= 0, got -1"]);
    expect(errorsOf({ ...valid, mentors: [{ id: "m1", capacity: 1.5 }] })).toEqual([
      "mentors[0].capacity must be an integer >= 0, got 1.5",
    ]);
    expect(errorsOf({ ...valid, mentors: [{ capacity: 1 }] })).toEqual(["mentors[0].id must be a non-empty string, got undefined"]);
  });

  it("reports bad edges: shape, indices, scores, duplicates", () => {
    expect(errorsOf({ ...valid, edges: [[0, 0]] })).toEqual(["edges[0] must be [menteeIndex, mentorIndex, score], got an array"]);
    expect(errorsOf({ ...valid, edges: [[2, 0, 1]] })).toEqual([
      "edges[0][0] (mentee index) is out of range: got 2, expected an integer 0..1",
    ]);
    expect(errorsOf({ ...valid, edges: [[0, -1, 1]] })).toEqual([
      "edges[0][1] (mentor index) is out of range: got -1, expected an integer 0..0",
    ]);
    expect(errorsOf({ ...valid, edges: [[0.5, 0, 1]] })).toEqual([
      "edges[0][0] (mentee index) is out of range: got 0.5, expected an integer 0..1",
    ]);
    expect(errorsOf({ ...valid, edges: [[0, 0, Number.NaN]] })).toEqual(["edges[0][2] (score) must be a finite number, got NaN"]);
    expect(errorsOf({ ...valid, edges: [[0, 0, Number.POSITIVE_INFINITY]] })).toEqual([
      "edges[0][2] (score) must be a finite number, got Infinity",
    ]);
    expect(errorsOf({ ...valid, edges: [[0, 0, "3"]] })).toEqual(['edges[0][2] (score) must be a finite number, got "3"']);
    expect(errorsOf({ ...valid, edges: [[0, 0, 2e9]] })).toEqual([
      "edges[0][2] (score) must be between -1000000000 and 1000000000, got 2000000000",
    ]);
    expect(
      errorsOf({
        ...valid,
        edges: [
          [0, 0, 1],
          [1, 0, 2],
          [0, 0, 3],
        ],
      }),
    ).toEqual(["edges[2] repeats the pair (0, 0) already given at edges[0]"]);
  });

  it("checks locked and excluded pairs against the edges and capacities", () => {
    expect(errorsOf({ ...valid, excluded: [[0, 3]] })).toEqual([
      "excluded[0][1] (mentor index) is out of range: got 3, expected an integer 0..0",
    ]);
    expect(errorsOf({ ...valid, edges: [[0, 0, 1]], locked: [[1, 0]] })).toEqual([
      "locked[0]: mentee 1 and mentor 0 are not an allowed pair (not in edges)",
    ]);
    expect(errorsOf({ ...valid, locked: [[0, 0]], excluded: [[0, 0]] })).toEqual(["locked[0]: the pair (0, 0) is also excluded"]);
    expect(
      errorsOf({
        ...valid,
        mentors: [{ id: "m1", capacity: 1 }],
        locked: [
          [0, 0],
          [1, 0],
        ],
      }),
    ).toEqual(['mentor 0 ("m1") has 2 locked pairs but capacity 1']);
    expect(
      errorsOf({
        ...valid,
        mentors: [
          { id: "m1", capacity: 1 },
          { id: "m2", capacity: 1 },
        ],
        edges: [
          [0, 0, 1],
          [0, 1, 1],
        ],
        locked: [
          [0, 0],
          [0, 1],
        ],
      }),
    ).toEqual(["locked[1]: mentee 0 is already locked at locked[0]"]);
  });

  it("still checks edges when some mentor entries are bad", () => {
    expect(errorsOf({ mentees: ["a"], mentors: [{ id: "m", capacity: -1 }], edges: [[0, 3, 1]] })).toEqual([
      "mentors[0].capacity must be an integer >= 0, got -1",
      "edges[0][1] (mentor index) is out of range: got 3, expected an integer 0..0",
    ]);
  });

  it("caps a flood of errors at twenty lines plus a count", () => {
    const edges = Array.from({ length: 30 }, () => [9, 0, 1]);
    const errors = errorsOf({ ...valid, edges });
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe("... and 10 more errors");
  });
});

describe("parseMatchProblem", () => {
  it("turns JSON syntax errors into a message", () => {
    const result = parseMatchProblem("{ mentees: ");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^not valid JSON: /);
  });

  it("treats 1e999 (parsed as Infinity) as a bad score", () => {
    const result = parseMatchProblem('{"mentees":["a"],"mentors":[{"id":"m","capacity":1}],"edges":[[0,0,1e999]]}');
    expect(result.ok ? [] : result.errors).toEqual(["edges[0][2] (score) must be a finite number, got Infinity"]);
  });
});
