import type { ProgrammeRoleName } from "../../../core/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { findUserByEmail } from "../accounts/repository.js";
import { loadProgrammeFor } from "./access.js";
import { addMember } from "./repository.js";

/**
 * Gives an existing account a role in a programme. Invitations for people without an
 * account arrive with enrolment; until then the admin creates the account first.
 */
export async function addProgrammeMember(db: Db, principal: Principal, programmeId: string, email: string, role: ProgrammeRoleName) {
  await loadProgrammeFor(db, principal, programmeId, "manage");
  const user = await findUserByEmail(db, email);
  if (!user) {
    throw new AppError(422, "unknown_account", `There is no account for ${email} yet. An admin can create it under Users.`, {
      issues: [{ path: ["email"], message: "No account with this email" }],
    });
  }
  await addMember(db, programmeId, user.id, role);
}
