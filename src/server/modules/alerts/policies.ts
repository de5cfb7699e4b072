import { forbidden } from "../../platform/errors.js";
import type { ProgrammeActor } from "../support/access.js";
import { canRunSupport } from "../support/policies.js";

/** The queue is worked by the programme's coordinators (and an instance admin managing the programme). */
export const canWorkQueue = (a: ProgrammeActor) => canRunSupport(a);

/** An alert can be assigned to one of the programme's coordinators only — never to a participant. */
export const canBeAssigned = (roles: readonly string[]) => roles.includes("coordinator");

export function assertWorksQueue(a: ProgrammeActor) {
  if (!canWorkQueue(a)) throw forbidden("Only the programme's coordinators can see and work its alerts.");
}
