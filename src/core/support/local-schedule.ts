import { isTimeZone } from "../intake/validate-answers.js";
import { addDays, toLocal, toUtc } from "../workspace/local-time.js";
import { termPosition } from "../workspace/term.js";

/**
 * When scheduled mail reaches a person: at a wall-clock time in their own time zone, not
 * at a fixed UTC hour. Jobs run at least hourly and ask these rules whether a person's
 * moment has come; the answer names the occasion (a programme week, a local date), which
 * becomes the mail's dedupe key, so a rerun sends nothing twice.
 */

/** Weekly resources, surveys and the week's nudges arrive at 08:00 on the first day of a programme week. */
export const WEEK_START_TIME = "08:00";

/** A zone we can compute with: a person's own, or UTC when they gave none or an unknown one. */
export const zoneOrUtc = (timeZone: string | null | undefined) => (timeZone && isTimeZone(timeZone) ? timeZone : "UTC");

/** The first day of programme week `week` (week 1 starts on the term's first day). */
export const weekStartsOn = (termStart: string, week: number) => addDays(termStart, (week - 1) * 7);

export type DueWeek = { week: number; startsOn: string; sendAt: Date };

/**
 * The programme week whose start has come for a person: their local date is inside the
 * term and their clock has passed `time` on that week's first day. Before 08:00 on a new
 * week's first day nothing is due (last week's mail went out a week ago); before the term
 * and after its last day nothing is due either.
 */
export function dueProgrammeWeek(
  term: { termStart: string; termEnd: string },
  timeZone: string,
  now: Date,
  time = WEEK_START_TIME,
): DueWeek | null {
  const zone = zoneOrUtc(timeZone);
  const position = termPosition(term.termStart, term.termEnd, toLocal(now, zone).date);
  if (position.state !== "running") return null;
  const startsOn = weekStartsOn(term.termStart, position.week);
  const sendAt = toUtc({ date: startsOn, time, timeZone: zone });
  return now.getTime() >= sendAt.getTime() ? { week: position.week, startsOn, sendAt } : null;
}

/** A daily moment in a person's zone: today's local date once their clock has passed `time`. */
export function dailySlotDue(now: Date, timeZone: string, time: string): string | null {
  const zone = zoneOrUtc(timeZone);
  const today = toLocal(now, zone).date;
  return now.getTime() >= toUtc({ date: today, time, timeZone: zone }).getTime() ? today : null;
}

/**
 * A weekly moment in a person's zone (weekday 0 = Monday): the local date it falls on this
 * week, once it has passed, until the local week ends. A job that was down at the moment
 * still sends later that week; a new week starts over.
 */
export function weeklySlotDue(now: Date, timeZone: string, weekday: number, time: string): string | null {
  const zone = zoneOrUtc(timeZone);
  const local = toLocal(now, zone);
  if (local.weekday < weekday) return null;
  const date = addDays(local.date, weekday - local.weekday);
  return now.getTime() >= toUtc({ date, time, timeZone: zone }).getTime() ? date : null;
}

/** The instant a local date and time happen for a person. */
export const localMoment = (date: string, time: string, timeZone: string) => toUtc({ date, time, timeZone: zoneOrUtc(timeZone) });
