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
  countRecentResets,
  findLiveResetOwner,
  findUserByEmail,
  insertPasswordReset,
  setPasswordHash,
} from "./repository.js";

export const RESET_TTL_MINUTES = 60;

/** At most this many reset emails per account per hour, however often someone asks. */
export const RESETS_PER_HOUR = 3;

/**
 * Asks for a reset link. The request only queues a job, the same one for every address,
 * so neither the answer nor the time it takes tells whether the address has an account;
 * the job decides whether to send anything.
 */
export async function requestPasswordReset(ctx: AppContext, email: string) {
  await enqueue(ctx.db, "account.password-reset", { email });
}

/**
 * The queued half: emails a one-time link when the account exists and has not had
 * RESETS_PER_HOUR links in the last hour (a flood of requests must not become a flood
 * of mail in someone's inbox).
 */
export async function sendPasswordReset(ctx: AppContext, email: string) {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) {
    ctx.logger.info("password reset requested for an address without an account");
    return;
  }
  if ((await countRecentResets(ctx.db, user.id)) >= RESETS_PER_HOUR) {
    ctx.logger.warn({ userId: user.id }, "password reset not sent: hourly limit reached");
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
