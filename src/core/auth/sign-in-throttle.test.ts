import { describe, expect, it } from "vitest";
import { decideSignInThrottle, SIGN_IN_LIMIT } from "./sign-in-throttle.js";

const now = new Date("2026-11-26T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("sign-in throttle", () => {
  it("lets a person through below the limit", () => {
    expect(decideSignInThrottle([{ n: SIGN_IN_LIMIT.failures - 1, oldest: minutesAgo(1) }], now)).toEqual({ blocked: false });
  });

  it("blocks at the limit until the oldest failure leaves the 15 minute window", () => {
    expect(decideSignInThrottle([{ n: 10, oldest: minutesAgo(5) }], now)).toEqual({ blocked: true, retryAfterSeconds: 600 });
  });

  it("takes the longest wait when both the account and the address are over", () => {
    const d = decideSignInThrottle(
      [
        { n: 12, oldest: minutesAgo(14) },
        { n: 40, oldest: minutesAgo(2) },
      ],
      now,
    );
    expect(d).toEqual({ blocked: true, retryAfterSeconds: 13 * 60 });
  });

  it("ignores a window whose oldest failure has already aged out", () => {
    expect(decideSignInThrottle([{ n: 10, oldest: minutesAgo(16) }], now)).toEqual({ blocked: false });
  });
});
