import { canManageProgramme, canViewProgramme } from "../../../core/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { findProgramme, rolesInProgramme } from "./repository.js";

/**
 * Loads a programme for the caller. Someone outside the programme gets 404, not 403:
 * whether a programme exists is itself not theirs to know.
 */
export async function loadProgrammeFor(db: Executor, principal: Principal, id: string, need: "view" | "manage") {
  const programme = await findProgramme(db, id);
  const roles = programme ? await rolesInProgramme(db, id, principal.user.id) : [];
  const actor = { isAdmin: principal.user.isAdmin, roles };
  // Applicants (not yet holding a role) may see the programme they applied to.
  const enrolled = programme && roles.length === 0 && !actor.isAdmin ? await findEnrolmentOfUser(db, id, principal.user.id) : undefined;
  if (!programme || !(canViewProgramme(actor) || enrolled)) throw notFound("That programme");
  if (need === "manage" && !canManageProgramme(actor)) throw forbidden("Only the programme's coordinators can do that.");
  return { programme, roles };
}
