import { useQuery } from "@tanstack/react-query";
import type { CurrentUser } from "../auth/auth-api";
import { type Programme, programmeListQuery } from "../programmes/programmes-api";

const participantRoles = new Set(["mentor", "mentee", "coach", "coachee", "sponsor"]);

/** The list the shell reads; the same key as the programmes page's first page of active programmes. */
export const myProgrammesParams = { status: "active", limit: 100, offset: 0 } as const;

/**
 * Programmes the person has an enrolment in. The list includes programmes someone
 * applied to with `myRole` null (not a member yet); approved people hold the
 * participant role. Admins see every programme with `myRole` null, so for them only
 * the participant role counts.
 */
export function participantProgrammes(user: CurrentUser, programmes: ReadonlyArray<Programme>): Programme[] {
  return programmes.filter((programme) => (programme.myRole === null ? !user.isAdmin : participantRoles.has(programme.myRole)));
}

export function useMyParticipantProgrammes(user: CurrentUser) {
  const query = useQuery({ ...programmeListQuery({ ...myProgrammesParams }), placeholderData: undefined });
  return { programmes: query.data ? participantProgrammes(user, query.data.items) : [], query };
}
