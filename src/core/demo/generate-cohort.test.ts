import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { planImport } from "../intake/plan-import.js";
import { defaultQuestions, type FormDefinition, type SkillAnswer } from "../intake/questions.js";
import { isTimeZone } from "../intake/validate-answers.js";
import { builtInTaxonomy } from "../skills/index.js";
import { cohortColumns, cohortCsv } from "./cohort-csv.js";
import { DEMO_SIZE, type DemoPerson, generateCohort } from "./generate-cohort.js";
import { CAREER_SKILLS, SKILL_TRACKS } from "./skill-tracks.js";

const forms: Record<"mentor" | "mentee", FormDefinition> = {
  mentor: { role: "mentor", version: 1, questions: defaultQuestions("mentor") },
  mentee: { role: "mentee", version: 1, questions: defaultQuestions("mentee") },
};
const canonical = (name: string) => builtInTaxonomy().resolve(name)?.skill.name;

/** What the import would make of the CSV text, parsed as the server parses it. */
function planOf(csv: string) {
  const [header, ...records] = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return planImport(header, records, forms, new Map(), canonical);
}

const cohort = generateCohort();
const mentors = cohort.filter((p) => p.role === "mentor");
const mentees = cohort.filter((p) => p.role === "mentee");

describe("the demo cohort", () => {
  it("is the same on every run, and another seed gives other people", () => {
    expect(generateCohort()).toEqual(cohort);
    expect(cohortCsv(generateCohort())).toBe(cohortCsv(cohort));
    expect(generateCohort({ seed: 7 }).map((p) => p.email)).not.toEqual(cohort.map((p) => p.email));
  });

  it("has 22 mentors and 38 mentees with distinct example.org addresses", () => {
    expect(cohort).toHaveLength(DEMO_SIZE);
    expect(mentors).toHaveLength(22);
    expect(mentees).toHaveLength(38);
    expect(new Set(cohort.map((p) => p.email)).size).toBe(DEMO_SIZE);
    for (const p of cohort) expect(p.email).toMatch(/^[a-z0-9.-]+@example\.org$/);
    for (const p of cohort) if (p.answers.manager_email) expect(p.answers.manager_email).toMatch(/@example\.(org|com)$/);
  });

  it("imports cleanly with the default forms, and the import reads back exactly what was generated", () => {
    const plan = planOf(cohortCsv(cohort));
    expect(plan.errors).toEqual([]);
    expect(plan.planned).toHaveLength(DEMO_SIZE);
    expect(plan.planned.every((p) => p.action === "create")).toBe(true);
    const byEmail = new Map<string, DemoPerson>(cohort.map((p) => [p.email, p]));
    for (const row of plan.planned) {
      const person = byEmail.get(row.email) as DemoPerson;
      expect({ email: row.email, name: row.name, role: row.role, answers: row.answers }).toEqual(person);
    }
    expect(cohortColumns().slice(0, 3)).toEqual(["email", "name", "role"]);
  });

  it("uses valid time zones on every continent, and mostly English with other languages", () => {
    const zones = cohort.map((p) => p.answers.timezone as string);
    for (const zone of zones) expect(isTimeZone(zone), zone).toBe(true);
    const continents = new Set(zones.map((z) => z.split("/")[0]));
    for (const c of ["Africa", "America", "Asia", "Europe"]) expect(continents).toContain(c);
    const languages = cohort.map((p) => p.answers.languages as string[]);
    expect(languages.filter((l) => l.includes("English")).length).toBeGreaterThan(DEMO_SIZE * 0.75);
    expect(new Set(languages.flat()).size).toBeGreaterThan(8);
  });

  it("gives mentors experience and strong skills, and mentees early careers and target levels", () => {
    for (const m of mentors) {
      expect(m.answers.years_experience).toBeGreaterThanOrEqual(6);
      expect(m.answers.years_experience).toBeLessThanOrEqual(25);
      expect([1, 2, 3]).toContain(m.answers.capacity);
      expect((m.answers.offers as string[]).length).toBeGreaterThan(0);
      expect(Math.max(...(m.answers.skills as SkillAnswer[]).map((s) => s.level))).toBeGreaterThanOrEqual(4);
    }
    for (const e of mentees) {
      expect(e.answers.years_experience).toBeGreaterThanOrEqual(0);
      expect(e.answers.years_experience).toBeLessThanOrEqual(4);
      expect(e.answers.capacity).toBeUndefined();
      expect((e.answers.seeks as string[]).length).toBeGreaterThan(0);
      for (const s of e.answers.skills as SkillAnswer[]) expect(s.level).toBeLessThanOrEqual(4);
    }
  });

  it("names only canonical taxonomy skills", () => {
    for (const name of [...SKILL_TRACKS.flatMap((t) => [...t.core, ...t.extra]), ...CAREER_SKILLS]) expect(canonical(name)).toBe(name);
  });

  it("has a few mentees whose manager is one of the mentors", () => {
    const mentorEmails = new Set(mentors.map((m) => m.email));
    const managed = mentees.filter((e) => mentorEmails.has(e.answers.manager_email as string));
    expect(managed.length).toBeGreaterThanOrEqual(2);
    expect(managed.length).toBeLessThanOrEqual(6);
  });

  it("scales to thousands of people with unique emails that still import cleanly", () => {
    const big = generateCohort({ size: 2_000 });
    expect(new Set(big.map((p) => p.email)).size).toBe(2_000);
    expect(planOf(cohortCsv(big)).errors).toEqual([]);
  });
});
