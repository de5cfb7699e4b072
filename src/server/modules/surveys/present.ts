import { termWeeks } from "../../../core/programmes/phases.js";
import { describeSchedule } from "../../../core/surveys/schedule.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import type { surveys } from "./tables.js";

export type SurveyRow = typeof surveys.$inferSelect;

export const scheduleText = (s: SurveyRow, programme: Pick<ProgrammeRow, "termStart" | "termEnd">) =>
  describeSchedule(s.schedule, termWeeks(programme.termStart, programme.termEnd));

/** A survey's definition, for its coordinators. */
export const presentSurvey = (s: SurveyRow, programme: Pick<ProgrammeRow, "termStart" | "termEnd">, hasResponses: boolean) => ({
  id: s.id,
  purpose: s.purpose,
  title: s.title,
  intro: s.intro,
  anonymous: s.anonymous,
  audiences: s.audiences,
  schedule: s.schedule,
  scheduleText: scheduleText(s, programme),
  openDays: s.openDays,
  reminderAfterDays: s.reminderAfterDays,
  questions: s.questions,
  status: s.status,
  hasResponses,
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
