import type { AvailabilityWindow, Question, SkillAnswer } from "../../../core/intake/questions";
import { validateAnswers } from "../../../core/intake/validate-answers";
import type { FieldTargets } from "../../components/error-summary";
import { browserTimeZone } from "../../lib/dates";
import type { FieldErrors } from "../../lib/form-errors";

export type { AvailabilityWindow, Question, SkillAnswer };

/** What a field holds while someone fills it in: text as typed, lists as lists. */
export type DraftValue = string | string[] | SkillAnswer[] | AvailabilityWindow[];
export type AnswerDraft = Record<string, DraftValue>;

const isList = (kind: Question["kind"]) => kind === "multi_choice" || kind === "tags" || kind === "skills" || kind === "availability";

/** A draft from saved answers (or empty), with the browser's time zone as a starting guess. */
export function draftFromAnswers(questions: ReadonlyArray<Question>, answers: Record<string, unknown> = {}): AnswerDraft {
  const draft: AnswerDraft = {};
  for (const question of questions) {
    const value = answers[question.key];
    if (isList(question.kind)) draft[question.key] = Array.isArray(value) ? (value as DraftValue) : [];
    else if (typeof value === "number") draft[question.key] = String(value);
    else if (typeof value === "string") draft[question.key] = value;
    else draft[question.key] = question.kind === "timezone" ? browserTimeZone() : "";
  }
  return draft;
}

/** Draft values keyed as the API wants them: text trimmed, blank answers left out. */
function rawAnswers(questions: ReadonlyArray<Question>, draft: AnswerDraft): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const value = draft[question.key];
    if (value === undefined) continue;
    if (typeof value === "string") {
      if (value.trim() !== "") answers[question.key] = value.trim();
    } else if (question.kind === "skills") {
      const skills = (value as SkillAnswer[]).filter((skill) => skill.name.trim() !== "");
      if (skills.length > 0) answers[question.key] = skills;
    } else if (value.length > 0) {
      answers[question.key] = value;
    }
  }
  return answers;
}

export const answerFieldKey = (key: string) => `answers.${key}`;

/**
 * Checks a draft with the same rules the server applies (so the messages match) and
 * returns the normalised answers, or the problems keyed like the server's issue paths.
 */
export function checkAnswers(
  questions: ReadonlyArray<Question>,
  draft: AnswerDraft,
): { answers: Record<string, unknown>; problems: FieldErrors | null } {
  const { answers, problems } = validateAnswers({ role: "mentee", version: 1, questions: [...questions] }, rawAnswers(questions, draft));
  if (problems.length === 0) return { answers, problems: null };
  const fields: FieldErrors = {};
  for (const problem of problems) {
    const key = answerFieldKey(problem.key);
    if (!(key in fields)) fields[key] = problem.message;
  }
  return { answers, problems: fields };
}

/** The id of the control a question's error should lead to. */
export function questionTarget(idPrefix: string, question: Question): string {
  const id = `${idPrefix}-${question.key}`;
  switch (question.kind) {
    case "single_choice":
    case "scale":
      return `${id}-input`;
    case "multi_choice":
      return `${id}-0`;
    case "skills":
      return `${id}-new`;
    case "tags":
      return `${id}-new`;
    case "availability":
      return `${id}-add`;
    default:
      return id;
  }
}

/** Error summary entries for every question, in form order. */
export function questionTargets(idPrefix: string, questions: ReadonlyArray<Question>): FieldTargets {
  const targets: FieldTargets = {};
  for (const question of questions) {
    targets[answerFieldKey(question.key)] = { label: question.label, target: questionTarget(idPrefix, question) };
  }
  return targets;
}
