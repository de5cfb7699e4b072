import { decideSignInThrottle, SIGN_IN_LIMIT } from "../../../core/auth/sign-in-throttle.js";
import { verifyPassword } from "../../platform/auth/passwords.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { clearFailuresForAccount, findUserByEmail, recentFailures, recordSignInFailure } from "./repository.js";

/**
 * Checks a password under the sign-in limit. The limit is checked before the password,
 * so a blocked caller learns nothing about whether a guess was right.
 */
export async function verifySignIn(db: Db, email: string, password: string, ip: string) {
  const windows = await recentFailures(db, email, ip, SIGN_IN_LIMIT.windowSeconds);
  const decision = decideSignInThrottle([windows.account, windows.ip], new Date());
  if (decision.blocked) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new AppError(
      429,
      "rate_limited",
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
      { retryAfterSeconds: decision.retryAfterSeconds },
      { "retry-after": String(decision.retryAfterSeconds) },
    );
  }
  const user = await findUserByEmail(db, email);
  if (!user || !(await verifyPassword(user?.passwordHash, password))) {
    await recordSignInFailure(db, email, ip);
    throw new AppError(401, "invalid_credentials", "That email and password do not match an account.");
  }
  await clearFailuresForAccount(db, email);
  return user;
}
