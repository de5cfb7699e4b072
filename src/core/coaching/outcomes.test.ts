import { describe, expect, it } from "vitest";
import { agreementProblems, completionProblem, fullyAgreed } from "./completion.js";
import { groupAverages, type Measurement, outcomeResult, phaseProblem, phaseValue, targetMet, valueProblem } from "./outcomes.js";

const rubric = { kind: "rubric" as const, anchors: { low: "Avoids it", mid: "Does it when asked", high: "Leads it" } };
const count = { kind: "number" as const, unit: "PRs reviewed per week" };

describe("measuring an outcome", () => {
  it("takes whole ratings from 1 to 10 on a rubric, and numbers with two decimals at most", () => {
    expect(valueProblem(rubric, 7)).toBeNull();
    expect(valueProblem(rubric, 0)).toMatch(/1 to 10/);
    expect(valueProblem(rubric, 11)).toMatch(/1 to 10/);
    expect(valueProblem(rubric, 6.5)).toMatch(/whole number/);
    expect(valueProblem(count, 12.25)).toBeNull();
    expect(valueProblem(count, 1.234)).toMatch(/two decimal/);
    expect(valueProblem(count, Number.NaN)).toMatch(/number/);
  });

  it("averages each rater group, and counts each group once in the outcome's value", () => {
    const ms: Measurement[] = [
      { phase: "baseline", group: "coachee", value: 4 },
      { phase: "baseline", group: "stakeholders", value: 2 },
      { phase: "baseline", group: "stakeholders", value: 3 },
      { phase: "baseline", group: "stakeholders", value: 4 },
      { phase: "final", group: "coach", value: 8 },
    ];
    expect(groupAverages(ms, "baseline")).toEqual([
      { group: "coachee", count: 1, average: 4 },
      { group: "stakeholders", count: 3, average: 3 },
    ]);
    // (4 + 3) / 2, not (4 + 2 + 3 + 4) / 4
    expect(phaseValue(ms, "baseline")).toBe(3.5);
    expect(phaseValue(ms, "midpoint")).toBeNull();
  });

  it("meets a target upwards for 'higher is better' and downwards for 'lower is better'", () => {
    expect(targetMet("higher", 8, 8)).toBe(true);
    expect(targetMet("higher", 8, 7.5)).toBe(false);
    expect(targetMet("lower", 2, 2)).toBe(true);
    expect(targetMet("lower", 2, 3)).toBe(false);
    expect(targetMet("lower", 2, null)).toBeNull();
    expect(targetMet("higher", null, 9)).toBeNull();
  });

  it("shows baseline, target, final and whether the target was met", () => {
    const result = outcomeResult({ direction: "lower", target: 3 }, [
      { phase: "baseline", group: "coachee", value: 9 },
      { phase: "final", group: "coachee", value: 2 },
      { phase: "final", group: "sponsor", value: 3 },
    ]);
    expect(result).toMatchObject({ baseline: 9, target: 3, final: 2.5, midpoint: null, targetMet: true });
    expect(result.byPhase.map((p) => p.phase)).toEqual(["baseline", "final"]);
  });

  it("takes baselines until the final and the mid-point and final only once agreed", () => {
    expect(phaseProblem("baseline", { agreed: false, hasFinal: false })).toBeNull();
    expect(phaseProblem("baseline", { agreed: true, hasFinal: true })?.code).toBe("baseline_closed");
    expect(phaseProblem("final", { agreed: false, hasFinal: false })?.code).toBe("outcomes_not_agreed");
    expect(phaseProblem("midpoint", { agreed: true, hasFinal: false })).toBeNull();
  });
});

describe("agreeing and completing", () => {
  it("needs a target and a baseline on every outcome before it can be agreed", () => {
    expect(agreementProblems([])).toEqual([{ outcomeId: null, message: "Add at least one outcome to agree on." }]);
    expect(
      agreementProblems([
        { id: "a", title: "Review", target: 8, baseline: 3 },
        { id: "b", title: "Speak up", target: null, baseline: null },
      ]).map((p) => p.outcomeId),
    ).toEqual(["b", "b"]);
  });

  it("waits for the sponsor only when there is one", () => {
    expect(fullyAgreed({ coach: true, coachee: true, sponsor: null })).toBe(true);
    expect(fullyAgreed({ coach: true, coachee: true, sponsor: false })).toBe(false);
    expect(fullyAgreed({ coach: true, coachee: false, sponsor: true })).toBe(false);
  });

  it("refuses completion naming each outcome still missing its final, and allows it when none is", () => {
    const missing = completionProblem(
      [
        { id: "a", title: "Review well", final: 8 },
        { id: "b", title: "Speak up", final: null },
        { id: "c", title: "Delegate", final: null },
      ],
      true,
    );
    expect(missing?.code).toBe("finals_missing");
    expect(missing?.missing).toEqual([
      { id: "b", title: "Speak up" },
      { id: "c", title: "Delegate" },
    ]);
    expect(missing?.message).toContain('"Speak up", "Delegate"');
    expect(completionProblem([{ id: "a", title: "Review well", final: 8 }], true)).toBeNull();
    expect(completionProblem([], true)?.code).toBe("no_outcomes");
    expect(completionProblem([{ id: "a", title: "x", final: 1 }], false)?.code).toBe("outcomes_not_agreed");
  });
});
