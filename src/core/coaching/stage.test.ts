import { describe, expect, it } from "vitest";
import { closingUnmeasuredRisk } from "./at-risk.js";
import { may, raterGroupFor, seesContent, whoMay } from "./roles.js";
import { engagementStage } from "./stage.js";
import { SHIPPED_TEMPLATES } from "./templates.js";

describe("engagement stage", () => {
  it("goes from the coach's answer through contracting and work to closing", () => {
    expect(engagementStage({ status: "proposed", agreed: false, closing: null })).toBe("proposed");
    expect(engagementStage({ status: "active", agreed: false, closing: null })).toBe("contracting");
    expect(engagementStage({ status: "active", agreed: true, closing: null })).toBe("in_progress");
    expect(engagementStage({ status: "paused", agreed: true, closing: "period_over" })).toBe("closing");
    expect(engagementStage({ status: "completed", agreed: true, closing: "sessions_used" })).toBe("completed");
  });
});

describe("at risk of closing unmeasured", () => {
  const base = { stage: "in_progress" as const, sessionsLeft: 4, daysLeft: 40, outcomes: 2, finals: 0 };
  it("flags an engagement that is closing or about to with outcomes still unmeasured", () => {
    expect(closingUnmeasuredRisk(base)).toBeNull();
    expect(closingUnmeasuredRisk({ ...base, stage: "closing" })).toEqual({ reason: "closing", unmeasured: 2 });
    expect(closingUnmeasuredRisk({ ...base, sessionsLeft: 1 })).toEqual({ reason: "last_sessions", unmeasured: 2 });
    expect(closingUnmeasuredRisk({ ...base, daysLeft: 14, finals: 1 })).toEqual({ reason: "period_ending", unmeasured: 1 });
  });

  it("leaves out measured, finished and not-yet-started engagements", () => {
    expect(closingUnmeasuredRisk({ ...base, stage: "closing", finals: 2 })).toBeNull();
    expect(closingUnmeasuredRisk({ ...base, stage: "completed", sessionsLeft: 0 })).toBeNull();
    expect(closingUnmeasuredRisk({ ...base, stage: "proposed", sessionsLeft: 0 })).toBeNull();
  });

  it("flags a closing engagement that never agreed any outcome", () => {
    expect(closingUnmeasuredRisk({ ...base, stage: "closing", outcomes: 0 })).toEqual({ reason: "closing", unmeasured: 0 });
  });
});

describe("who drives a coaching engagement", () => {
  it("gives the structure to the coach and keeps the content from sponsor and coordinator", () => {
    expect(may("coach", "writeSummary")).toBe(true);
    expect(may("coachee", "writeSummary")).toBe(false);
    expect(may("coachee", "answerExercise")).toBe(true);
    expect(may("coach", "answerExercise")).toBe(false);
    expect(seesContent("sponsor")).toBe(false);
    expect(seesContent("coordinator")).toBe(false);
    expect(may("sponsor", "readOutcomes")).toBe(true);
    expect(may("coordinator", "readOutcomes")).toBe(false);
    expect(may("coordinator", "extendPackage")).toBe(true);
    expect(may(null, "readEngagement")).toBe(false);
    expect(whoMay("complete")).toBe("the coach");
  });

  it("lets each person rate only in their own group, and only when the outcome asks it", () => {
    expect(raterGroupFor("sponsor", ["coachee", "sponsor"])).toBe("sponsor");
    expect(raterGroupFor("sponsor", ["coachee"])).toBeNull();
    expect(raterGroupFor("coordinator", ["coachee", "coach", "sponsor", "stakeholders"])).toBeNull();
  });
});

describe("shipped plan templates", () => {
  it("ship a six-session skills engagement and a four-session transition engagement", () => {
    expect(SHIPPED_TEMPLATES.map((t) => [t.key, t.entries.length])).toEqual([
      ["skills-six", 6],
      ["transition-four", 4],
    ]);
    for (const t of SHIPPED_TEMPLATES) for (const e of t.entries) expect(e.title && e.purpose && e.activities).toBeTruthy();
  });
});
