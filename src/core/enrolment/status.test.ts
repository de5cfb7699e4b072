import { describe, expect, it } from "vitest";
import { applyProblem, decisionProblem, withdrawProblem } from "./status.js";
import { trainingFor } from "./training.js";

describe("enrolment decisions", () => {
  it("lets a coordinator decide on applications and the waitlist", () => {
    expect(decisionProblem("applied", "approve")).toBeNull();
    expect(decisionProblem("applied", "decline")).toBeNull();
    expect(decisionProblem("waitlisted", "approve")).toBeNull();
    expect(decisionProblem("approved", "waitlist")).toBeNull();
  });

  it("refuses deciding on people who have not applied, withdrew, or were declined", () => {
    expect(decisionProblem("invited", "approve")).toMatch(/not applied/);
    expect(decisionProblem("withdrawn", "approve")).toMatch(/withdrew/);
    expect(decisionProblem("declined", "approve")).toMatch(/final/);
    expect(decisionProblem("approved", "approve")).toMatch(/Already approved/);
  });

  it("allows re-applying after withdrawing, never after a decline", () => {
    expect(applyProblem(undefined)).toBeNull();
    expect(applyProblem("invited")).toBeNull();
    expect(applyProblem("withdrawn")).toBeNull();
    expect(applyProblem("declined")).toMatch(/declined/);
    expect(applyProblem("applied")).toMatch(/already applied/);
    expect(withdrawProblem("declined")).toMatch(/nothing to withdraw/);
  });

  it("gives each side its own training", () => {
    expect(trainingFor("mentor").map((m) => m.key)).toContain("listen-first");
    expect(trainingFor("mentee").map((m) => m.key)).toContain("own-the-agenda");
    // A professional coach needs Grove's how-to, not the volunteer's "listen first, advise last".
    expect(trainingFor("coach").map((m) => m.key)).not.toContain("listen-first");
    expect(trainingFor("coach").map((m) => m.key)).toContain("contract-outcomes");
    expect(trainingFor("coachee").map((m) => m.key)).not.toContain("own-the-agenda");
    expect(trainingFor("sponsor").map((m) => m.key)).toEqual(["what-sponsors-see"]);
  });
});
