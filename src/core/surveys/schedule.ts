import { termWeeks } from "../programmes/phases.js";
import { weekStartsOn } from "../support/local-schedule.js";
import { addDays } from "../workspace/local-time.js";

/**
 * When a survey goes out. Most follow the programme week (a pulse every N weeks, a one-off
 * week, the mid-point, the last week, N weeks after the end); some follow each pair's own
 * dates (N weeks after it started, or after it ended — a pair rematched mid-term gets its
 * own). "manual" surveys go out only when a coordinator sends them.
 */
export type SurveySchedule =
  | { kind: "every"; everyWeeks: number; fromWeek: number }
  | { kind: "week"; week: number }
  | { kind: "midpoint" }
  | { kind: "end" }
  | { kind: "after_end"; weeks: number }
  | { kind: "after_pair_start"; weeks: number }
  | { kind: "after_pair_end"; weeks: number }
  | { kind: "manual" };

export type ScheduleKind = SurveySchedule["kind"];

/** An occasion a survey is sent on: its key (part of every invitation's identity) and the day it opens. */
export type Occasion = { key: string; opensOn: string; week: number | null; relationshipId?: string };

export type Term = { termStart: string; termEnd: string };
export type PairDates = { id: string; startedOn: string | null; endedOn: string | null };

export const isPairAnchored = (s: SurveySchedule) => s.kind === "after_pair_start" || s.kind === "after_pair_end";
/** Surveys about how a term went also reach pairs that have finished it; the others go to pairs still meeting. */
export const reachesFinishedPairs = (s: SurveySchedule) => s.kind === "end" || s.kind === "after_end" || s.kind === "after_pair_end";

export const midpointWeek = (weeks: number) => Math.min(weeks, Math.floor(weeks / 2) + 1);

const weekOccasion = (term: Term, week: number): Occasion => ({ key: `w${week}`, opensOn: weekStartsOn(term.termStart, week), week });

/** Every occasion of a term-anchored schedule, in order (none for pair-anchored or manual ones). */
export function termOccasions(schedule: SurveySchedule, term: Term): Occasion[] {
  const weeks = termWeeks(term.termStart, term.termEnd);
  switch (schedule.kind) {
    case "every": {
      const out: Occasion[] = [];
      for (let w = Math.max(1, schedule.fromWeek); w <= weeks; w += Math.max(1, schedule.everyWeeks)) out.push(weekOccasion(term, w));
      return out;
    }
    case "week":
      return schedule.week >= 1 && schedule.week <= weeks ? [weekOccasion(term, schedule.week)] : [];
    case "midpoint":
      return [weekOccasion(term, midpointWeek(weeks))];
    case "end":
      return [{ ...weekOccasion(term, weeks), key: "end" }];
    case "after_end":
      return [{ key: `after-end+${schedule.weeks}`, opensOn: addDays(term.termEnd, 7 * schedule.weeks), week: null }];
    default:
      return [];
  }
}

/** The occasion of a pair-anchored schedule for one pair, once the pair has the date it hangs on. */
export function pairOccasion(schedule: SurveySchedule, pair: PairDates, term: Term): Occasion | null {
  if (schedule.kind === "after_pair_start" && pair.startedOn) {
    const opensOn = addDays(pair.startedOn, 7 * schedule.weeks);
    return { key: `pair:${pair.id}:start+${schedule.weeks}`, opensOn, week: weekOfDate(term, opensOn), relationshipId: pair.id };
  }
  if (schedule.kind === "after_pair_end" && pair.endedOn) {
    const opensOn = addDays(pair.endedOn, 7 * schedule.weeks);
    return { key: `pair:${pair.id}:end+${schedule.weeks}`, opensOn, week: weekOfDate(term, opensOn), relationshipId: pair.id };
  }
  return null;
}

/** The programme week a date is in, or null outside the term. */
export function weekOfDate(term: Term, date: string): number | null {
  if (date < term.termStart || date > term.termEnd) return null;
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${term.termStart}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
}

/**
 * The occasion to send now, for one person, among a survey's occasions: the latest that has
 * opened for them (its day has come at their local send time) and is still open. Older ones
 * whose window closed are never sent late, so a survey created mid-term does not send every
 * past pulse at once.
 */
export function currentOccasion(
  occasions: readonly Occasion[],
  openedAt: (o: Occasion) => Date,
  openDays: number,
  now: Date,
): Occasion | null {
  let found: Occasion | null = null;
  for (const o of occasions) {
    const opened = openedAt(o).getTime();
    if (opened <= now.getTime() && now.getTime() < opened + openDays * 86_400_000) found = o;
  }
  return found;
}

/** How a schedule reads in a list: "Every 2 weeks from week 2", "Week 7 (mid-point)", … */
export function describeSchedule(s: SurveySchedule, weeks?: number): string {
  switch (s.kind) {
    case "every":
      return `Every ${s.everyWeeks === 1 ? "week" : `${s.everyWeeks} weeks`} from week ${s.fromWeek}`;
    case "week":
      return `Week ${s.week}`;
    case "midpoint":
      return weeks ? `Mid-point (week ${midpointWeek(weeks)})` : "Mid-point";
    case "end":
      return weeks ? `Last week of the term (week ${weeks})` : "Last week of the term";
    case "after_end":
      return `${s.weeks} ${s.weeks === 1 ? "week" : "weeks"} after the term ends`;
    case "after_pair_start":
      return `${s.weeks} ${s.weeks === 1 ? "week" : "weeks"} after each pair starts`;
    case "after_pair_end":
      return s.weeks === 0 ? "When each pair finishes" : `${s.weeks} ${s.weeks === 1 ? "week" : "weeks"} after each pair finishes`;
    case "manual":
      return "Only when you send it";
  }
}
