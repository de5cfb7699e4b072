import { utcOffsetMinutes } from "../time-zones.js";

/** A wall-clock moment in a named place: "2027-10-26", "18:00", "Europe/London". */
export type LocalDateTime = { date: string; time: string; timeZone: string };

const MINUTE = 60_000;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight of "HH:MM". */
export function minutesOfDay(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new Error(`Not a time of day: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const wallClockAsUtc = (date: string, time: string) => {
  const d = DATE.exec(date);
  if (!d) throw new Error(`Not a date: ${date}`);
  const minutes = minutesOfDay(time);
  return Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Math.floor(minutes / 60), minutes % 60);
};

/**
 * The instant a wall-clock time happens in a time zone. Around daylight-saving changes a
 * wall-clock time can happen twice (clocks go back: we take the first, the one people
 * reach first) or not at all (clocks go forward: we take the time the clock shows an hour
 * on, so 01:30 on the spring-forward night in London becomes 02:30 summer time).
 */
export function toUtc({ date, time, timeZone }: LocalDateTime): Date {
  const wall = wallClockAsUtc(date, time);
  // Two offset probes settle every real zone: one before and one after a possible change.
  const before = utcOffsetMinutes(timeZone, new Date(wall - 24 * 60 * MINUTE));
  const after = utcOffsetMinutes(timeZone, new Date(wall + 24 * 60 * MINUTE));
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => sameWallClock(instant, wall, timeZone))
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // A gap: no instant shows this wall clock. Keep the offset from before the change, which
  // lands the same number of minutes after the gap as the time was into it.
  return new Date(wall - before * MINUTE);
}

function sameWallClock(instant: number, wall: number, timeZone: string) {
  return instant + utcOffsetMinutes(timeZone, new Date(instant)) * MINUTE === wall;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** What a clock and calendar in `timeZone` show at an instant. */
export function toLocal(at: Date, timeZone: string): LocalDateTime & { weekday: number } {
  const shifted = new Date(at.getTime() + utcOffsetMinutes(timeZone, at) * MINUTE);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    timeZone,
    // 0 = Monday … 6 = Sunday, the order the plan's meeting days use.
    weekday: (shifted.getUTCDay() + 6) % 7,
  };
}

/** A calendar date `days` later ("2027-10-30" + 2 → "2027-11-01"). */
export function addDays(date: string, days: number): string {
  const d = new Date(wallClockAsUtc(date, "00:00") + days * 24 * 60 * MINUTE);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Monday … 6 = Sunday for a calendar date. */
export const weekdayOf = (date: string) => (new Date(wallClockAsUtc(date, "00:00")).getUTCDay() + 6) % 7;
