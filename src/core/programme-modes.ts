import { type TrainingModule, trainingFor } from "./enrolment/training.js";
import { defaultQuestions, type IntakeRole, type Question } from "./intake/questions.js";
import { AGENDA_SECTIONS, type AgendaSection, COACHING_AGENDA_SECTIONS } from "./workspace/agenda-template.js";

/**
 * Mentoring and coaching are two products in one model. Everything that differs between
 * them — who drives, who is nudged, how long it lasts, how it ends, what it is called —
 * is chosen here, by programme type, and nowhere else. Code asks `rulesFor(type)` instead
 * of testing the type.
 *
 * A relationship keeps its two sides as `mentor` (the giving side: mentor or coach) and
 * `mentee` (the receiving side: mentee or coachee); the rules below speak in those sides.
 */
export type ProgrammeType = "mentoring" | "coaching";
export type Side = "mentor" | "mentee";

/** Parts of a pair's workspace. A mode either has a part or it does not (the server refuses it). */
export const WORKSPACE_FEATURES = [
  "goals",
  "swot",
  "reflections",
  "debrief",
  "introductions",
  "actionItems",
  "sharedNotes",
  "continuation",
  "weeklyResources",
  "phases",
  "sessionPlan",
  "exercises",
  "outcomes",
  "summaries",
  "agendaTopics",
] as const;
export type WorkspaceFeature = (typeof WORKSPACE_FEATURES)[number];

/** How pairs come to be. */
export type PairingMethod = "round" | "self_match" | "by_hand" | "rematch" | "shortlist" | "assignment";

export type Duration =
  /** A programme term (default 12 weeks of weekly sessions) that a pair may choose to continue past. */
  | { kind: "term"; weeks: number; cadence: "weekly"; sessionMinutes: number }
  /** A package: so many sessions of so long within so many weeks, then it ends. */
  | { kind: "package"; sessions: number; sessionMinutes: number; periodWeeks: number };

export type Words = {
  giver: string;
  givers: string;
  receiver: string;
  receivers: string;
  /** What one relationship is called. */
  pair: string;
  pairs: string;
  /** The default title of a session. */
  sessionTitle: string;
  /** "mentoring" / "coaching", for sentences. */
  activity: string;
  /** The coordinator's page where new pairs are made, and its path under /programmes/:id. */
  pairingPage: { name: string; path: string };
  /** How the pair's agreement on working together is called, and its workspace section. */
  plan: string;
  planSection: string;
};

export interface ModeRules {
  type: ProgrammeType;
  words: Words;
  roles: {
    giver: IntakeRole;
    receiver: IntakeRole;
    /** Roles a person may apply for or be imported as. */
    applicants: readonly IntakeRole[];
    /** Roles a coordinator may invite by email (coaching adds sponsors). */
    invitable: readonly IntakeRole[];
  };
  /** The side that owns the agenda, the goals and the process. */
  drives: Side;
  agenda: {
    author: Side;
    sections: readonly AgendaSection[];
    /** The side that may add "topics I want to raise" beside the other's agenda. */
    topicsFrom: Side | null;
  };
  /** Who owns the GROW goals, when the mode has them. */
  goalsOwner: Side | null;
  /** Who reminders and nudges go to: the side that drives. */
  nudges: Side;
  /** Whether the end of a term asks both whether to continue. */
  continuation: boolean;
  duration: Duration;
  pairing: readonly PairingMethod[];
  features: Readonly<Record<WorkspaceFeature, boolean>>;
  /** The questions a new intake form of this role starts with. */
  intakeQuestions(role: IntakeRole): Question[];
  /** The onboarding modules of this role. */
  training(role: IntakeRole): TrainingModule[];
  /** Why a part of the workspace does not exist in this mode, pointing at what does. */
  missing(feature: WorkspaceFeature): string;
}

const all = (on: boolean) => Object.fromEntries(WORKSPACE_FEATURES.map((f) => [f, on])) as Record<WorkspaceFeature, boolean>;

const MENTORING: ModeRules = {
  type: "mentoring",
  words: {
    giver: "mentor",
    givers: "mentors",
    receiver: "mentee",
    receivers: "mentees",
    pair: "pair",
    pairs: "pairs",
    sessionTitle: "Mentoring session",
    activity: "mentoring",
    pairingPage: { name: "matching page", path: "matching" },
    plan: "mentoring plan",
    planSection: "Plan",
  },
  roles: { giver: "mentor", receiver: "mentee", applicants: ["mentor", "mentee"], invitable: ["mentor", "mentee"] },
  drives: "mentee",
  agenda: { author: "mentee", sections: AGENDA_SECTIONS, topicsFrom: null },
  goalsOwner: "mentee",
  nudges: "mentee",
  continuation: true,
  duration: { kind: "term", weeks: 12, cadence: "weekly", sessionMinutes: 60 },
  pairing: ["round", "self_match", "by_hand", "rematch"],
  features: { ...all(true), sessionPlan: false, exercises: false, outcomes: false, summaries: false, agendaTopics: false },
  intakeQuestions: defaultQuestions,
  training: trainingFor,
  missing: (feature) =>
    `Mentoring pairs have no ${FEATURE_NAMES[feature]}: that belongs to coaching engagements. The mentee drives the pair through goals, agendas and reflections.`,
};

const COACHING: ModeRules = {
  type: "coaching",
  words: {
    giver: "coach",
    givers: "coaches",
    receiver: "coachee",
    receivers: "coachees",
    pair: "engagement",
    pairs: "engagements",
    sessionTitle: "Coaching session",
    activity: "coaching",
    pairingPage: { name: "coaching overview", path: "coaching" },
    plan: "coaching agreement",
    planSection: "Agreement",
  },
  roles: { giver: "coach", receiver: "coachee", applicants: ["coach", "coachee"], invitable: ["coach", "coachee", "sponsor"] },
  drives: "mentor",
  agenda: { author: "mentor", sections: COACHING_AGENDA_SECTIONS, topicsFrom: "mentee" },
  goalsOwner: null,
  nudges: "mentor",
  continuation: false,
  duration: { kind: "package", sessions: 6, sessionMinutes: 60, periodWeeks: 12 },
  pairing: ["shortlist", "assignment"],
  features: {
    ...all(false),
    sessionPlan: true,
    exercises: true,
    outcomes: true,
    summaries: true,
    agendaTopics: true,
  },
  intakeQuestions: defaultQuestions,
  training: trainingFor,
  missing: (feature) => `Coaching engagements have no ${FEATURE_NAMES[feature]}. ${COACHING_INSTEAD[feature] ?? ""}`.trim(),
};

const FEATURE_NAMES: Record<WorkspaceFeature, string> = {
  goals: "GROW goals",
  swot: "SWOT",
  reflections: "reflections",
  debrief: "final debrief",
  introductions: "introductions",
  actionItems: "action items",
  sharedNotes: "shared notes",
  continuation: "question of continuing after the term",
  weeklyResources: "weekly resources",
  phases: "term phases",
  sessionPlan: "session plan",
  exercises: "exercises",
  outcomes: "measured outcomes",
  summaries: "session summaries",
  agendaTopics: "topics beside the agenda",
};

const COACHING_INSTEAD: Partial<Record<WorkspaceFeature, string>> = {
  goals: "The coach agrees measurable outcomes with the coachee instead.",
  reflections: "Progress is measured against the agreed outcomes instead.",
  debrief: "The engagement completes once every outcome has its final measurement.",
  introductions: "A coach's part ends at the sessions.",
  actionItems: "The coach sets exercises between sessions instead.",
  sharedNotes: "The coach shares a summary after each session instead.",
  continuation: "An engagement ends when its package is used or its period is over.",
  weeklyResources: "The coach's session plan structures the engagement instead.",
  phases: "The coach's session plan structures the engagement instead.",
};

export const rulesFor = (type: ProgrammeType): ModeRules => (type === "coaching" ? COACHING : MENTORING);

/** The rules of the mode a role belongs to (a coach or coachee or sponsor is coaching). */
export const modeOfRole = (role: IntakeRole): ProgrammeType =>
  role === "coach" || role === "coachee" || role === "sponsor" ? "coaching" : "mentoring";

export const otherSide = (side: Side): Side => (side === "mentee" ? "mentor" : "mentee");

/** What one side of a pair is called in this mode: mentor/mentee, or coach/coachee. */
export const sideWord = (type: ProgrammeType, side: Side) =>
  side === "mentor" ? rulesFor(type).words.giver : rulesFor(type).words.receiver;

/** The side a role stands on, or null for a role that is no side of a pair (a sponsor). */
export function sideOfRole(type: ProgrammeType, role: IntakeRole): Side | null {
  const { roles } = rulesFor(type);
  return role === roles.giver ? "mentor" : role === roles.receiver ? "mentee" : null;
}

export const hasFeature = (type: ProgrammeType, feature: WorkspaceFeature) => rulesFor(type).features[feature];

export const PROGRAMME_TYPES: readonly ProgrammeType[] = ["mentoring", "coaching"];

/** The programme types that have a feature: for queries over many programmes (a job's nudges, say). */
export const typesWith = (feature: WorkspaceFeature): ProgrammeType[] => PROGRAMME_TYPES.filter((t) => hasFeature(t, feature));

/** "a coach", "an engagement": the article English needs before a word. */
export const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;

/** "1 coach", "3 coaches". */
export const countOf = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
