/**
 * What a survey asks. A survey answer is meant for the programme's coordinators; it is
 * not pair content, and respondents are told before answering whether it carries their name.
 */
export const QUESTION_TYPES = ["nps", "rating", "agreement", "single_choice", "multiple_choice", "short_text", "long_text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  nps: "Recommend score (0–10)",
  rating: "Rating (1–5)",
  agreement: "Agreement scale",
  single_choice: "One choice",
  multiple_choice: "Several choices",
  short_text: "Short text",
  long_text: "Long text",
};

/** The five points of the agreement scale, stored as 1 … 5. */
export const AGREEMENT_LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;
/** How the ends of a 1–5 rating read. */
export const RATING_ENDS = { low: "1 — very poorly", high: "5 — very well" } as const;

export type SurveyQuestion = {
  /** Stable within the survey: answers, results and exports refer to it. */
  id: string;
  type: QuestionType;
  prompt: string;
  help?: string;
  required: boolean;
  /** The choices of single and multiple choice questions. */
  options?: string[];
  /** The 1–5 rating whose score is the survey's pulse: trended by week and watched for low scores. */
  pulse?: boolean;
};

export type AnswerValue = number | string | string[];
export type SurveyAnswers = Record<string, AnswerValue>;

/** Who a survey goes to; sponsors are the people who back a coaching engagement. */
export const AUDIENCES = ["mentees", "mentors", "coaches", "coachees", "sponsors"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_ROLE = { mentees: "mentee", mentors: "mentor", coaches: "coach", coachees: "coachee", sponsors: "sponsor" } as const;
export type AudienceRole = (typeof AUDIENCE_ROLE)[Audience];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  mentees: "Mentees",
  mentors: "Mentors",
  coaches: "Coaches",
  coachees: "Coachees",
  sponsors: "Sponsors",
};

export const LIMITS = { questions: 40, prompt: 300, help: 500, options: 20, option: 120, shortText: 200, longText: 4000 } as const;

export const isScale = (t: QuestionType) => t === "nps" || t === "rating" || t === "agreement";
export const isChoice = (t: QuestionType) => t === "single_choice" || t === "multiple_choice";
export const isText = (t: QuestionType) => t === "short_text" || t === "long_text";

/** The lowest and highest score of a scale question. */
export const scaleRange = (t: QuestionType): [number, number] => (t === "nps" ? [0, 10] : [1, 5]);

export type Issue = { path: (string | number)[]; message: string };

/** Problems with a survey's questions, each pointing at the question and field. */
export function questionsProblems(questions: SurveyQuestion[]): Issue[] {
  const issues: Issue[] = [];
  if (questions.length === 0) issues.push({ path: ["questions"], message: "Add at least one question." });
  if (questions.length > LIMITS.questions)
    issues.push({ path: ["questions"], message: `A survey has at most ${LIMITS.questions} questions.` });
  const seen = new Set<string>();
  let pulses = 0;
  questions.forEach((q, i) => {
    const at = (field: string) => ["questions", i, field];
    if (seen.has(q.id)) issues.push({ path: at("id"), message: `Two questions share the id "${q.id}".` });
    seen.add(q.id);
    if (!q.prompt.trim()) issues.push({ path: at("prompt"), message: "Write the question." });
    if (isChoice(q.type)) {
      const options = (q.options ?? []).map((o) => o.trim());
      if (options.length < 2) issues.push({ path: at("options"), message: "Give at least two choices." });
      if (options.length > LIMITS.options) issues.push({ path: at("options"), message: `At most ${LIMITS.options} choices.` });
      if (options.some((o) => !o)) issues.push({ path: at("options"), message: "A choice cannot be empty." });
      if (new Set(options).size !== options.length) issues.push({ path: at("options"), message: "Each choice must be different." });
    } else if (q.options?.length) {
      issues.push({ path: at("options"), message: "Only choice questions have choices." });
    }
    if (q.pulse) {
      pulses++;
      if (q.type !== "rating") issues.push({ path: at("pulse"), message: "Only a 1–5 rating can be the pulse score." });
    }
  });
  if (pulses > 1) issues.push({ path: ["questions"], message: "Mark at most one question as the pulse score." });
  return issues;
}

const blank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * Checks answers against the questions and returns them cleaned (text trimmed, blanks
 * left out). Unknown question ids are refused, so a stale form never drops an answer silently.
 */
export function checkAnswers(questions: SurveyQuestion[], given: Record<string, unknown>): { answers: SurveyAnswers; issues: Issue[] } {
  const issues: Issue[] = [];
  const answers: SurveyAnswers = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const key of Object.keys(given)) {
    if (!byId.has(key)) issues.push({ path: ["answers", key], message: "This question is not in the survey (reload the page)." });
  }
  for (const q of questions) {
    const raw = typeof given[q.id] === "string" ? (given[q.id] as string).trim() : given[q.id];
    const at = ["answers", q.id];
    if (blank(raw)) {
      if (q.required) issues.push({ path: at, message: "This question needs an answer." });
      continue;
    }
    if (isScale(q.type)) {
      const [low, high] = scaleRange(q.type);
      if (typeof raw !== "number" || !Number.isInteger(raw) || raw < low || raw > high) {
        issues.push({ path: at, message: `Choose a whole number from ${low} to ${high}.` });
      } else answers[q.id] = raw;
    } else if (q.type === "single_choice") {
      if (typeof raw !== "string" || !(q.options ?? []).includes(raw)) issues.push({ path: at, message: "Choose one of the options." });
      else answers[q.id] = raw;
    } else if (q.type === "multiple_choice") {
      const list = Array.isArray(raw) ? raw : null;
      if (!list || list.some((o) => typeof o !== "string" || !(q.options ?? []).includes(o))) {
        issues.push({ path: at, message: "Choose from the options given." });
      } else answers[q.id] = [...new Set(list as string[])];
    } else {
      const max = q.type === "short_text" ? LIMITS.shortText : LIMITS.longText;
      if (typeof raw !== "string") issues.push({ path: at, message: "Answer in words." });
      else if (raw.length > max) issues.push({ path: at, message: `Keep it to ${max} characters.` });
      else answers[q.id] = raw;
    }
  }
  return { answers, issues };
}
