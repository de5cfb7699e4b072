import { hashNewPassword, verifyPassword } from "../../platform/auth/passwords.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { endOtherSessions } from "./end-access.js";
import { assertMayManageCredentials } from "./policies.js";
import { findUserById, recordSignInFailure, setPasswordHash } from "./repository.js";
import { assertSignInAllowed } from "./sign-in.js";

/**
 * Changes the password of the signed-in person. A wrong current password counts as a
 * failed sign-in (someone holding a stolen session must not get unlimited guesses), and
 * the new password ends every other session. API tokens stay: the person is signed in
 * and knows the password; "sign out everywhere" revokes them too.
 */
export async function changePassword(db: Db, principal: Principal, ip: string, input: { currentPassword: string; newPassword: string }) {
  assertMayManageCredentials(principal);
  const user = await findUserById(db, principal.user.id);
  await assertSignInAllowed(db, user.email, ip);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordSignInFailure(db, user.email, ip);
    throw new AppError(400, "wrong_password", "Your current password is not right.", {
      issues: [{ path: ["currentPassword"], message: "Not your current password" }],
    });
  }
  const passwordHash = await hashNewPassword(input.newPassword, user, ["newPassword"]);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await endOtherSessions(tx, user.id, principal.sessionId);
  });
}
