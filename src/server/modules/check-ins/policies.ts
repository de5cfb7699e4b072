import { forbidden } from "../../platform/errors.js";
import type { ProgrammeActor } from "../support/access.js";
import { canRunSupport } from "../support/policies.js";

/**
 * Check-ins are the coordinators' record. The programme's coordinators (and an instance
 * admin managing the programme) log them and message pairs; the coordinator's note is read
 * and written by the programme's coordinators only — not the pair, not an instance admin
 * who does not coordinate it.
 */
export const canLogCheckIns = (a: ProgrammeActor) => canRunSupport(a);
export const canReadCheckInNotes = (a: ProgrammeActor) => a.roles.includes("coordinator");
export const canContactPairs = (a: ProgrammeActor) => canRunSupport(a);

export function assertLogsCheckIns(a: ProgrammeActor) {
  if (!canLogCheckIns(a)) throw forbidden("Only the programme's coordinators can see and log check-ins.");
}

export function assertMayWriteNote(a: ProgrammeActor, note: string) {
  if (note && !canReadCheckInNotes(a)) throw forbidden("Only the programme's own coordinators can write check-in notes.");
}

export function assertContactsPairs(a: ProgrammeActor) {
  if (!canContactPairs(a)) throw forbidden("Only the programme's coordinators can message pairs.");
}
