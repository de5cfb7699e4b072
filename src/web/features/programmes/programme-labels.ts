import type { z } from "zod";
import type { Cadence } from "../../../contracts/programmes";
import type { ProgrammeRole } from "../../../contracts/roles";
import { STATUS_LABELS } from "../../../core/programmes/lifecycle";
import type { Programme } from "./programmes-api";

export const programmeTypeLabels: Record<Programme["type"], string> = {
  mentoring: "Mentoring",
  coaching: "Coaching",
};

/** One line on what each type means in Grove, shown beside the choice. */
export const programmeTypeHints: Record<Programme["type"], string> = {
  mentoring:
    "Volunteer mentors and mentees meet through a term; the mentee sets the goals and the agenda, and pairs may carry on afterwards.",
  coaching:
    "Trained coaches run a fixed number of structured sessions aimed at specific skills, measured from a starting point to an outcome.",
};

export const roleLabels: Record<ProgrammeRole, string> = {
  coordinator: "Coordinator",
  mentor: "Mentor",
  mentee: "Mentee",
  coach: "Coach",
  coachee: "Coachee",
  sponsor: "Sponsor",
};

/** The same words the server uses for each stage of a programme's life. */
export const statusLabels: Record<Programme["status"], string> = STATUS_LABELS;

export const cadenceLabels: Record<z.infer<typeof Cadence>, string> = {
  weekly: "Weekly",
  fortnightly: "Every two weeks",
  monthly: "Monthly",
};
