/**
 * Intake form questions. Coordinators add the first six kinds; the rest are the
 * structured kinds of the built-in questions that matching reads.
 */
export const CUSTOM_KINDS = ["short_text", "long_text", "single_choice", "multi_choice", "scale", "skills"] as const;
export const BUILTIN_KINDS = ["number", "tags", "timezone", "availability", "email"] as const;
export type QuestionKind = (typeof CUSTOM_KINDS)[number] | (typeof BUILTIN_KINDS)[number];

export type Question = {
  /** Stable identifier: answers, CSV columns and matching refer to it. Never reused for another meaning. */
  key: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  help?: string;
  choices?: string[];
  min?: number;
  max?: number;
  /** Built-in questions may be reworded or made optional, not removed or retyped: matching reads them. */
  builtin?: boolean;
  /** A built-in question a coordinator may remove (stated preferences: not every programme wants them). */
  removable?: boolean;
};

/**
 * Mentoring programmes enrol mentors and mentees; coaching programmes coaches and coachees,
 * and sponsors (who are invited, never apply, and see agreed outcomes only).
 */
export type IntakeRole = "mentor" | "mentee" | "coach" | "coachee" | "sponsor";

/** The side that gives time and has a capacity. */
export const isGivingRole = (role: IntakeRole) => role === "mentor" || role === "coach";

export type FormDefinition = { role: IntakeRole; version: number; questions: Question[] };

export const AREAS = ["technical skills", "career development", "personal development"] as const;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type AvailabilityWindow = { day: Weekday; start: string; end: string };
export type SkillAnswer = { name: string; level: number };

export type AnswerValue = string | number | string[] | SkillAnswer[] | AvailabilityWindow[];
export type Answers = Record<string, AnswerValue>;

const q = (question: Question): Question => ({ ...question, builtin: true });

/** The questions every form starts with, in our own words; coaching has its own set. */
export function defaultQuestions(role: IntakeRole): Question[] {
  if (role === "coach") return coachQuestions();
  if (role === "coachee") return coacheeQuestions();
  if (role === "sponsor") return [];
  return mentoringQuestions(role);
}

function mentoringQuestions(role: "mentor" | "mentee"): Question[] {
  const mentor = isGivingRole(role);
  return [
    q({ key: "years_experience", label: "How many years have you worked in software?", kind: "number", required: true, min: 0, max: 60 }),
    q({
      key: "skills",
      label: mentor
        ? "Which skills can you help others grow in, and how strong are you in each?"
        : "Which skills do you want to grow, and what level are you aiming for?",
      help: "Level 1 = beginner, 5 = expert.",
      kind: "skills",
      required: true,
    }),
    q({
      key: mentor ? "offers" : "seeks",
      label: mentor ? "What can you help with?" : "What do you want help with?",
      kind: "multi_choice",
      choices: [...AREAS],
      required: true,
    }),
    q({
      key: "interests",
      label: "Interests outside work",
      help: "Shared interests help a pair get going.",
      kind: "tags",
      required: false,
    }),
    q({ key: "timezone", label: "Your time zone", kind: "timezone", required: true }),
    q({ key: "languages", label: "Languages you can meet in", kind: "tags", required: true }),
    q({
      key: "availability",
      label: "When can you usually meet each week?",
      help: "In your own time zone.",
      kind: "availability",
      required: false,
    }),
    q({
      key: "manager_email",
      label: "Your manager's email",
      help: "So we never pair you with your own manager or report.",
      kind: "email",
      required: false,
    }),
    ...(mentor
      ? [
          q({ key: "capacity", label: "How many people can you take on at once?", kind: "number", required: true, min: 1, max: 10 }),
          q({
            key: "prefer_mentees",
            label: "Anyone you would especially like to support?",
            help: "Their email addresses. Matching favours these pairs; it does not promise them.",
            kind: "tags",
            required: false,
            removable: true,
          }),
          q({
            key: "avoid_mentees",
            label: "Anyone you would rather not be paired with, for example someone in your own team?",
            help: "Their email addresses. Matching avoids these pairs unless nobody else is left.",
            kind: "tags",
            required: false,
            removable: true,
          }),
        ]
      : [
          q({
            key: "mentor_picks",
            label: "Anyone you would especially like to learn from?",
            help: "Their email addresses, the one you want most first. Matching favours your picks; it does not promise them.",
            kind: "tags",
            required: false,
            removable: true,
          }),
        ]),
  ];
}

/**
 * A coach is a professional offering a service, not a volunteer with preferences: no
 * "anyone you would like to support" questions; instead what a coachee needs to choose
 * (credentials, approach, a short bio), which seed the coach's profile.
 */
function coachQuestions(): Question[] {
  return [
    q({
      key: "years_experience",
      label: "How many years have you coached professionally?",
      kind: "number",
      required: true,
      min: 0,
      max: 60,
    }),
    q({
      key: "skills",
      label: "Which skills do you coach, and how deep is your experience in each?",
      help: "Your specialisms. Level 1 = some experience, 5 = a core specialism.",
      kind: "skills",
      required: true,
    }),
    q({ key: "offers", label: "What do you coach on?", kind: "multi_choice", choices: [...AREAS], required: true }),
    q({ key: "timezone", label: "Your main time zone", kind: "timezone", required: true }),
    q({ key: "languages", label: "Languages you coach in", kind: "tags", required: true }),
    q({
      key: "availability",
      label: "When can you usually hold sessions each week?",
      help: "In your own time zone.",
      kind: "availability",
      required: false,
    }),
    q({
      key: "manager_email",
      label: "If you work inside the organisation: your manager's email",
      help: "So you are never asked to coach your own manager or report.",
      kind: "email",
      required: false,
    }),
    q({ key: "capacity", label: "How many engagements can you run at once?", kind: "number", required: true, min: 1, max: 20 }),
    q({
      key: "credentials",
      label: "Your coaching credentials",
      help: "For example the accrediting body, the level and the year; one per line.",
      kind: "long_text",
      required: false,
    }),
    q({ key: "approach", label: "How you work: the approach and frameworks you use", kind: "long_text", required: false }),
    q({ key: "bio", label: "A short bio that coachees will read", kind: "long_text", required: false }),
  ];
}

/** A coachee says what they want to change; the coach and the sponsor agree how it is measured later. */
function coacheeQuestions(): Question[] {
  return [
    q({ key: "years_experience", label: "How many years have you worked in software?", kind: "number", required: true, min: 0, max: 60 }),
    q({
      key: "skills",
      label: "Which skills do you want to work on with a coach, and where are you today?",
      help: "Level 1 = just starting, 5 = already strong.",
      kind: "skills",
      required: true,
    }),
    q({ key: "seeks", label: "What do you want coaching on?", kind: "multi_choice", choices: [...AREAS], required: true }),
    q({
      key: "coaching_goal",
      label: "What would you like to be different when the coaching ends?",
      help: "A sentence or two; you will turn it into measurable outcomes with your coach.",
      kind: "long_text",
      required: false,
    }),
    q({ key: "timezone", label: "Your time zone", kind: "timezone", required: true }),
    q({ key: "languages", label: "Languages you can be coached in", kind: "tags", required: true }),
    q({
      key: "availability",
      label: "When can you usually meet each week?",
      help: "In your own time zone.",
      kind: "availability",
      required: false,
    }),
    q({
      key: "manager_email",
      label: "Your manager's email",
      help: "So you are never offered your own manager as a coach.",
      kind: "email",
      required: false,
    }),
  ];
}
