import { describe, expect, it } from "vitest";
import { currentOccasion, describeSchedule, pairOccasion, termOccasions } from "./schedule.js";

const term = { termStart: "2027-01-04", termEnd: "2027-03-28" }; // 12 weeks from a Monday

describe("survey schedules by programme week", () => {
  it("sends a fortnightly pulse from week 2 on the first day of weeks 2, 4 … 12", () => {
    const o = termOccasions({ kind: "every", everyWeeks: 2, fromWeek: 2 }, term);
    expect(o.map((x) => [x.key, x.opensOn])).toEqual([
      ["w2", "2027-01-11"],
      ["w4", "2027-01-25"],
      ["w6", "2027-02-08"],
      ["w8", "2027-02-22"],
      ["w10", "2027-03-08"],
      ["w12", "2027-03-22"],
    ]);
  });

  it("places the mid-point, the last week and a survey N weeks after the end", () => {
    expect(termOccasions({ kind: "midpoint" }, term)).toEqual([{ key: "w7", opensOn: "2027-02-15", week: 7 }]);
    expect(termOccasions({ kind: "end" }, term)).toEqual([{ key: "end", opensOn: "2027-03-22", week: 12 }]);
    expect(termOccasions({ kind: "after_end", weeks: 4 }, term)).toEqual([{ key: "after-end+4", opensOn: "2027-04-25", week: null }]);
    expect(termOccasions({ kind: "week", week: 13 }, term)).toEqual([]);
    expect(termOccasions({ kind: "manual" }, term)).toEqual([]);
  });

  it("follows each pair's own start and end", () => {
    const pair = { id: "p1", startedOn: "2027-02-01", endedOn: null };
    expect(pairOccasion({ kind: "after_pair_start", weeks: 3 }, pair, term)).toEqual({
      key: "pair:p1:start+3",
      opensOn: "2027-02-22",
      week: 8,
      relationshipId: "p1",
    });
    expect(pairOccasion({ kind: "after_pair_end", weeks: 0 }, pair, term)).toBeNull();
    expect(pairOccasion({ kind: "after_pair_end", weeks: 0 }, { ...pair, endedOn: "2027-03-28" }, term)?.opensOn).toBe("2027-03-28");
  });

  it("sends only the latest occasion still open, never a past one late", () => {
    const occasions = termOccasions({ kind: "every", everyWeeks: 2, fromWeek: 2 }, term);
    const at = (o: { opensOn: string }) => new Date(`${o.opensOn}T08:00:00Z`);
    expect(currentOccasion(occasions, at, 7, new Date("2027-01-25T07:59:00Z"))).toBeNull(); // w2 closed, w4 not yet open
    expect(currentOccasion(occasions, at, 7, new Date("2027-01-25T08:00:00Z"))?.key).toBe("w4");
    expect(currentOccasion(occasions, at, 7, new Date("2027-01-30T12:00:00Z"))?.key).toBe("w4");
    expect(currentOccasion(occasions, at, 7, new Date("2027-02-01T08:00:00Z"))).toBeNull();
  });

  it("reads in plain words", () => {
    expect(describeSchedule({ kind: "every", everyWeeks: 2, fromWeek: 2 })).toBe("Every 2 weeks from week 2");
    expect(describeSchedule({ kind: "midpoint" }, 12)).toBe("Mid-point (week 7)");
    expect(describeSchedule({ kind: "after_pair_end", weeks: 0 })).toBe("When each pair finishes");
  });
});
