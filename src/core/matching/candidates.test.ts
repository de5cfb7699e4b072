import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCandidates } from "./candidates.js";
import type { Profile } from "./profile.js";
import { DEFAULT_WEIGHTS, type HardRules, prepareProfile, scorePair } from "./scoring.js";
import { arbitraryPool, testSkillInfo } from "./test-support/arbitrary-profile.js";

const rules: HardRules = { requireSharedLanguage: true, previousPairs: new Set(), excludedPairs: new Set() };

/** The top k allowed mentors of one mentee by scoring every pair (ties: lower index). */
function bruteForceTopK(mentee: Profile, mentors: readonly Profile[], k: number) {
  const e = prepareProfile(mentee, testSkillInfo);
  return mentors
    .map((m, j) => ({ j, result: scorePair(e, prepareProfile(m, testSkillInfo), DEFAULT_WEIGHTS, rules) }))
    .flatMap(({ j, result }) => (result.allowed ? [{ mentor: j, score: result.score }] : []))
    .sort((a, b) => b.score - a.score || a.mentor - b.mentor)
    .slice(0, k);
}

const perMentee = (set: ReturnType<typeof generateCandidates>, e: number) =>
  Array.from(set.edgeMentee.keys())
    .filter((i) => set.edgeMentee[i] === e)
    .map((i) => ({ mentor: set.edgeMentor[i], score: set.edgeScore[i] }));

describe("generateCandidates", () => {
  it("keeps exactly the best k allowed mentors when allowed to score everyone", () => {
    fc.assert(
      fc.property(arbitraryPool(6, 12), fc.integer({ min: 1, max: 5 }), ({ mentees, mentors }, k) => {
        const set = generateCandidates(mentees, mentors, {
          k,
          weights: DEFAULT_WEIGHTS,
          rules,
          skillInfo: testSkillInfo,
          maxScoredPerMentee: mentors.length,
        });
        mentees.forEach((mentee, e) => {
          expect(perMentee(set, e)).toEqual(bruteForceTopK(mentee, mentors, k));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("never scores more than the cap, and every kept pair is allowed and scored as scorePair does", () => {
    fc.assert(
      fc.property(arbitraryPool(5, 30), ({ mentees, mentors }) => {
        const set = generateCandidates(mentees, mentors, {
          k: 2,
          weights: DEFAULT_WEIGHTS,
          rules,
          skillInfo: testSkillInfo,
          maxScoredPerMentee: 6,
        });
        for (const c of set.considered) expect(c.scored).toBeLessThanOrEqual(6);
        set.edgeMentee.forEach((e, i) => {
          const result = scorePair(
            prepareProfile(mentees[e], testSkillInfo),
            prepareProfile(mentors[set.edgeMentor[i]], testSkillInfo),
            DEFAULT_WEIGHTS,
            rules,
          );
          expect(result.allowed && result.score).toBe(set.edgeScore[i]);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("looks at mentors sharing the mentee's skills first, and only at those sharing a language", () => {
    const profile = (id: string, over: Partial<Profile>): Profile => ({
      id,
      skills: [],
      areasOffered: [],
      areasSought: [],
      yearsExperience: 5,
      interests: [],
      utcOffsetMinutes: 0,
      availability: [],
      languages: ["en"],
      ...over,
    });
    const mentee = profile("e", { skills: [{ name: "terraform", level: 1 }], yearsExperience: 0 });
    const mentors = [
      ...Array.from({ length: 50 }, (_, i) => profile(`filler${i}`, {})),
      profile("german-expert", { skills: [{ name: "terraform", level: 5 }], languages: ["de"] }),
      profile("expert", { skills: [{ name: "terraform", level: 5 }] }),
      profile("related", { skills: [{ name: "kubernetes", level: 5 }] }),
    ];
    const set = generateCandidates([mentee], mentors, {
      k: 2,
      weights: DEFAULT_WEIGHTS,
      rules,
      skillInfo: testSkillInfo,
      maxScoredPerMentee: 2,
    });
    expect(set.considered[0].scored).toBe(2);
    expect(Array.from(set.edgeMentor, (m) => mentors[m].id)).toEqual(["expert", "related"]);
  });

  it("rejects weights outside 0..10", () => {
    expect(() => generateCandidates([], [], { k: 1, weights: { ...DEFAULT_WEIGHTS, skills: 11 }, rules })).toThrow(RangeError);
  });
});
