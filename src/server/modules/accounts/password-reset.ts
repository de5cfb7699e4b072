import { hashNewPassword } from "../../platform/auth/passwords.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { passwordResetEmail } from "./emails.js";
import { endAllAccess } from "./end-access.js";
import {
  clearFailuresForAccount,
  consumePasswordReset,
  findLiveResetOwner,
  findUserByEmail,
  insertPasswordReset,
  setPasswordHash,
} from "./repository.js";

export const RESET_TTL_MINUTES = 60;

/**
 * Emails a one-time reset link when the account exists. The caller always gets the same
 * answer, so the endpoint cannot be used to discover who has an account.
 */
export async function requestPasswordReset(ctx: AppContext, email: string) {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) {
    ctx.logger.info("password reset requested for an address without an account");
    return;
  }
  const token = newSecret();
  await ctx.db.transaction(async (tx) => {
    await insertPasswordReset(tx, {
      userId: user.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
    });
    const link = `${ctx.config.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueue(tx, "mail.send", passwordResetEmail(user, link, RESET_TTL_MINUTES));
  });
}

/**
 * Sets a new password from a reset link; the link works once. Every session ends and
 * every API token is revoked (whoever had the account is shut out), and earlier failed
 * sign-ins no longer count against it.
 */
export async function confirmPasswordReset(ctx: AppContext, token: string, password: string) {
  const invalid = () => badRequest("invalid_token", "This reset link has expired or was already used. Ask for a new one.");
  // The person is known before the link is used up, so a refused password leaves the link working.
  const owner = await findLiveResetOwner(ctx.db, hashSecret(token));
  if (!owner) throw invalid();
  const passwordHash = await hashNewPassword(password, owner);
  await ctx.db.transaction(async (tx) => {
    const userId = await consumePasswordReset(tx, hashSecret(token));
    if (!userId) throw invalid();
    await setPasswordHash(tx, userId, passwordHash);
    await endAllAccess(tx, userId);
    await clearFailuresForAccount(tx, owner.email);
  });
}
