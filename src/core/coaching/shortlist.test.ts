import { describe, expect, it } from "vitest";
import type { Profile } from "../matching/profile.js";
import { bestCoachFit, COACHING_WEIGHTS, coachProfiles, reasonForCoachee, reasonForCoordinator, topCoaches } from "./shortlist.js";

const person = (id: string, over: Partial<Profile> = {}): Profile => ({
  id,
  email: `${id}@example.org`,
  skills: [],
  areasOffered: [],
  areasSought: [],
  yearsExperience: 0,
  interests: [],
  utcOffsetMinutes: 0,
  availability: [],
  languages: ["English"],
  ...over,
});
const rules = { requireSharedLanguage: true, previousPairs: new Set<string>(), excludedPairs: new Set<string>() };

describe("shortlisting coaches", () => {
  it("counts specialisms, what they coach on, time zones and language — never years or hobbies", () => {
    expect(COACHING_WEIGHTS.experience).toBe(0);
    expect(COACHING_WEIGHTS.interests).toBe(0);
    const coachee = person("e", { skills: [{ name: "Delegation", level: 2 }], yearsExperience: 9, interests: ["chess"] });
    const junior = bestCoachFit(coachee, [person("c", { skills: [{ name: "Delegation", level: 5 }], yearsExperience: 1 })], rules);
    const senior = bestCoachFit(
      coachee,
      [person("c", { skills: [{ name: "Delegation", level: 5 }], yearsExperience: 30, interests: ["chess"] })],
      rules,
    );
    expect(junior.allowed && senior.allowed && junior.score === senior.score).toBe(true);
  });

  it("matches a coach who works in several time zones in the one that suits the coachee", () => {
    const coachee = person("e", { skills: [{ name: "Go", level: 1 }], utcOffsetMinutes: 540 });
    const base = person("c", { skills: [{ name: "Go", level: 5 }] });
    const londonOnly = bestCoachFit(coachee, coachProfiles(base, [0]), rules);
    const londonAndTokyo = bestCoachFit(coachee, coachProfiles(base, [0, 540]), rules);
    expect(londonOnly.allowed && londonAndTokyo.allowed && londonAndTokyo.score > londonOnly.score).toBe(true);
    expect(coachProfiles(base, [])).toEqual([base]);
  });

  it("keeps a coach with no shared language off the shortlist, and orders the rest best first", () => {
    const coachee = person("e", { skills: [{ name: "Go", level: 1 }] });
    const fits = [
      { item: { name: "Bea" }, fit: bestCoachFit(coachee, [person("b", { skills: [{ name: "Go", level: 5 }] })], rules) },
      { item: { name: "Ana" }, fit: bestCoachFit(coachee, [person("a", { skills: [{ name: "Rust", level: 5 }] })], rules) },
      {
        item: { name: "Cem" },
        fit: bestCoachFit(coachee, [person("c", { skills: [{ name: "Go", level: 5 }], languages: ["Turkish"] })], rules),
      },
    ];
    expect(topCoaches(fits, 5).map((r) => r.item.name)).toEqual(["Bea", "Ana"]);
    expect(topCoaches(fits, 1).map((r) => r.item.name)).toEqual(["Bea"]);
  });

  it("rewords the engine's reasons for the coachee and the coordinator", () => {
    expect(reasonForCoachee("Watch out: the mentor's skills only loosely match what the mentee wants to learn.")).toBe(
      "Watch out: this coach's specialisms only loosely match what you want to learn.",
    );
    expect(reasonForCoachee("Can talk in english.")).toBe("You can work in english.");
    expect(reasonForCoordinator("Watch out: the mentor does not offer the kind of help the mentee asked for.")).toBe(
      "Watch out: the coach does not offer the kind of help the coachee asked for.",
    );
  });
});
