/**
 * Who may do what with a programme. Pure rules over the caller's instance-admin flag
 * and their roles in the programme; routes enforce them server-side on every call.
 */
export type ProgrammeRoleName = "coordinator" | "mentor" | "mentee" | "coach" | "coachee" | "sponsor";

export type Actor = { isAdmin: boolean; roles: readonly ProgrammeRoleName[] };

export const canViewProgramme = (a: Actor) => a.isAdmin || a.roles.length > 0;

export const canManageProgramme = (a: Actor) => a.isAdmin || a.roles.includes("coordinator");

/** Instance admins create programmes, and so does anyone already trusted to coordinate one. */
export const canCreateProgramme = (a: { isAdmin: boolean; coordinatesAny: boolean }) => a.isAdmin || a.coordinatesAny;

/** The role shown as "your role": the one with the widest view of the programme. */
const PRECEDENCE: ProgrammeRoleName[] = ["coordinator", "coach", "mentor", "coachee", "mentee", "sponsor"];
export function primaryRole(roles: readonly ProgrammeRoleName[]): ProgrammeRoleName | null {
  return PRECEDENCE.find((r) => roles.includes(r)) ?? null;
}
