import { canManageProgramme } from "../../../core/permissions.js";
import { forbidden } from "../../platform/errors.js";
import type { ProgrammeActor } from "./access.js";

/**
 * Who may run a programme's support loop. The programme's coordinators — and an instance
 * admin, who can already manage every programme — see its settings, queue and results.
 */
export const canRunSupport = (a: ProgrammeActor) => canManageProgramme(a);

export function assertRunsSupport(a: ProgrammeActor) {
  if (!canRunSupport(a)) throw forbidden("Only the programme's coordinators can do that.");
}
