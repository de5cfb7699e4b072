import type { Phase } from "../programmes/phases.js";
import { termWeeks } from "../programmes/phases.js";
import { addDays } from "./local-time.js";

export type TermPosition =
  | { state: "not_started"; weeks: number; startsInDays: number }
  | { state: "running"; weeks: number; week: number }
  | { state: "over"; weeks: number };

const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Where `today` (a calendar date) falls in a term: its week number while it runs. */
export function termPosition(termStart: string, termEnd: string, today: string): TermPosition {
  const weeks = termWeeks(termStart, termEnd);
  if (today < termStart) return { state: "not_started", weeks, startsInDays: daysFrom(today, termStart) };
  if (today > termEnd) return { state: "over", weeks };
  return { state: "running", weeks, week: Math.min(weeks, Math.floor(daysFrom(termStart, today) / 7) + 1) };
}

export const phaseOfWeek = (phases: Phase[], week: number) => phases.find((p) => p.startWeek <= week && week <= p.endWeek) ?? null;

/**
 * A suggested focus for each part of the term. Coordinators name and size the phases; we
 * go by position (first, middle, last), which is what the three phases mean.
 */
const FOCUS = {
  first: "Get to know each other: agree your plan, talk about where you are and where you want to go, and set one or two goals.",
  middle: "Work on your goals: come with an agenda, try things between sessions, and follow up on your action items.",
  last: "Look back and ahead: what changed, what you learned, and what you will keep doing after the programme.",
} as const;

export function suggestedFocus(phases: Phase[], phase: Phase | null): string | null {
  if (!phase) return null;
  const index = phases.indexOf(phase);
  if (index === 0) return FOCUS.first;
  if (index === phases.length - 1 && phases.length > 1) return FOCUS.last;
  return FOCUS.middle;
}

/** Both are asked whether to continue from two weeks before the term's last day. */
export const CONTINUATION_WINDOW_DAYS = 14;

export const continuationOpensOn = (termEnd: string) => addDays(termEnd, -(CONTINUATION_WINDOW_DAYS - 1));

export const continuationOpen = (termEnd: string, today: string) => today >= continuationOpensOn(termEnd);
