import type { ProgrammeRoleName } from "../../../core/permissions.js";
import { canViewProgramme } from "../../../core/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { findProgramme, type ProgrammeRow, rolesInProgramme } from "../programmes/repository.js";

/** Who is asking, as the support policies see them: their instance-admin flag and roles in this programme. */
export type ProgrammeActor = { userId: string; isAdmin: boolean; roles: readonly ProgrammeRoleName[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a programme with the caller as an actor. Someone outside the programme gets 404,
 * the same as for a programme that does not exist; what they may do inside it is for the
 * feature's policies to say.
 */
export async function loadProgrammeActor(
  db: Executor,
  principal: Principal,
  programmeId: string,
): Promise<{ programme: ProgrammeRow; actor: ProgrammeActor }> {
  const programme = UUID.test(programmeId) ? await findProgramme(db, programmeId) : undefined;
  const roles = programme ? await rolesInProgramme(db, programme.id, principal.user.id) : [];
  const actor = { userId: principal.user.id, isAdmin: principal.user.isAdmin, roles };
  if (!programme || !canViewProgramme(actor)) throw notFound("That programme");
  return { programme, actor };
}
