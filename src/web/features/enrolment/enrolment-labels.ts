import type { EnrolmentStatusName, IntakeRoleName } from "./enrolment-api";

export const intakeRoleLabels: Record<IntakeRoleName, string> = {
  mentor: "Mentor",
  mentee: "Mentee",
  coach: "Coach",
  coachee: "Coachee",
  sponsor: "Sponsor",
};

/** What taking part in each role involves, in a sentence. */
export const intakeRoleHints: Record<IntakeRoleName, string> = {
  mentor: "You volunteer your experience to help someone earlier in their career. They lead; you listen, ask and share.",
  mentee: "You grow with the support of a more experienced developer. You choose the goals and write the agenda for each session.",
  coach: "You run a set number of structured sessions aimed at specific skills, and measure where they started and ended.",
  coachee: "You work with a trained coach over a few structured sessions on skills you want to improve, with a measured outcome.",
  sponsor: "You sponsor someone's coaching: you agree the outcomes and see how they are measured, never what is said in the sessions.",
};

export const enrolmentStatusLabels: Record<EnrolmentStatusName, string> = {
  invited: "Invited",
  applied: "Waiting for review",
  approved: "Approved",
  waitlisted: "On the waiting list",
  declined: "Not offered a place",
  withdrawn: "Withdrawn",
};

/** Short labels for the coordinator's directory and filters. */
export const directoryStatusLabels: Record<EnrolmentStatusName, string> = {
  invited: "Invited",
  applied: "Applied",
  approved: "Approved",
  waitlisted: "Waitlisted",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

export const sourceLabels: Record<"application" | "invitation" | "import", string> = {
  application: "Applied through the public link",
  invitation: "Accepted an invitation",
  import: "Imported from a file",
};
