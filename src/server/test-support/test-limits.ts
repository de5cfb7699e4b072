/**
 * Request limits for test servers: high enough that no test trips them by accident
 * (dozens of people sign in from one loopback address within a minute), while the
 * limiter itself still runs on every request. rate-limits.test.ts sets its own low ones.
 */
export const GENEROUS_TEST_LIMITS = {
  GROVE_RATE_LIMIT_ANONYMOUS: "1000000",
  GROVE_RATE_LIMIT_CREDENTIALS: "1000000",
  GROVE_RATE_LIMIT_API: "1000000",
  GROVE_RATE_LIMIT_FEED: "1000000",
} as const;
