import { decideSignInThrottle, SIGN_IN_LIMITS } from "../../../core/auth/sign-in-throttle.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { findUserByEmail, recordSignInFailure, recordSignInSuccess, signInFailuresFor } from "./repository.js";

/**
 * Refuses with 429 while the sign-in throttle is closed for this account and address.
 * Checked before the password, so a blocked caller learns nothing about whether a guess
 * was right. Sign-in and "change password" (its current password) share it.
 */
export async function assertSignInAllowed(db: Db, email: string, ip: string, now = new Date()) {
  const decision = decideSignInThrottle(await signInFailuresFor(db, email, ip, SIGN_IN_LIMITS), now);
  if (!decision.blocked) return;
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  throw new AppError(
    429,
    "rate_limited",
    `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
    { retryAfterSeconds: decision.retryAfterSeconds },
    { "retry-after": String(decision.retryAfterSeconds) },
  );
}

/**
 * Checks a password under the sign-in throttle. An unknown email, or an account that has
 * no password yet, still costs one argon2 verification, so the time taken does not tell
 * which emails have accounts.
 */
export async function verifySignIn(db: Db, email: string, password: string, ip: string) {
  await assertSignInAllowed(db, email, ip);
  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(user?.passwordHash, password);
  if (!user || !matches) {
    await recordSignInFailure(db, email, ip);
    throw new AppError(401, "invalid_credentials", "That email and password do not match an account.");
  }
  await recordSignInSuccess(db, email, ip);
  return user;
}
