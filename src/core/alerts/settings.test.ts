import { describe, expect, it } from "vitest";
import { checkInPlanProblem, defaultCheckInPlan } from "./settings.js";

describe("the check-in plan", () => {
  it("defaults to weeks 2, 6 and 10 of a 12-week term, scaled to other lengths", () => {
    expect(defaultCheckInPlan(12).map((p) => p.week)).toEqual([2, 6, 10]);
    expect(defaultCheckInPlan(24).map((p) => p.week)).toEqual([4, 12, 20]);
    expect(defaultCheckInPlan(6).map((p) => p.week)).toEqual([1, 3, 5]);
    expect(defaultCheckInPlan(1).map((p) => p.week)).toEqual([1]);
  });

  it("refuses weeks outside the term and a week planned twice", () => {
    expect(checkInPlanProblem([{ week: 13, with: "both" }], 12)).toBe("The term has 12 weeks; a check-in in week 13 falls outside it.");
    expect(
      checkInPlanProblem(
        [
          { week: 2, with: "both" },
          { week: 2, with: "mentee" },
        ],
        12,
      ),
    ).toBe("Week 2 is planned twice.");
    expect(checkInPlanProblem([], 12)).toBeNull();
  });
});
