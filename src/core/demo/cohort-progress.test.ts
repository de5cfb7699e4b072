import { describe, expect, it } from "vitest";
import { trainingFor } from "../enrolment/training.js";
import { cohortProgress } from "./cohort-progress.js";
import { DEMO_SEED, generateCohort } from "./generate-cohort.js";

const cohort = generateCohort();
const progress = cohortProgress(cohort, DEMO_SEED);

describe("the demo cohort's progress", () => {
  it("is deterministic", () => {
    expect(cohortProgress(cohort, DEMO_SEED)).toEqual(progress);
  });

  it("leaves 8 applications pending (mostly mentees) and waitlists 2 mentees", () => {
    expect(progress.pending).toHaveLength(8);
    expect(progress.waitlisted).toHaveLength(2);
    expect(new Set([...progress.pending, ...progress.waitlisted]).size).toBe(10);
    const role = (email: string) => cohort.find((p) => p.email === email)?.role;
    expect(progress.pending.filter((e) => role(e) === "mentee").length).toBe(6);
    expect(progress.waitlisted.map(role)).toEqual(["mentee", "mentee"]);
  });

  it("keeps every mentee–manager pair approved, so matching has to avoid them", () => {
    const undecided = new Set([...progress.pending, ...progress.waitlisted]);
    const mentors = new Set(cohort.filter((p) => p.role === "mentor").map((p) => p.email));
    for (const p of cohort) {
      const manager = p.answers.manager_email as string | undefined;
      if (manager && mentors.has(manager)) {
        expect(undecided.has(p.email)).toBe(false);
        expect(undecided.has(manager)).toBe(false);
      }
    }
  });

  it("has about half the approved people through onboarding and some part-way", () => {
    const undecided = new Set([...progress.pending, ...progress.waitlisted]);
    const approved = cohort.filter((p) => !undecided.has(p.email));
    const done = approved.filter((p) => progress.modulesDone.get(p.email) === trainingFor(p.role).length);
    const partial = approved.filter((p) => (progress.modulesDone.get(p.email) ?? 0) > 0 && !done.includes(p));
    expect(done.length).toBeGreaterThanOrEqual(approved.length * 0.35);
    expect(done.length).toBeLessThanOrEqual(approved.length * 0.65);
    expect(partial.length).toBeGreaterThan(3);
    for (const email of undecided) expect(progress.modulesDone.has(email)).toBe(false);
  });

  it("dates pending applications as the newest", () => {
    const pendingDays = progress.pending.map((e) => progress.appliedDaysAgo.get(e) as number);
    const otherDays = cohort.filter((p) => !progress.pending.includes(p.email)).map((p) => progress.appliedDaysAgo.get(p.email) as number);
    expect(Math.max(...pendingDays)).toBeLessThan(Math.min(...otherDays));
  });
});
