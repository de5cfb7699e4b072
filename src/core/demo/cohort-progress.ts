import { trainingFor } from "../enrolment/training.js";
import type { DemoPerson } from "./generate-cohort.js";
import { seededRandom } from "./random.js";

/**
 * Where each demo person stands a few weeks into enrolment, so the demo looks like a
 * programme in progress rather than a fresh import: some applications still wait for a
 * decision, a couple are waitlisted, and onboarding is done by some, begun by others.
 */
export type CohortProgress = {
  /** Applied through the public link and waiting for the coordinator's review. */
  pending: string[];
  waitlisted: string[];
  /** How many onboarding modules each approved person has finished (absent = none). */
  modulesDone: Map<string, number>;
  /** When each person applied, in whole days before now. */
  appliedDaysAgo: Map<string, number>;
};

/** 8 pending and 2 waitlisted in a cohort of 60; the same shares at any size. */
const PENDING_SHARE = 8 / 60;
const WAITLISTED_SHARE = 2 / 60;
/** Three quarters of pending applications come from mentees, as in real intakes. */
const PENDING_MENTEE_SHARE = 0.75;
const ENROLMENT_WINDOW_DAYS = 21;

export function cohortProgress(people: readonly DemoPerson[], seed: number): CohortProgress {
  const random = seededRandom(seed);
  // People in a mentor–manager pair stay approved: they are what the matching demo needs.
  const mentorEmails = new Set(people.filter((p) => p.role === "mentor").map((p) => p.email));
  const managers = new Set(people.map((p) => p.answers.manager_email));
  const inManagerPair = (p: DemoPerson) =>
    p.role === "mentor" ? managers.has(p.email) : mentorEmails.has(p.answers.manager_email as string);
  const free = people.filter((p) => !inManagerPair(p));
  const mentees = free.filter((p) => p.role === "mentee");
  const mentors = free.filter((p) => p.role === "mentor");

  const pendingCount = Math.round(people.length * PENDING_SHARE);
  const waitlistedCount = Math.round(people.length * WAITLISTED_SHARE);
  const menteePicks = random.sample(mentees, Math.round(pendingCount * PENDING_MENTEE_SHARE) + waitlistedCount);
  const pending = [
    ...menteePicks.slice(waitlistedCount),
    ...random.sample(mentors, pendingCount - (menteePicks.length - waitlistedCount)),
  ].map((p) => p.email);
  const waitlisted = menteePicks.slice(0, waitlistedCount).map((p) => p.email);

  const isPending = new Set(pending);
  const undecided = new Set([...pending, ...waitlisted]);
  const modulesDone = new Map<string, number>();
  const appliedDaysAgo = new Map<string, number>();
  for (const person of people) {
    // Pending applications are the newest; everyone else applied over the enrolment window.
    appliedDaysAgo.set(person.email, isPending.has(person.email) ? random.int(0, 4) : random.int(5, ENROLMENT_WINDOW_DAYS));
    if (undecided.has(person.email)) continue;
    const total = trainingFor(person.role).length;
    const roll = random.next();
    // About half finished onboarding, a quarter are part-way, the rest have not started.
    if (roll < 0.5) modulesDone.set(person.email, total);
    else if (roll < 0.75) modulesDone.set(person.email, random.int(1, total - 1));
  }
  return { pending, waitlisted, modulesDone, appliedDaysAgo };
}
