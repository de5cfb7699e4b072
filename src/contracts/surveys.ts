import { z } from "zod";
import { AUDIENCES, LIMITS, QUESTION_TYPES } from "../core/surveys/questions.js";
import { Id } from "./common.js";

const version = z.number().int().min(1).describe("The version you edited; a mismatch returns 409 version_conflict");

export const SurveyAudience = z.enum(AUDIENCES);
export const SurveyStatus = z.enum(["draft", "active", "closed"]);
export const SurveyPurpose = z.enum(["pulse", "midpoint", "end", "follow_up", "custom"]);

const weeks = (what: string, min: number, max: number) =>
  z
    .number({ message: `${what} is a number` })
    .int(`${what} is a whole number`)
    .min(min, `${what} is at least ${min}`)
    .max(max, `${what} is at most ${max}`);

export const SurveySchedule = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("every"),
      everyWeeks: weeks("Every how many weeks", 1, 26),
      fromWeek: weeks("The first week", 1, 260),
    }),
    z.strictObject({ kind: z.literal("week"), week: weeks("The week", 1, 260) }),
    z.strictObject({ kind: z.literal("midpoint") }),
    z.strictObject({ kind: z.literal("end") }),
    z.strictObject({ kind: z.literal("after_end"), weeks: weeks("Weeks after the end", 1, 52) }),
    z.strictObject({ kind: z.literal("after_pair_start"), weeks: weeks("Weeks after the pair starts", 0, 104) }),
    z.strictObject({ kind: z.literal("after_pair_end"), weeks: weeks("Weeks after the pair finishes", 0, 52) }),
    z.strictObject({ kind: z.literal("manual") }),
  ])
  .meta({ id: "SurveySchedule" });

export const SurveyQuestion = z
  .strictObject({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, "Question ids use lower-case letters, digits and _ (up to 40)"),
    type: z.enum(QUESTION_TYPES),
    prompt: z.string().trim().min(1, "Write the question").max(LIMITS.prompt, `Questions are at most ${LIMITS.prompt} characters`),
    help: z.string().trim().max(LIMITS.help, `Help text is at most ${LIMITS.help} characters`).optional(),
    required: z.boolean(),
    options: z
      .array(z.string().trim().max(LIMITS.option, `Choices are at most ${LIMITS.option} characters`))
      .max(LIMITS.options)
      .optional(),
    pulse: z.boolean().optional(),
  })
  .meta({ id: "SurveyQuestion" });

const surveyFields = {
  title: z.string().trim().min(3, "Give the survey a title of at least 3 characters").max(120, "Titles are at most 120 characters"),
  intro: z.string().trim().max(1000, "The introduction is at most 1,000 characters").default(""),
  anonymous: z.boolean().default(false),
  audiences: z.array(SurveyAudience).min(1, "Choose who the survey goes to").max(AUDIENCES.length),
  schedule: SurveySchedule,
  openDays: weeks("Days open", 1, 60).default(7),
  reminderAfterDays: weeks("Days before the reminder", 1, 30).nullable().default(3),
  questions: z.array(SurveyQuestion).min(1, "Add at least one question").max(LIMITS.questions),
};

export const SurveyCreate = z.strictObject({ ...surveyFields, status: z.enum(["draft", "active"]).default("draft") });
export type SurveyCreate = z.infer<typeof SurveyCreate>;
export const SurveyUpdate = z.strictObject({ ...surveyFields, version });
export type SurveyUpdate = z.infer<typeof SurveyUpdate>;
export const SurveyStatusChange = z.strictObject({ status: SurveyStatus, version });

export const SurveyParams = z.strictObject({ id: Id, surveyId: Id });

export const Survey = z
  .object({
    id: Id,
    purpose: SurveyPurpose,
    title: z.string(),
    intro: z.string(),
    anonymous: z.boolean(),
    audiences: z.array(SurveyAudience),
    schedule: SurveySchedule,
    scheduleText: z.string(),
    openDays: z.number().int(),
    reminderAfterDays: z.number().int().nullable(),
    questions: z.array(SurveyQuestion),
    status: SurveyStatus,
    /** Once anyone answered, the questions stay as they are (duplicate the survey to ask something else). */
    hasResponses: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Survey" });

export const SurveyListItem = z
  .object({
    id: Id,
    purpose: SurveyPurpose,
    title: z.string(),
    anonymous: z.boolean(),
    audiences: z.array(SurveyAudience),
    scheduleText: z.string(),
    status: SurveyStatus,
    invited: z.number().int(),
    answered: z.number().int(),
    responseRate: z.number().nullable().describe("Answered ÷ invited, 0–1; null before anyone is invited"),
    lastSentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "SurveyListItem" });
export const SurveyList = z.object({ items: z.array(SurveyListItem) });

export const SendResult = z.object({ invited: z.number().int(), occasion: z.string() });

const Bucket = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
const Nps = z.object({
  n: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  score: z.number().int().nullable(),
});

export const TextAnswer = z.object({
  text: z.string(),
  /** Attributed surveys only: who said it, their side and when. Anonymous answers carry none of this. */
  respondent: z.object({ name: z.string(), role: z.string() }).nullable(),
  submittedAt: z.iso.datetime().nullable(),
});

export const QuestionResult = z
  .object({
    questionId: z.string(),
    type: z.enum(QUESTION_TYPES),
    prompt: z.string(),
    n: z.number().int(),
    distribution: z.array(Bucket),
    average: z.number().nullable(),
    nps: Nps.nullable(),
    textAnswers: z.array(TextAnswer),
  })
  .meta({ id: "SurveyQuestionResult" });

export const SurveyResults = z
  .object({
    surveyId: Id,
    title: z.string(),
    anonymous: z.boolean(),
    invited: z.number().int(),
    responses: z.number().int(),
    responseRate: z.number().nullable(),
    /** True when the survey is anonymous and fewer than the threshold have answered: nothing else is shown. */
    suppressed: z.boolean(),
    threshold: z.number().int(),
    notice: z.string().nullable(),
    questions: z.array(QuestionResult),
    pulseTrend: z.array(z.object({ week: z.number().int(), n: z.number().int(), average: z.number() })),
  })
  .meta({ id: "SurveyResults" });

// ---- Respondents

export const SurveyLinkParams = z.strictObject({ token: z.string().min(10).max(100) });

export const SurveyForRespondent = z
  .object({
    state: z.enum(["open", "answered", "closed"]),
    programme: z.object({ name: z.string() }),
    title: z.string(),
    intro: z.string(),
    anonymous: z.boolean(),
    /** Said before the questions: who will see the answers. */
    privacyNote: z.string(),
    /** The pair the survey asks about, by the other person's name. */
    about: z.string().nullable(),
    closesAt: z.iso.datetime(),
    questions: z.array(SurveyQuestion),
  })
  .meta({ id: "SurveyForRespondent" });

const AnswerValue = z.union([z.number(), z.string(), z.array(z.string())]);
export const SurveyAnswer = z.strictObject({ answers: z.record(z.string(), AnswerValue) });
export const SurveyAnswered = z.object({ state: z.literal("answered") });

export const MySurvey = z
  .object({
    title: z.string(),
    programme: z.object({ id: Id, name: z.string() }),
    about: z.string().nullable(),
    anonymous: z.boolean(),
    closesAt: z.iso.datetime(),
    /** Where to answer: the same one-click page the email links to. */
    path: z.string(),
  })
  .meta({ id: "MySurvey" });
export const MySurveys = z.object({ items: z.array(MySurvey) });
