import { bestCoachFit, coachProfiles, SPECIALISM_LEVEL } from "../../../core/coaching/shortlist.js";
import type { Answers, SkillAnswer } from "../../../core/intake/questions.js";
import type { PairScore } from "../../../core/matching/scoring.js";
import { utcOffsetMinutes } from "../../../core/time-zones.js";
import type { Executor } from "../../platform/db.js";
import { hardRules, pairHistory, skillInfoFor } from "../matching/pair-rules.js";
import { profileFromAnswers } from "../matching/profiles.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import type { EffectiveProfile } from "./coach-profiles.js";

export type Coachee = { enrolmentId: string; email: string; answers: Answers };
export type CoachForFit = { enrolmentId: string; email: string; answers: Answers; profile: EffectiveProfile };

/**
 * Scores coachees against coaches with the matching engine, for one programme: the
 * coach's profile (specialisms, languages, every time zone they work in) stands in for
 * their intake answers, and the engine's hard rules hold — never one's own manager, a
 * shared language, never a previous or declined pair. Time zones are read at the moment
 * the engagement would start.
 */
export async function coachFitFor(db: Executor, programme: Pick<ProgrammeRow, "id">, at: Date) {
  const [skillInfo, history] = await Promise.all([skillInfoFor(db), pairHistory(db, programme.id)]);
  const rules = hardRules(history, true, []);
  return (coachee: Coachee, coach: CoachForFit): PairScore => {
    const e = profileFromAnswers(coachee.enrolmentId, coachee.email, coachee.answers, at);
    const answered = Array.isArray(coach.answers.skills) ? (coach.answers.skills as SkillAnswer[]) : [];
    const levelOf = (name: string) => answered.find((s) => s.name.toLowerCase() === name.toLowerCase())?.level ?? SPECIALISM_LEVEL;
    const base = {
      ...profileFromAnswers(coach.enrolmentId, coach.email, coach.answers, at),
      skills: coach.profile.specialisms.map((name) => ({ name, level: levelOf(name) })),
      languages: coach.profile.languages,
    };
    const zones = coach.profile.timeZones.map((z) => utcOffsetMinutes(z, at));
    return bestCoachFit(e, coachProfiles(base, zones), rules, skillInfo);
  };
}
