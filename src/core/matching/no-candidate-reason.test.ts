import { describe, expect, it } from "vitest";
import { noCandidateReason } from "./no-candidate-reason.js";
import type { Profile } from "./profile.js";

const person = (over: Partial<Profile>): Profile => ({
  id: "x",
  skills: [],
  areasOffered: [],
  areasSought: [],
  yearsExperience: 3,
  interests: [],
  utcOffsetMinutes: 0,
  availability: [],
  languages: ["English"],
  ...over,
});

describe("why a mentee has no candidate at all", () => {
  it("names the language nobody speaks", () => {
    expect(noCandidateReason(person({ languages: ["Japanese"] }), [person({ languages: ["english"] })], true)).toBe(
      "No mentor with capacity speaks Japanese.",
    );
    expect(noCandidateReason(person({ languages: ["English"] }), [person({ languages: ["english"] })], true)).toBeUndefined();
  });

  it("names the skills nobody offers", () => {
    const mentee = person({ skills: [{ name: "Rust", level: 3 }] });
    expect(noCandidateReason(mentee, [person({ skills: [{ name: "Go", level: 5 }] })], true)).toBe("No mentor with capacity offers Rust.");
    expect(noCandidateReason(mentee, [person({ skills: [{ name: "rust", level: 5 }] })], true)).toBeUndefined();
  });
});
