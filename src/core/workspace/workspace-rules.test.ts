import { describe, expect, it } from "vitest";
import { defaultPhases } from "../programmes/phases.js";
import { agendaIsEmpty } from "./agenda-template.js";
import { isLateCancellation } from "./cancellation.js";
import { EMPTY_PLAN, planChanges } from "./plan.js";
import { cancelProblem, newSessionProblem, outcomeProblem, rescheduleProblem } from "./session-rules.js";
import { continuationOpen, continuationOpensOn, phaseOfWeek, suggestedFocus, termPosition } from "./term.js";

const now = new Date("2027-03-01T12:00:00Z");
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe("late cancellation", () => {
  it("is less notice than the plan asks, and never without a rule", () => {
    expect(isLateCancellation(hoursFromNow(23), now, 24)).toBe(true);
    expect(isLateCancellation(hoursFromNow(25), now, 24)).toBe(false);
    expect(isLateCancellation(hoursFromNow(1), now, null)).toBe(false);
    expect(isLateCancellation(hoursFromNow(1), now, 0)).toBe(false);
  });
});

describe("session rules", () => {
  it("keep new sessions in the future unless one is logged as held", () => {
    expect(newSessionProblem(hoursFromNow(-1), now, false)?.code).toBe("session_in_past");
    expect(newSessionProblem(hoursFromNow(1), now, false)).toBeNull();
    expect(newSessionProblem(hoursFromNow(-1), now, true)).toBeNull();
    expect(newSessionProblem(hoursFromNow(1), now, true)?.code).toBe("session_not_started");
  });

  it("move, cancel and settle sessions only when that makes sense", () => {
    const future = { status: "scheduled" as const, startsAt: hoursFromNow(5) };
    const past = { status: "scheduled" as const, startsAt: hoursFromNow(-5) };
    expect(rescheduleProblem(future, hoursFromNow(-1), now)?.code).toBe("session_in_past");
    expect(rescheduleProblem({ ...future, status: "cancelled" }, hoursFromNow(9), now)?.code).toBe("session_not_scheduled");
    expect(cancelProblem(past, now)?.code).toBe("session_already_started");
    expect(cancelProblem(future, now)).toBeNull();
    expect(outcomeProblem(future, now)?.code).toBe("session_not_started");
    expect(outcomeProblem(past, now)).toBeNull();
    expect(outcomeProblem({ ...past, status: "held" }, now)).toBeNull();
    expect(outcomeProblem({ ...past, status: "cancelled" }, now)?.code).toBe("session_not_scheduled");
  });
});

describe("the term", () => {
  it("has a week number while it runs", () => {
    expect(termPosition("2027-01-04", "2027-03-28", "2027-01-01")).toEqual({ state: "not_started", weeks: 12, startsInDays: 3 });
    expect(termPosition("2027-01-04", "2027-03-28", "2027-01-04")).toMatchObject({ state: "running", week: 1 });
    expect(termPosition("2027-01-04", "2027-03-28", "2027-01-11")).toMatchObject({ state: "running", week: 2 });
    expect(termPosition("2027-01-04", "2027-03-28", "2027-03-28")).toMatchObject({ state: "running", week: 12 });
    expect(termPosition("2027-01-04", "2027-03-28", "2027-03-29")).toEqual({ state: "over", weeks: 12 });
  });

  it("suggests a focus by the phase's place in the term", () => {
    const phases = defaultPhases(12);
    const focus = [1, 6, 12].map((w) => suggestedFocus(phases, phaseOfWeek(phases, w)));
    expect(new Set(focus).size).toBe(3);
    expect(focus[0]).toMatch(/know each other/);
    expect(suggestedFocus(phases, null)).toBeNull();
  });

  it("asks about continuing from two weeks before the end", () => {
    expect(continuationOpensOn("2027-03-28")).toBe("2027-03-15");
    expect(continuationOpen("2027-03-28", "2027-03-14")).toBe(false);
    expect(continuationOpen("2027-03-28", "2027-03-15")).toBe(true);
    expect(continuationOpen("2027-03-28", "2027-05-01")).toBe(true);
  });
});

describe("plan edits", () => {
  it("record only the fields that change", () => {
    const before = { ...EMPTY_PLAN, location: "https://meet.example.org/a" };
    expect(planChanges(before, { location: "https://meet.example.org/a", meetingTime: "18:00" })).toEqual([
      { field: "meetingTime", from: null, to: "18:00" },
    ]);
    expect(planChanges(before, {})).toEqual([]);
  });
});

describe("agendas", () => {
  it("are empty when every part is blank", () => {
    expect(agendaIsEmpty({ check_in: "  " })).toBe(true);
    expect(agendaIsEmpty({ went_well: "Shipped the fix" })).toBe(false);
  });
});
