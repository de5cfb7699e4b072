import { describe, expect, it } from "vitest";
import { defaultQuestions } from "./intake/questions.js";
import { hasFeature, modeOfRole, rulesFor, sideOfRole, sideWord, typesWith, WORKSPACE_FEATURES } from "./programme-modes.js";

describe("the mode seam", () => {
  it("lets the mentee drive mentoring and the coach drive coaching", () => {
    expect(rulesFor("mentoring")).toMatchObject({ drives: "mentee", nudges: "mentee", goalsOwner: "mentee", agenda: { author: "mentee" } });
    expect(rulesFor("coaching")).toMatchObject({
      drives: "mentor",
      nudges: "mentor",
      goalsOwner: null,
      agenda: { author: "mentor", topicsFrom: "mentee" },
    });
  });

  it("asks only mentoring pairs whether to continue, and gives coaching a package instead of a term", () => {
    expect(rulesFor("mentoring").continuation).toBe(true);
    expect(rulesFor("coaching").continuation).toBe(false);
    expect(rulesFor("mentoring").duration).toEqual({ kind: "term", weeks: 12, cadence: "weekly", sessionMinutes: 60 });
    expect(rulesFor("coaching").duration).toEqual({ kind: "package", sessions: 6, sessionMinutes: 60, periodWeeks: 12 });
  });

  it("gives each mode its own parts of the workspace, and no part to both of the mode-specific ones", () => {
    const mentoringOnly = [
      "goals",
      "swot",
      "reflections",
      "debrief",
      "introductions",
      "actionItems",
      "sharedNotes",
      "continuation",
    ] as const;
    const coachingOnly = ["sessionPlan", "exercises", "outcomes", "summaries", "agendaTopics"] as const;
    for (const f of mentoringOnly) expect([hasFeature("mentoring", f), hasFeature("coaching", f)]).toEqual([true, false]);
    for (const f of coachingOnly) expect([hasFeature("mentoring", f), hasFeature("coaching", f)]).toEqual([false, true]);
    expect(typesWith("goals")).toEqual(["mentoring"]);
    expect(typesWith("outcomes")).toEqual(["coaching"]);
    // Every feature says why it is missing, in words that name the mode.
    for (const f of WORKSPACE_FEATURES) {
      const mode = hasFeature("mentoring", f) ? "coaching" : "mentoring";
      expect(rulesFor(mode).missing(f)).toMatch(mode === "coaching" ? /^Coaching engagements have no / : /^Mentoring pairs have no /);
    }
  });

  it("speaks each mode's words, plurals included (never 'coachs')", () => {
    expect(rulesFor("coaching").words).toMatchObject({ giver: "coach", givers: "coaches", receivers: "coachees", pair: "engagement" });
    expect(rulesFor("mentoring").words).toMatchObject({ giver: "mentor", givers: "mentors", pair: "pair" });
    expect(sideWord("coaching", "mentor")).toBe("coach");
    expect(sideWord("mentoring", "mentee")).toBe("mentee");
  });

  it("invites sponsors only to coaching, and never lets them apply or stand on a side", () => {
    expect(rulesFor("coaching").roles.invitable).toContain("sponsor");
    expect(rulesFor("coaching").roles.applicants).not.toContain("sponsor");
    expect(rulesFor("mentoring").roles.invitable).not.toContain("sponsor");
    expect(sideOfRole("coaching", "sponsor")).toBeNull();
    expect(sideOfRole("coaching", "coach")).toBe("mentor");
    expect(modeOfRole("sponsor")).toBe("coaching");
  });

  it("pairs mentoring by rounds or self-match and coaching by shortlist or assignment", () => {
    expect(rulesFor("mentoring").pairing).toEqual(["round", "self_match", "by_hand", "rematch"]);
    expect(rulesFor("coaching").pairing).toEqual(["shortlist", "assignment"]);
  });

  it("starts the coach's intake form without volunteer preferences, and with what a coachee chooses by", () => {
    const coach = defaultQuestions("coach").map((q) => q.key);
    expect(coach).not.toContain("prefer_mentees");
    expect(coach).not.toContain("avoid_mentees");
    expect(coach).toEqual(expect.arrayContaining(["skills", "languages", "timezone", "capacity", "credentials", "approach", "bio"]));
    expect(defaultQuestions("coachee").map((q) => q.key)).not.toContain("mentor_picks");
    expect(defaultQuestions("mentor").map((q) => q.key)).toContain("prefer_mentees");
    expect(
      rulesFor("coaching")
        .training("coach")
        .map((m) => m.key),
    ).not.toContain("listen-first");
  });
});
