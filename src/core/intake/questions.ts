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

/** Mentoring programmes enrol mentors and mentees; coaching programmes coaches and coachees. */
export type IntakeRole = "mentor" | "mentee" | "coach" | "coachee";

export const rolesForProgrammeType = (type: "mentoring" | "coaching"): [IntakeRole, IntakeRole] =>
  type === "mentoring" ? ["mentor", "mentee"] : ["coach", "coachee"];

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

/** The questions every form starts with, in our own words. */
export function defaultQuestions(role: IntakeRole): Question[] {
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
