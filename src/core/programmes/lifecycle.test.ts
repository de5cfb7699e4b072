import { describe, expect, it } from "vitest";
import { DEFAULT_MENTORING_CONTENT } from "./default-content.js";
import { allowedTransitions, transitionProblem } from "./lifecycle.js";
import { defaultPhases, phasesProblem, termWeeks } from "./phases.js";

describe("programme lifecycle", () => {
  it("moves forward through the journey and can be archived from anywhere", () => {
    expect(transitionProblem("draft", "open")).toBeNull();
    expect(transitionProblem("open", "matching")).toBeNull();
    expect(transitionProblem("matching", "running")).toBeNull();
    expect(transitionProblem("running", "completed")).toBeNull();
    for (const s of ["draft", "open", "matching", "running", "completed"] as const) expect(allowedTransitions(s)).toContain("archived");
  });

  it("explains refused transitions", () => {
    expect(transitionProblem("draft", "running")).toBe("A draft programme cannot become running; it can become open.");
    expect(transitionProblem("completed", "running")).toBe("A completed programme cannot become running.");
    expect(transitionProblem("archived", "open")).toMatch(/Restore/);
    expect(transitionProblem("open", "open")).toMatch(/already open/);
  });
});

describe("phases", () => {
  it("split a 12-week term into three consecutive phases", () => {
    expect(defaultPhases(12)).toEqual([
      { name: "Getting to know each other", startWeek: 1, endWeek: 2 },
      { name: "Working on goals", startWeek: 3, endWeek: 10 },
      { name: "Reflecting and revising", startWeek: 11, endWeek: 12 },
    ]);
    for (const weeks of [3, 6, 12, 26]) expect(phasesProblem(defaultPhases(weeks), weeks)).toBeNull();
  });

  it("refuse gaps, overlaps and a wrong end", () => {
    expect(
      phasesProblem(
        [
          { name: "A", startWeek: 1, endWeek: 3 },
          { name: "B", startWeek: 5, endWeek: 12 },
        ],
        12,
      ),
    ).toMatch(/start in week 4/);
    expect(phasesProblem([{ name: "A", startWeek: 1, endWeek: 10 }], 12)).toMatch(/end in week 10/);
  });

  it("count term weeks from the dates", () => {
    expect(termWeeks("2026-11-30", "2027-02-21")).toBe(12);
    expect(termWeeks("2026-11-30", "2026-11-30")).toBe(1);
  });
});

describe("default content", () => {
  it("has one resource per side for each of the 12 weeks", () => {
    expect(DEFAULT_MENTORING_CONTENT).toHaveLength(24);
    for (let week = 1; week <= 12; week++) {
      expect(
        DEFAULT_MENTORING_CONTENT.filter((r) => r.week === week)
          .map((r) => r.audience)
          .sort(),
      ).toEqual(["mentee", "mentor"]);
    }
  });
});
