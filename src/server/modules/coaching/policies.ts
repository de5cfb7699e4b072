import { type EngagementAction, type EngagementRole, may, whoMay } from "../../../core/coaching/roles.js";
import { canManageProgramme, type ProgrammeRoleName } from "../../../core/permissions.js";
import { rulesFor } from "../../../core/programme-modes.js";
import { AppError, notFound } from "../../platform/errors.js";

/**
 * Who may do what with a coaching engagement, as pure functions over the actor and the
 * loaded rows. The role comes first (coach, coachee, sponsor, coordinator, or nobody);
 * the table in core/coaching/roles.ts says what each role may do.
 *
 * Outsiders get 404, as everywhere. So do the sponsor and the coordinator for anything
 * that is the coaching's content: for them it does not exist, the same answer as for an id
 * that does not exist. A coach or coachee asking for the other's part gets 403 naming who may.
 */
export type Actor = { userId: string; email: string; isAdmin: boolean; programmeRoles: readonly ProgrammeRoleName[] };

export type LoadedEngagement = {
  relationship: { mentorUserId: string; menteeUserId: string };
  engagement: { sponsorEmail: string | null };
  /** Whether the actor holds an approved sponsor place in the programme. */
  actorIsEnrolledSponsor: boolean;
};

export function engagementRoleOf(actor: Actor, e: LoadedEngagement): EngagementRole | null {
  if (actor.userId === e.relationship.mentorUserId) return "coach";
  if (actor.userId === e.relationship.menteeUserId) return "coachee";
  if (e.engagement.sponsorEmail && e.actorIsEnrolledSponsor && actor.email.toLowerCase() === e.engagement.sponsorEmail) return "sponsor";
  if (canManageProgramme({ isAdmin: actor.isAdmin, roles: actor.programmeRoles })) return "coordinator";
  return null;
}

/** What one must be able to read for an action on it to be more than "not found". */
const READ_FOR: Record<EngagementAction, EngagementAction> = {
  readContent: "readContent",
  writeSessionPlan: "readContent",
  assignExercise: "readContent",
  answerExercise: "readContent",
  writeSummary: "readContent",
  manageStakeholders: "readContent",
  requestStakeholderRatings: "readContent",
  defineOutcomes: "readOutcomes",
  agreeOutcomes: "readOutcomes",
  readOutcomes: "readOutcomes",
  rate: "readOutcomes",
  complete: "readEngagement",
  readEngagement: "readEngagement",
  extendPackage: "readEngagement",
  setSponsor: "readEngagement",
};

/** An action on what the caller cannot even read is 404; otherwise a refusal says who may. */
export function authorizeEngagement(role: EngagementRole | null, action: EngagementAction): asserts role is EngagementRole {
  if (role === null) throw notFound("That engagement");
  if (may(role, action)) return;
  if (!may(role, READ_FOR[action])) throw notFound("That engagement");
  throw new AppError(403, `${action.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_not_yours`, `Only ${whoMay(action)} can do that.`);
}

/** Session-plan templates are the programme's: its coordinators and its coaches write them. */
export function authorizeTemplates(actor: { isAdmin: boolean; roles: readonly ProgrammeRoleName[] }) {
  if (canManageProgramme(actor) || actor.roles.includes("coach")) return;
  throw new AppError(403, "templates_coaches_only", "Session-plan templates are written by the programme's coordinators and coaches.");
}

/** Packages, shortlists and engagements exist in coaching programmes only. */
export function authorizeCoachingProgramme(programme: { type: "mentoring" | "coaching" }) {
  if (rulesFor(programme.type).duration.kind !== "package")
    throw new AppError(
      409,
      `not_in_${programme.type}`,
      "This is a mentoring programme: packages, coach shortlists and engagements belong to coaching programmes.",
    );
}

/** The coaching's content (plan, exercises, summaries, agendas) is the coach's and coachee's alone. */
export const authorizeContent = (role: EngagementRole | null) => authorizeEngagement(role, "readContent");
