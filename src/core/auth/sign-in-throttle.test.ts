import { describe, expect, it } from "vitest";
import { decideSignInThrottle, SIGN_IN_LIMITS, type SignInFailures, secondsUntilOpen } from "./sign-in-throttle.js";

const now = new Date("2026-11-26T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
/** `n` failures, one a minute, the newest `newest` minutes ago; newest first. */
const failures = (n: number, newest = 0) => Array.from({ length: n }, (_, i) => minutesAgo(newest + i));
const none: SignInFailures = { pair: [], address: [], account: [], knownAddress: false };

describe("one account from one address", () => {
  it("lets a person through below the limit", () => {
    expect(decideSignInThrottle({ ...none, pair: failures(9) }, now)).toEqual({ blocked: false });
  });

  it("blocks at the limit until the window holds fewer than 10", () => {
    // Ten failures, 0–9 minutes ago: opens when the one from 9 minutes ago ages out, in 6 minutes.
    expect(decideSignInThrottle({ ...none, pair: failures(10) }, now)).toEqual({ blocked: true, retryAfterSeconds: 360, reason: "pair" });
  });

  it("judges the window as a whole: one of 12 aging out leaves 11, still closed", () => {
    // 12 failures, 3–14 minutes ago... and one at 16, already out: 12 in the window.
    const twelve = [...failures(12, 3), minutesAgo(16)];
    const decision = decideSignInThrottle({ ...none, pair: twelve }, now);
    // It opens when only 9 remain, i.e. when the 10th newest (12 minutes ago) ages out, in 3 minutes —
    // not when the oldest one (14 minutes ago) goes, which would leave 11.
    expect(decision).toEqual({ blocked: true, retryAfterSeconds: 180, reason: "pair" });
    const afterOldestLeaves = new Date(now.getTime() + 90_000); // the one from 14 minutes ago is gone, 11 remain
    expect(decideSignInThrottle({ ...none, pair: twelve }, afterOldestLeaves).blocked).toBe(true);
    const afterThree = new Date(now.getTime() + 181_000);
    expect(decideSignInThrottle({ ...none, pair: twelve }, afterThree)).toEqual({ blocked: false });
  });

  it("ignores failures that have aged out", () => {
    expect(decideSignInThrottle({ ...none, pair: failures(10, 16) }, now)).toEqual({ blocked: false });
  });
});

describe("one address across many accounts", () => {
  it("stops spraying at 50 failures in 15 minutes", () => {
    expect(decideSignInThrottle({ ...none, address: failures(49) }, now).blocked).toBe(false);
    expect(decideSignInThrottle({ ...none, address: Array(50).fill(minutesAgo(1)) }, now)).toEqual({
      blocked: true,
      retryAfterSeconds: 14 * 60,
      reason: "address",
    });
  });
});

describe("one account from everywhere", () => {
  const spread = Array.from({ length: 30 }, (_, i) => minutesAgo(i * 2));

  it("slows new addresses down once 30 failures pile up within the hour", () => {
    const d = decideSignInThrottle({ ...none, account: spread }, now);
    expect(d).toEqual({ blocked: true, retryAfterSeconds: 2 * 60, reason: "account" });
  });

  it("never locks the owner out from an address they signed in from before", () => {
    expect(decideSignInThrottle({ ...none, account: spread, knownAddress: true }, now)).toEqual({ blocked: false });
  });

  it("still holds the owner's own address to its own limit", () => {
    expect(decideSignInThrottle({ ...none, account: spread, pair: failures(10), knownAddress: true }, now).blocked).toBe(true);
  });
});

describe("several windows closed at once", () => {
  it("waits for the last one to open", () => {
    const d = decideSignInThrottle({ ...none, pair: failures(10, 4), address: Array(50).fill(minutesAgo(2)) }, now);
    expect(d).toEqual({ blocked: true, retryAfterSeconds: 13 * 60, reason: "address" });
  });
});

describe("secondsUntilOpen", () => {
  it("accepts the failures in any order and rounds up to at least a second", () => {
    const limit = SIGN_IN_LIMITS.pair;
    const shuffled = failures(10).reverse();
    expect(secondsUntilOpen(shuffled, limit, now)).toBe(360);
    const edge = Array(10).fill(new Date(now.getTime() - limit.windowSeconds * 1000 + 10));
    expect(secondsUntilOpen(edge, limit, now)).toBe(1);
  });
});
