const HOUR = 3_600_000;

/**
 * A cancellation is late when it comes with less notice than the pair agreed in their plan.
 * Without an agreed notice there is no such thing as late.
 */
export function isLateCancellation(startsAt: Date, now: Date, noticeHours: number | null): boolean {
  if (noticeHours === null || noticeHours <= 0) return false;
  return startsAt.getTime() - now.getTime() < noticeHours * HOUR;
}
