import fc from "fast-check";
import { GROWTH_AREAS, type Profile, type SkillInfo } from "../profile.js";

const SKILLS = ["go", "rust", "typescript", "react", "kubernetes", "terraform", "sql", "postgres"];
const FAMILIES: Record<string, string> = {
  go: "backend",
  rust: "backend",
  typescript: "frontend",
  react: "frontend",
  kubernetes: "infrastructure",
  terraform: "infrastructure",
  sql: "data",
  postgres: "data",
};

/** A stand-in taxonomy: "K8s" and "kubernetes" are the same skill, all skills have a family. */
export const testSkillInfo: SkillInfo = (name) => {
  const key = name.trim().toLowerCase() === "k8s" ? "kubernetes" : name.trim().toLowerCase();
  const family = FAMILIES[key];
  return family === undefined ? undefined : { canonical: key, family };
};

export const arbitraryProfile = (id: string): fc.Arbitrary<Profile> =>
  fc.record({
    id: fc.constant(id),
    email: fc.constant(`${id}@example.org`),
    managerEmail: fc.option(fc.constantFrom("m0@example.org", "m1@example.org", "e0@example.org"), { nil: undefined }),
    skills: fc.uniqueArray(fc.record({ name: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }) }), {
      maxLength: 3,
      selector: (s) => s.name,
    }),
    areasOffered: fc.subarray([...GROWTH_AREAS]),
    areasSought: fc.subarray([...GROWTH_AREAS]),
    yearsExperience: fc.integer({ min: 0, max: 30 }),
    interests: fc.subarray(["chess", "climbing", "music", "cooking"]),
    utcOffsetMinutes: fc.constantFrom(-480, -300, 0, 60, 330, 540),
    availability: fc.array(
      fc
        .record({
          day: fc.integer({ min: 0, max: 6 }),
          start: fc.integer({ min: 0, max: 1380 }),
          length: fc.integer({ min: 30, max: 240 }),
        })
        .map(({ day, start, length }) => ({ day, start, end: Math.min(1440, start + length) })),
      { maxLength: 3 },
    ),
    languages: fc.subarray(["en", "de", "es"], { minLength: 1 }),
  });

export const arbitraryPool = (maxMentees: number, maxMentors: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxMentees }), fc.integer({ min: 1, max: maxMentors })).chain(([n, m]) =>
    fc.record({
      mentees: fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryProfile(`e${i}`))),
      mentors: fc.tuple(...Array.from({ length: m }, (_, i) => arbitraryProfile(`m${i}`))),
    }),
  );
