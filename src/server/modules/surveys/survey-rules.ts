import { termWeeks } from "../../../core/programmes/phases.js";
import { type Audience, type Issue, questionsProblems, type SurveyQuestion } from "../../../core/surveys/questions.js";
import type { SurveySchedule } from "../../../core/surveys/schedule.js";
import { badRequest } from "../../platform/errors.js";
import type { ProgrammeRow } from "../programmes/repository.js";

/** Who can be asked in each kind of programme: a mentoring survey cannot reach coaches, nor a coaching one mentees. */
export const AUDIENCES_BY_TYPE: Record<ProgrammeRow["type"], Audience[]> = {
  mentoring: ["mentees", "mentors"],
  coaching: ["coachees", "coaches", "sponsors"],
};

type Draft = { audiences: Audience[]; schedule: SurveySchedule; questions: SurveyQuestion[] };

/** Everything wrong with a survey for this programme, as one 400 listing each field; nothing is written. */
export function assertSurveyFits(programme: Pick<ProgrammeRow, "type" | "termStart" | "termEnd">, draft: Draft) {
  const issues: Issue[] = [...questionsProblems(draft.questions)];
  const allowed = AUDIENCES_BY_TYPE[programme.type];
  const wrong = draft.audiences.filter((a) => !allowed.includes(a));
  if (wrong.length) {
    issues.push({
      path: ["audiences"],
      message: `A ${programme.type} programme has no ${wrong.join(" or ")}; choose from ${allowed.join(", ")}.`,
    });
  }
  const weeks = termWeeks(programme.termStart, programme.termEnd);
  const s = draft.schedule;
  const week = s.kind === "week" ? s.week : s.kind === "every" ? s.fromWeek : null;
  if (week !== null && week > weeks) issues.push({ path: ["schedule"], message: `The term has ${weeks} weeks; week ${week} is after it.` });
  if (issues.length) throw badRequest("validation_failed", issues[0].message, { issues });
}
