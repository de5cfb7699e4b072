/**
 * Sign-in throttling. Failures are counted three ways, so that guessing one person's
 * password, spraying one password across many accounts, and locking someone out on
 * purpose are each handled without the others:
 *
 * - **account + address**: one account guessed from one address. The tight limit.
 * - **address**: one address failing across many accounts (spraying). Higher, because
 *   an office or a university shares an address.
 * - **account**: one account failing from everywhere (a spread-out guess). Slower — a
 *   longer window and a higher count — and it never applies to an address the account
 *   signed in from successfully before. A stranger can slow down sign-ins to someone's
 *   account from new places, but the owner from their usual address is not locked out.
 *
 * A window is judged as a whole: it is closed while it holds `failures` or more, and it
 * opens again only once fewer remain — after 12 failures, the first one aging out leaves
 * 11 and keeps it closed. Retry-After is when that will be true.
 */
export type Limit = { failures: number; windowSeconds: number };

export const SIGN_IN_LIMITS = {
  pair: { failures: 10, windowSeconds: 15 * 60 },
  address: { failures: 50, windowSeconds: 15 * 60 },
  account: { failures: 30, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type SignInLimits = { pair: Limit; address: Limit; account: Limit };

/** How long an address stays "usual" for an account after a successful sign-in from it. */
export const KNOWN_ADDRESS_DAYS = 30;

/**
 * The failures of one window, newest first. Only the newest `failures` of them matter
 * (the window opens when the oldest of those ages out), so a caller may pass just those.
 */
export type FailureWindow = Date[];

export type SignInFailures = {
  pair: FailureWindow;
  address: FailureWindow;
  account: FailureWindow;
  /** The account signed in successfully from this address within KNOWN_ADDRESS_DAYS. */
  knownAddress: boolean;
};

export type ThrottleDecision = { blocked: false } | { blocked: true; retryAfterSeconds: number; reason: "pair" | "address" | "account" };

/** Seconds until the window holds fewer than `limit.failures` failures; 0 when it already does. */
export function secondsUntilOpen(window: FailureWindow, limit: Limit, now: Date): number {
  const cutoff = now.getTime() - limit.windowSeconds * 1000;
  const inWindow = window.filter((at) => at.getTime() > cutoff).sort((a, b) => b.getTime() - a.getTime());
  if (inWindow.length < limit.failures) return 0;
  // When the limit-th newest failure ages out, limit - 1 remain: that is when it opens.
  const opensAt = inWindow[limit.failures - 1].getTime() + limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000));
}

export function decideSignInThrottle(failures: SignInFailures, now: Date, limits: SignInLimits = SIGN_IN_LIMITS): ThrottleDecision {
  let decision: ThrottleDecision = { blocked: false };
  for (const reason of ["pair", "address", "account"] as const) {
    if (reason === "account" && failures.knownAddress) continue;
    const seconds = secondsUntilOpen(failures[reason], limits[reason], now);
    if (seconds > 0 && (!decision.blocked || seconds > decision.retryAfterSeconds)) {
      decision = { blocked: true, retryAfterSeconds: seconds, reason };
    }
  }
  return decision;
}
