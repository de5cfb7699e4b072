import { eq } from "drizzle-orm";
import { hashPassword } from "../../platform/auth/passwords.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { passwordResetEmail } from "./emails.js";
import { endAllAccess } from "./end-access.js";
import { clearFailuresForAccount, consumePasswordReset, findUserByEmail, insertPasswordReset, setPasswordHash } from "./repository.js";
import { users } from "./tables.js";

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
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const userId = await consumePasswordReset(tx, hashSecret(token));
    if (!userId) throw badRequest("invalid_token", "This reset link has expired or was already used. Ask for a new one.");
    await setPasswordHash(tx, userId, passwordHash);
    await endAllAccess(tx, userId);
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (user) await clearFailuresForAccount(tx, user.email);
  });
}
