import { addDays, minutesOfDay, toLocal, toUtc, weekdayOf } from "./local-time.js";

export const REPEAT_FREQUENCIES = ["weekly", "fortnightly"] as const;
export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];
export const MAX_SERIES_LENGTH = 52;
/** Longer than any sensible conversation; also keeps a weekly series from overlapping itself. */
export const MAX_SESSION_MINUTES = 8 * 60;

export type SessionTimes = {
  /** The first (or only) session's calendar date where it happens. */
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
};

export type Occurrence = { date: string; startsAt: Date; endsAt: Date };

/** Why a session's times are unusable, or null. */
export function sessionTimesProblem(t: Pick<SessionTimes, "startTime" | "endTime">): { code: string; message: string } | null {
  const length = minutesOfDay(t.endTime) - minutesOfDay(t.startTime);
  if (length <= 0) return { code: "ends_before_start", message: "The session must end after it starts (on the same day)." };
  if (length > MAX_SESSION_MINUTES)
    return { code: "session_too_long", message: `A session can last at most ${MAX_SESSION_MINUTES / 60} hours.` };
  return null;
}

/**
 * "18:00" plus 60 minutes → "19:00". Null when that runs past midnight: sessions end on
 * the day they start, and silently cutting one short would be worse than asking.
 */
export function addMinutes(time: string, minutes: number): string | null {
  const total = minutesOfDay(time) + minutes;
  if (total > 23 * 60 + 59) return null;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

export const endsNextDayMessage = (minutes: number) =>
  `A ${minutes}-minute session starting then would end after midnight. Choose an earlier start, or set the end time.`;

/**
 * The sessions of a series. Each one keeps the series' wall-clock time in its time zone,
 * so a weekly 18:00 in London stays 18:00 for the people there when the clocks change —
 * its UTC instant moves by an hour instead.
 */
export function seriesOccurrences(times: SessionTimes, frequency: RepeatFrequency | null, count: number): Occurrence[] {
  const step = frequency === "fortnightly" ? 14 : 7;
  const n = frequency ? count : 1;
  return Array.from({ length: n }, (_, i) => {
    const date = addDays(times.date, i * step);
    return {
      date,
      startsAt: toUtc({ date, time: times.startTime, timeZone: times.timeZone }),
      endsAt: toUtc({ date, time: times.endTime, timeZone: times.timeZone }),
    };
  });
}

/**
 * The next calendar date, in `timeZone`, that falls on `weekday` (0 = Monday) and whose
 * `time` is still ahead of `now`: the default date for "schedule from the plan".
 */
export function nextMeetingDate(now: Date, weekday: number, time: string, timeZone: string): string {
  const today = toLocal(now, timeZone).date;
  let date = addDays(today, (weekday - weekdayOf(today) + 7) % 7);
  if (toUtc({ date, time, timeZone }).getTime() <= now.getTime()) date = addDays(date, 7);
  return date;
}

/** Whether two half-open intervals [start, end) share any moment. */
export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
