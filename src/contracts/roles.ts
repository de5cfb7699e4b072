import { z } from "zod";

/** Roles a person can hold inside one programme. Instance admin is a separate, global flag. */
export const ProgrammeRole = z.enum(["coordinator", "mentor", "mentee", "coach", "coachee", "sponsor"]);
export type ProgrammeRole = z.infer<typeof ProgrammeRole>;
