import type { Answers, AvailabilityWindow, SkillAnswer } from "../../../core/intake/questions.js";
import { WEEKDAYS } from "../../../core/intake/questions.js";
import type { GrowthArea, Profile, WeeklyWindow } from "../../../core/matching/profile.js";
import { utcOffsetMinutes } from "../../../core/time-zones.js";

const AREA: Record<string, GrowthArea> = {
  "technical skills": "technical",
  "career development": "career",
  "personal development": "personal",
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * What the engine needs from one person's intake answers. Time zones become offsets at the
 * programme's start, so the engine compares plain numbers.
 */
export function profileFromAnswers(id: string, email: string, answers: Answers, termStart: Date): Profile {
  const timezone = typeof answers.timezone === "string" ? answers.timezone : "UTC";
  const windows = Array.isArray(answers.availability) ? (answers.availability as AvailabilityWindow[]) : [];
  return {
    id,
    email,
    managerEmail: typeof answers.manager_email === "string" ? answers.manager_email : undefined,
    skills: Array.isArray(answers.skills) ? (answers.skills as SkillAnswer[]).map((s) => ({ name: s.name, level: s.level })) : [],
    areasOffered: list(answers.offers).flatMap((a) => (AREA[a] ? [AREA[a]] : [])),
    areasSought: list(answers.seeks).flatMap((a) => (AREA[a] ? [AREA[a]] : [])),
    yearsExperience: typeof answers.years_experience === "number" ? answers.years_experience : 0,
    interests: list(answers.interests),
    utcOffsetMinutes: utcOffsetMinutes(timezone, termStart),
    availability: windows.map((w): WeeklyWindow => ({ day: WEEKDAYS.indexOf(w.day), start: minutes(w.start), end: minutes(w.end) })),
    languages: list(answers.languages),
  };
}
