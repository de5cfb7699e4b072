import { forbidden } from "../../platform/errors.js";
import type { ProgrammeActor } from "../support/access.js";
import { canRunSupport } from "../support/policies.js";

/** Surveys: coordinators design, send and read them; a respondent answers only their own invitation. */
export const canManageSurveys = (a: ProgrammeActor) => canRunSupport(a);
export const canReadResults = (a: ProgrammeActor) => canRunSupport(a);

export function assertManagesSurveys(a: ProgrammeActor) {
  if (!canManageSurveys(a)) throw forbidden("Only the programme's coordinators can manage its surveys.");
}

/**
 * A link answers for the person it was sent to. Opened while signed in as someone else
 * (a forwarded link, a shared computer) it is refused rather than answered in their name.
 */
export const mayAnswerInvitation = (invitation: { userId: string }, signedInUserId: string | null) =>
  signedInUserId === null || signedInUserId === invitation.userId;
