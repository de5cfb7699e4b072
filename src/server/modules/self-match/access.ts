import { rulesFor } from "../../../core/programme-modes.js";
import { selfMatchClosedProblem } from "../../../core/self-match/requests.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { conflict, forbidden } from "../../platform/errors.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { rolesOf } from "../matching/pool.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { requirePairing } from "../programmes/policies.js";
import type { ProgrammeRow } from "../programmes/repository.js";

export type Side = "mentor" | "mentee";

/** The programme's words for the two sides (mentor/mentee, or coach/coachee): the matching round's own. */
export const sideWords = rolesOf;

/**
 * The caller's approved enrolment on one side of a programme. Someone outside the programme
 * gets 404 (as everywhere); a member on the other side, a coordinator or an admin gets 403.
 */
export async function loadParticipant(db: Executor, principal: Principal, programmeId: string, side: Side) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "view");
  const { giver, receiver } = rulesFor(programme.type).roles;
  const enrolment = await findEnrolmentOfUser(db, programme.id, principal.user.id);
  const role = side === "mentor" ? giver : receiver;
  if (enrolment?.status !== "approved" || enrolment.role !== role) {
    throw forbidden(`Only approved ${role}s of this programme can do that.`);
  }
  return { programme, enrolment };
}

/** Browsing, requesting and accepting need a self-match programme that is matching or running. */
export function requireSelfMatchOpen(programme: ProgrammeRow) {
  requirePairing(programme, "self_match");
  const problem = selfMatchClosedProblem(programme);
  if (problem) throw conflict(problem.code, problem.message);
}
