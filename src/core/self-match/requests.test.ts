import { describe, expect, it } from "vitest";
import type { Profile } from "../matching/profile.js";
import { DEFAULT_WEIGHTS, prepareProfile, scorePair } from "../matching/scoring.js";
import { daysLeft, notPendingProblem, REQUEST_STATUSES, reasonForMentee, selfMatchClosedProblem } from "./requests.js";

const person = (id: string, p: Partial<Profile>): Profile => ({
  id,
  skills: [],
  areasOffered: [],
  areasSought: [],
  yearsExperience: 0,
  interests: [],
  utcOffsetMinutes: 0,
  availability: [],
  languages: ["English"],
  ...p,
});

describe("who may request when", () => {
  it("needs self-match mode and a matching or running programme", () => {
    expect(selfMatchClosedProblem({ matchMode: "round", status: "matching" })?.code).toBe("self_match_off");
    expect(selfMatchClosedProblem({ matchMode: "self", status: "matching" })).toBeNull();
    expect(selfMatchClosedProblem({ matchMode: "self", status: "running" })).toBeNull();
    for (const status of ["draft", "open", "completed", "archived"] as const) {
      const problem = selfMatchClosedProblem({ matchMode: "self", status });
      expect(problem?.code).toBe("self_match_closed");
      expect(problem?.message).toMatch(/matching or running; this one \w/);
    }
  });

  it("says why an answer came too late, for every state but pending", () => {
    for (const s of REQUEST_STATUSES) expect(notPendingProblem(s).length).toBeGreaterThan(20);
    expect(notPendingProblem("expired")).toMatch(/expired/);
  });

  it("counts days left rounded up, never below zero", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(daysLeft(new Date("2026-03-08T12:00:00Z"), now)).toBe(7);
    expect(daysLeft(new Date("2026-03-01T13:00:00Z"), now)).toBe(1);
    expect(daysLeft(new Date("2026-02-28T12:00:00Z"), now)).toBe(0);
  });
});

describe("reasons for the mentee who reads them", () => {
  // Pairs built to bring out every strength and caution the engine writes.
  const mentees = [
    person("e1", {
      skills: [{ name: "Go", level: 2 }],
      areasSought: ["technical", "career"],
      yearsExperience: 1,
      interests: ["chess", "climbing"],
      utcOffsetMinutes: 60,
    }),
    person("e2", { skills: [{ name: "Rust", level: 4 }], areasSought: ["personal"], yearsExperience: 9, utcOffsetMinutes: 600 }),
    person("e3", { skills: [{ name: "Go", level: 4 }], languages: ["Spanish"], yearsExperience: 5 }),
  ];
  const mentors = [
    person("m1", {
      skills: [{ name: "Go", level: 5 }],
      areasOffered: ["technical", "career"],
      yearsExperience: 12,
      interests: ["chess"],
      utcOffsetMinutes: 0,
    }),
    person("m2", { skills: [{ name: "Go", level: 1 }], areasOffered: ["technical"], yearsExperience: 9, utcOffsetMinutes: -300 }),
  ];
  const rules = { requireSharedLanguage: false, previousPairs: new Set<string>(), excludedPairs: new Set<string>() };
  const allReasons = mentees.flatMap((e) =>
    mentors.flatMap((m) => {
      const fit = scorePair(prepareProfile(e), prepareProfile(m), DEFAULT_WEIGHTS, rules);
      return fit.allowed ? fit.reasons : [];
    }),
  );

  it("turns the engine's third person into 'you' for every reason it writes here", () => {
    expect(allReasons.length).toBeGreaterThan(6);
    expect(allReasons.some((r) => r.startsWith("Watch out"))).toBe(true);
    for (const reason of allReasons) {
      const mine = reasonForMentee(reason);
      expect(mine, reason).not.toMatch(/\bthe mentee\b/i);
      expect(mine, reason).not.toMatch(/^(Both|Their|They) /);
    }
  });

  it("keeps the sense of each sentence", () => {
    expect(reasonForMentee("Can help with Go at the level the mentee is aiming for.")).toBe(
      "Can help with Go at the level you are aiming for.",
    );
    expect(reasonForMentee("Watch out: the mentor is not much further along than the mentee.")).toBe(
      "Watch out: this mentor is not much further along than you.",
    );
    expect(reasonForMentee("Their time zones are 1 hours apart at most.")).toBe("Your time zones are 1 hour apart at most.");
    expect(reasonForMentee("Their time zones are 0 hours apart at most.")).toBe("You keep the same clock time.");
    expect(reasonForMentee("Has 11 more years in the field.")).toBe("Has 11 more years in the field.");
  });
});
