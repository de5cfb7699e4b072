import { describe, expect, it } from "vitest";
import { packProblem } from "./pack-problem.js";
import { AVOID_POINTS, PICK_POINTS, PREFER_POINTS, preferencePoints, type StatedPreferences } from "./preferences.js";
import { solveMatching } from "./solve.js";

const prefs = (over: Partial<StatedPreferences> = {}): StatedPreferences => ({
  menteePicks: new Map(),
  mentorPrefers: new Map(),
  mentorAvoids: new Map(),
  ...over,
});

describe("stated preferences", () => {
  it("reward a mentee's picks by rank and a mentor's wish, and penalise an avoided pair", () => {
    const p = prefs({
      menteePicks: new Map([["e1", ["m2", "m1", "m3", "m4"]]]),
      mentorPrefers: new Map([["m1", new Set(["e1"])]]),
      mentorAvoids: new Map([["m9", new Set(["e1"])]]),
    });
    expect(preferencePoints("e1", "m2", p).points).toBe(PICK_POINTS[0]);
    expect(preferencePoints("e1", "m1", p)).toEqual({
      points: PICK_POINTS[1] + PREFER_POINTS,
      reasons: ["The mentee's pick number 2", "The mentor asked to support this mentee"],
    });
    expect(preferencePoints("e1", "m4", p).points).toBe(PICK_POINTS[2]);
    expect(preferencePoints("e1", "m9", p).points).toBe(AVOID_POINTS);
    expect(preferencePoints("e2", "m2", p)).toEqual({ points: 0, reasons: [] });
  });

  it("change who is paired when scores are close, but never cost a mentee their match", () => {
    // Two mentees, two single-place mentors; on fit alone the best total pairs e0-m1 and e1-m0.
    const base = [
      [0, 0, 80],
      [0, 1, 78],
      [1, 0, 81],
      [1, 1, 77],
    ] as const;
    const solve = (adjust: (e: number, m: number) => number) =>
      solveMatching(
        packProblem({
          mentees: ["e0", "e1"],
          mentors: [
            { id: "m0", capacity: 1 },
            { id: "m1", capacity: 1 },
          ],
          edges: base.map(([e, m, s]) => [e, m, s + adjust(e, m)] as const),
        }),
      );
    const without = solve(() => 0);
    const p = prefs({ menteePicks: new Map([["e1", ["m1"]]]), mentorAvoids: new Map([["m0", new Set(["e1"])]]) });
    const ids = ["e0", "e1"];
    const mentorIds = ["m0", "m1"];
    const withPrefs = solve((e, m) => preferencePoints(ids[e], mentorIds[m], p).points);
    expect(withPrefs.matched).toBe(2);
    expect(Array.from(withPrefs.mentorOf)).toEqual([0, 1]);
    expect(Array.from(without.mentorOf)).toEqual([1, 0]);
    // An avoided pair is still used when it is the only way to match the mentee.
    const only = solveMatching(packProblem({ mentees: ["e1"], mentors: [{ id: "m0", capacity: 1 }], edges: [[0, 0, 50 + AVOID_POINTS]] }));
    expect(only.matched).toBe(1);
  });
});
