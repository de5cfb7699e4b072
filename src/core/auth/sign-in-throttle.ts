/**
 * Sign-in throttling, counted per account and per client address: guessing one
 * person's password and spraying one password across many accounts are both stopped.
 */
export const SIGN_IN_LIMIT = { failures: 10, windowSeconds: 15 * 60 } as const;

export type FailureWindow = { n: number; oldest: Date | null };

export type ThrottleDecision = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export function decideSignInThrottle(
  windows: FailureWindow[],
  now: Date,
  limit: { failures: number; windowSeconds: number } = SIGN_IN_LIMIT,
): ThrottleDecision {
  let retryAfterSeconds = 0;
  for (const w of windows) {
    if (w.n < limit.failures || !w.oldest) continue;
    // Blocked until the oldest failure in the window ages out of it.
    const freeAt = w.oldest.getTime() + limit.windowSeconds * 1000;
    retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((freeAt - now.getTime()) / 1000));
  }
  return retryAfterSeconds > 0 ? { blocked: true, retryAfterSeconds } : { blocked: false };
}
