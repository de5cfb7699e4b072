import type { Answers } from "../../../core/intake/questions.js";
import type { CandidateSet } from "../../../core/matching/candidates.js";
import { pickedMentors, preferencePoints, type StatedPreferences } from "../../../core/matching/preferences.js";
import type { Profile } from "../../../core/matching/profile.js";

type Person = { id: string; email: string; answers: Answers };

const emails = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").map((x) => x.trim().toLowerCase()) : [];

/** Reads the preference questions' answers (email addresses) into enrolment ids; unknown addresses are ignored. */
export function statedPreferences(mentees: readonly Person[], mentors: readonly Person[]): StatedPreferences {
  const mentorByEmail = new Map(mentors.map((m) => [m.email, m.id]));
  const menteeByEmail = new Map(mentees.map((e) => [e.email, e.id]));
  const ids = (list: string[], by: Map<string, string>) => list.flatMap((email) => (by.has(email) ? [by.get(email) as string] : []));
  return {
    menteePicks: new Map(mentees.map((e) => [e.id, ids(emails(e.answers.mentor_picks), mentorByEmail)])),
    mentorPrefers: new Map(mentors.map((m) => [m.id, new Set(ids(emails(m.answers.prefer_mentees), menteeByEmail))])),
    mentorAvoids: new Map(mentors.map((m) => [m.id, new Set(ids(emails(m.answers.avoid_mentees), menteeByEmail))])),
  };
}

/**
 * The candidate pairs with preference points added, plus every allowed pair a mentee picked that
 * the top-K cut left out: a pick must be able to win even when its fit alone would not rank it.
 */
export function withPreferences(
  candidates: CandidateSet,
  prefs: StatedPreferences,
  mentees: readonly Profile[],
  mentors: readonly Profile[],
  fitOf: (mentee: number, mentor: number) => number | undefined,
) {
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const present = new Set<number>();
  const extra: [number, number, number][] = [];
  for (let i = 0; i < candidates.edgeMentee.length; i++) present.add(candidates.edgeMentee[i] * mentors.length + candidates.edgeMentor[i]);
  mentees.forEach((mentee, e) => {
    for (const mentorId of pickedMentors(mentee.id, prefs)) {
      const m = mentorIndex.get(mentorId);
      if (m === undefined || present.has(e * mentors.length + m)) continue;
      const fit = fitOf(e, m);
      if (fit !== undefined) extra.push([e, m, fit]);
      present.add(e * mentors.length + m);
    }
  });
  const count = candidates.edgeMentee.length + extra.length;
  const edgeMentee = new Int32Array(count);
  const edgeMentor = new Int32Array(count);
  const edgeScore = new Float64Array(count);
  edgeMentee.set(candidates.edgeMentee);
  edgeMentor.set(candidates.edgeMentor);
  edgeScore.set(candidates.edgeScore);
  extra.forEach(([e, m, s], j) => {
    const i = candidates.edgeMentee.length + j;
    edgeMentee[i] = e;
    edgeMentor[i] = m;
    edgeScore[i] = s;
  });
  for (let i = 0; i < count; i++) edgeScore[i] += preferencePoints(mentees[edgeMentee[i]].id, mentors[edgeMentor[i]].id, prefs).points;
  return { edgeMentee, edgeMentor, edgeScore };
}
