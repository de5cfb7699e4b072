import { describe, expect, it } from "vitest";
import { allowance, closingReason, extensionProblem, newSessionsProblem, remaining, usage } from "./package.js";

const terms = { sessions: 6, sessionMinutes: 60, periodWeeks: 12 };
const s = (status: "scheduled" | "held" | "missed" | "cancelled", late: boolean | null = null, by: "mentor" | "mentee" | null = null) => ({
  status,
  lateCancellation: late,
  cancelledBySide: by,
});

describe("package accounting", () => {
  it("runs for the package's weeks from the start date, last day included", () => {
    expect(allowance(terms, "2027-01-04", [])).toEqual({ sessions: 6, endsOn: "2027-03-28" });
  });

  it("adds every recorded extension's sessions and weeks", () => {
    expect(
      allowance(terms, "2027-01-04", [
        { sessions: 2, weeks: 0 },
        { sessions: 0, weeks: 4 },
      ]),
    ).toEqual({ sessions: 8, endsOn: "2027-04-25" });
  });

  it("spends held, missed and late-by-the-coachee sessions, books scheduled ones, and gives the rest back", () => {
    const u = usage([
      s("held"),
      s("missed"),
      s("scheduled"),
      s("cancelled", true, "mentee"),
      s("cancelled", true, "mentor"),
      s("cancelled", false, "mentee"),
    ]);
    expect(u).toEqual({ used: 3, booked: 1 });
    expect(remaining(u, { sessions: 6 })).toBe(2);
  });

  it("refuses a session beyond the package, naming what is used and booked", () => {
    const a = allowance(terms, "2027-01-04", []);
    expect(newSessionsProblem({ used: 4, booked: 1 }, a, 1, "2027-02-01")).toBeNull();
    const full = newSessionsProblem({ used: 5, booked: 1 }, a, 1, "2027-02-01");
    expect(full?.code).toBe("package_exhausted");
    expect(full?.message).toContain("6 in all: 5 used, 1 booked");
    expect(newSessionsProblem({ used: 3, booked: 0 }, a, 4, "2027-02-01")?.message).toContain("has 3 sessions left");
  });

  it("refuses a session after the period, until an extension moves the end", () => {
    const a = allowance(terms, "2027-01-04", []);
    expect(newSessionsProblem({ used: 0, booked: 0 }, a, 1, "2027-03-28")).toBeNull();
    expect(newSessionsProblem({ used: 0, booked: 0 }, a, 1, "2027-03-29")?.code).toBe("package_period_over");
    const extended = allowance(terms, "2027-01-04", [{ sessions: 0, weeks: 1 }]);
    expect(newSessionsProblem({ used: 0, booked: 0 }, extended, 1, "2027-03-29")).toBeNull();
  });

  it("closes when the sessions are used or the period is over, and not before", () => {
    const a = allowance(terms, "2027-01-04", []);
    expect(closingReason({ used: 5, booked: 1 }, a, "2027-02-01")).toBeNull();
    expect(closingReason({ used: 6, booked: 0 }, a, "2027-02-01")).toBe("sessions_used");
    expect(closingReason({ used: 2, booked: 0 }, a, "2027-03-29")).toBe("period_over");
    // An extension reopens a closing engagement.
    expect(closingReason({ used: 6, booked: 0 }, allowance(terms, "2027-01-04", [{ sessions: 1, weeks: 0 }]), "2027-02-01")).toBeNull();
  });

  it("refuses an extension that adds nothing", () => {
    expect(extensionProblem({ sessions: 0, weeks: 0 })?.code).toBe("validation_failed");
    expect(extensionProblem({ sessions: 1, weeks: 0 })).toBeNull();
  });
});
