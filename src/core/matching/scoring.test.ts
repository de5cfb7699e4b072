import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Profile } from "./profile.js";
import {
  DEFAULT_WEIGHTS,
  evaluatePair,
  FACTORS,
  fitScore,
  type HardRules,
  offsetDistance,
  pairKey,
  prepareProfile,
  scorePair,
  skillsFactor,
  type Weights,
  weeklyOverlapMinutes,
} from "./scoring.js";
import { arbitraryProfile, testSkillInfo } from "./test-support/arbitrary-profile.js";

const base: Profile = {
  id: "x",
  skills: [],
  areasOffered: [],
  areasSought: [],
  yearsExperience: 0,
  interests: [],
  utcOffsetMinutes: 0,
  availability: [],
  languages: ["en"],
};
const person = (over: Partial<Profile>) => prepareProfile({ ...base, ...over }, testSkillInfo);
const rules: HardRules = { requireSharedLanguage: true, previousPairs: new Set(), excludedPairs: new Set() };

describe("factors", () => {
  it("rates skills by coverage: ahead of the mentee, level with them, behind, same family, none", () => {
    const mentee = person({ id: "e", skills: [{ name: "Go", level: 2 }] });
    const value = (skills: Profile["skills"]) => skillsFactor(mentee, person({ id: "m", skills }));
    expect(value([{ name: "go", level: 4 }])).toBe(1);
    expect(value([{ name: "go", level: 2 }])).toBe(0.6);
    expect(value([{ name: "go", level: 1 }])).toBe(0.3);
    expect(value([{ name: "rust", level: 5 }])).toBe(0.5);
    expect(value([{ name: "react", level: 5 }])).toBe(0);
    expect(skillsFactor(person({ id: "e" }), person({ id: "m" }))).toBeNaN();
  });

  it("uses the injected taxonomy to treat aliases as the same skill", () => {
    const mentee = person({ id: "e", skills: [{ name: "K8s", level: 1 }] });
    expect(skillsFactor(mentee, person({ id: "m", skills: [{ name: "Kubernetes", level: 3 }] }))).toBe(1);
  });

  it("compares availability on the UTC clock, across time zones and the week boundary", () => {
    // 18:00-20:00 in Berlin (UTC+1) is 12:00-14:00 in New York (UTC-5): 17:00-19:00 UTC.
    const berlin = person({ id: "a", utcOffsetMinutes: 60, availability: [{ day: 0, start: 18 * 60, end: 20 * 60 }] });
    const newYork = person({ id: "b", utcOffsetMinutes: -300, availability: [{ day: 0, start: 12 * 60, end: 14 * 60 }] });
    expect(weeklyOverlapMinutes(berlin, newYork)).toBe(120);
    // Monday 00:30-01:30 in Tokyo (UTC+9) is Sunday 15:30-16:30 UTC.
    const tokyo = person({ id: "c", utcOffsetMinutes: 540, availability: [{ day: 0, start: 30, end: 90 }] });
    const london = person({ id: "d", utcOffsetMinutes: 0, availability: [{ day: 6, start: 16 * 60, end: 17 * 60 }] });
    expect(weeklyOverlapMinutes(tokyo, london)).toBe(30);
    expect(offsetDistance(-600, 780)).toBe(60);
  });
});

describe("scorePair", () => {
  it("blocks a mentee's own manager, either way round", () => {
    const mentee = person({ id: "e", email: "e@x.org", managerEmail: "Boss@x.org" });
    expect(scorePair(mentee, person({ id: "m", email: "boss@x.org" }), DEFAULT_WEIGHTS, rules)).toEqual({
      allowed: false,
      blockedBy: ["own-manager"],
    });
    const report = person({ id: "m", managerEmail: "e@x.org" });
    expect(scorePair(mentee, report, DEFAULT_WEIGHTS, rules)).toEqual({ allowed: false, blockedBy: ["own-manager"] });
  });

  it("blocks no shared language (when required), previous pairs, exclusions and must-match misses", () => {
    const mentee = person({ id: "e", languages: ["de"], skills: [{ name: "go", level: 1 }] });
    const mentor = person({ id: "m", languages: ["en"] });
    const strict: HardRules = {
      requireSharedLanguage: true,
      previousPairs: new Set([pairKey("e", "m")]),
      excludedPairs: new Set([pairKey("e", "m")]),
    };
    const mustSkills: Weights = { ...DEFAULT_WEIGHTS, skills: 10 };
    expect(scorePair(mentee, mentor, mustSkills, strict)).toEqual({
      allowed: false,
      blockedBy: ["no-shared-language", "previous-pair", "excluded", "must-match:skills"],
    });
    expect(scorePair(mentee, mentor, DEFAULT_WEIGHTS, { ...rules, requireSharedLanguage: false }).allowed).toBe(true);
  });

  it("explains a strong pair by its strongest factors, in plain words", () => {
    const mentee = person({ id: "e", skills: [{ name: "go", level: 2 }], areasSought: ["career"], yearsExperience: 1 });
    const mentor = person({ id: "m", skills: [{ name: "go", level: 5 }], areasOffered: ["career", "technical"], yearsExperience: 12 });
    const result = scorePair(mentee, mentor, DEFAULT_WEIGHTS, rules);
    if (!result.allowed) throw new Error("expected an allowed pair");
    expect(result.reasons[0]).toBe("Can help with go at the level the mentee is aiming for.");
    expect(result.reasons[1]).toBe("Offers career development, which the mentee asked for.");
    expect(result.factors.find((f) => f.factor === "interests")?.value).toBeNull();
  });

  it("fitScore (the fast path for candidate generation) agrees with evaluatePair", () => {
    const scratch = new Float64Array(FACTORS.length);
    fc.assert(
      fc.property(arbitraryProfile("e"), arbitraryProfile("m"), fc.boolean(), (e, m, mustSkills) => {
        const weights: Weights = { ...DEFAULT_WEIGHTS, skills: mustSkills ? 10 : DEFAULT_WEIGHTS.skills };
        const [a, b] = [prepareProfile(e, testSkillInfo), prepareProfile(m, testSkillInfo)];
        const fit = evaluatePair(a, b, weights, rules);
        const fast = fitScore(a, b, weights, rules, scratch);
        if (fit.allowed) expect(fast).toBe(fit.score);
        else expect(fast).toBeNaN();
      }),
      { numRuns: 300 },
    );
  });

  it("scores 0..100 as the weighted mean of the applicable factors, with 2-3 reasons", () => {
    const weights = fc.record(
      Object.fromEntries(FACTORS.map((f) => [f, fc.integer({ min: 0, max: 9 })])) as Record<string, fc.Arbitrary<number>>,
    );
    fc.assert(
      fc.property(arbitraryProfile("e"), arbitraryProfile("m"), weights, (e, m, w) => {
        const result = scorePair(prepareProfile(e, testSkillInfo), prepareProfile(m, testSkillInfo), w as unknown as Weights, {
          ...rules,
          requireSharedLanguage: false,
        });
        if (!result.allowed) return;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100 + 1e-9);
        const applicable = result.factors.filter((f) => f.value !== null);
        const weightSum = applicable.reduce((s, f) => s + f.weight, 0);
        const expected = weightSum === 0 ? 0 : (100 * applicable.reduce((s, f) => s + f.weight * (f.value ?? 0), 0)) / weightSum;
        expect(result.score).toBeCloseTo(expected, 9);
        expect(result.reasons.length).toBeGreaterThanOrEqual(1);
        expect(result.reasons.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
