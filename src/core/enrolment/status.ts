/**
 * An enrolment is one person's place in one programme. Invited people have not applied
 * yet; a coordinator decides on applications; a person may withdraw and re-apply, but a
 * declined application is final for that programme.
 */
export const ENROLMENT_STATUSES = ["invited", "applied", "approved", "waitlisted", "declined", "withdrawn"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export type Decision = "approve" | "decline" | "waitlist";

const DECISION_TARGET: Record<Decision, EnrolmentStatus> = { approve: "approved", decline: "declined", waitlist: "waitlisted" };

export function decisionProblem(status: EnrolmentStatus, decision: Decision): string | null {
  const target = DECISION_TARGET[decision];
  if (status === target) return `Already ${target}.`;
  if (status === "applied" || status === "waitlisted") return null;
  if (status === "approved" && decision !== "approve") return null; // a coordinator may reverse an approval before matching
  if (status === "invited") return "This person has not applied yet.";
  if (status === "withdrawn") return "This person withdrew their application.";
  return "This application was declined; the decision is final.";
}

export const decisionTarget = (d: Decision) => DECISION_TARGET[d];

export function withdrawProblem(status: EnrolmentStatus): string | null {
  if (status === "withdrawn") return "You have already withdrawn.";
  if (status === "declined") return "This application was declined; there is nothing to withdraw.";
  return null;
}

/** Whether a person may (re-)apply given their current enrolment, if any. */
export function applyProblem(status: EnrolmentStatus | undefined): string | null {
  if (status === undefined || status === "invited" || status === "withdrawn") return null;
  if (status === "declined") return "Your earlier application to this programme was declined, so you cannot apply again.";
  return "You have already applied to this programme.";
}
