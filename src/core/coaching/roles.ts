import type { RaterGroup } from "./outcomes.js";

/**
 * Who does what in a coaching engagement. The coach leads the structure (plan, agendas,
 * exercises, summaries, the outcomes' wording and the completion); the coachee reads,
 * raises topics, does the exercises and rates themself; the sponsor agrees and rates the
 * outcomes and sees nothing of the content; the coordinator runs the package and sees
 * metadata. Anyone else is an outsider. The server's policies answer from this table.
 */
export type EngagementRole = "coach" | "coachee" | "sponsor" | "coordinator";

export const ENGAGEMENT_ACTIONS = {
  /** Agendas, session plan, exercises, summaries: the coaching itself. */
  readContent: ["coach", "coachee"],
  writeSessionPlan: ["coach"],
  assignExercise: ["coach"],
  answerExercise: ["coachee"],
  writeSummary: ["coach"],
  defineOutcomes: ["coach"],
  agreeOutcomes: ["coach", "coachee", "sponsor"],
  readOutcomes: ["coach", "coachee", "sponsor"],
  rate: ["coach", "coachee", "sponsor"],
  manageStakeholders: ["coach", "coachee"],
  requestStakeholderRatings: ["coach"],
  complete: ["coach"],
  readEngagement: ["coach", "coachee", "sponsor", "coordinator"],
  extendPackage: ["coordinator"],
  setSponsor: ["coordinator"],
} as const satisfies Record<string, readonly EngagementRole[]>;

export type EngagementAction = keyof typeof ENGAGEMENT_ACTIONS;

export const may = (role: EngagementRole | null, action: EngagementAction): boolean =>
  role !== null && (ENGAGEMENT_ACTIONS[action] as readonly EngagementRole[]).includes(role);

/** Whether this role sees anything of the engagement's content; without it, content routes answer 404. */
export const seesContent = (role: EngagementRole | null) => may(role, "readContent");

const GROUP: Partial<Record<EngagementRole, RaterGroup>> = { coach: "coach", coachee: "coachee", sponsor: "sponsor" };

/** The rater group a person rates in, when the outcome asks that group. */
export function raterGroupFor(role: EngagementRole, raters: readonly RaterGroup[]): RaterGroup | null {
  const group = GROUP[role];
  return group && raters.includes(group) ? group : null;
}

export const ROLE_WORDS: Record<EngagementRole, string> = {
  coach: "coach",
  coachee: "coachee",
  sponsor: "sponsor",
  coordinator: "coordinator",
};

/** "the coach", "the coach or the coachee": who may, for a refusal's message. */
export const whoMay = (action: EngagementAction) => ENGAGEMENT_ACTIONS[action].map((r) => `the ${ROLE_WORDS[r]}`).join(" or ");
