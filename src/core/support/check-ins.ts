import type { CheckInWith, PlannedCheckIn } from "../alerts/settings.js";
import { addDays } from "../workspace/local-time.js";
import { weekStartsOn } from "./local-schedule.js";

/** How a check-in left the pair, in the coordinator's judgement. */
export const CHECK_IN_OUTCOMES = ["on_track", "needs_support", "at_risk", "not_reached"] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export const CHECK_IN_OUTCOME_LABELS: Record<CheckInOutcome, string> = {
  on_track: "On track",
  needs_support: "Needs support",
  at_risk: "At risk",
  not_reached: "Not reached",
};

export const CHECK_IN_WITH_LABELS: Record<CheckInWith, string> = { mentee: "The mentee", mentor: "The mentor", both: "Both" };

export const NOTE_MAX = 4000;

export type PlannedState = "done" | "due" | "overdue" | "upcoming" | "before_pair";

/**
 * Where each planned check-in stands for one pair: done (a check-in logged since the week
 * before it), due (its week is here), overdue (its week and the grace days are over),
 * upcoming, or not for this pair (it started after that week).
 */
export function plannedStates(
  plan: readonly PlannedCheckIn[],
  termStart: string,
  pair: { startedOn: string | null },
  logged: readonly { id: string; happenedOn: string }[],
  graceDays: number,
  today: string,
): { week: number; with: CheckInWith; startsOn: string; dueOn: string; state: PlannedState; checkInId: string | null }[] {
  const sorted = [...plan].sort((a, b) => a.week - b.week);
  return sorted.map((p, i) => {
    const startsOn = weekStartsOn(termStart, p.week);
    const weekEnd = addDays(startsOn, 6);
    const dueOn = addDays(weekEnd, graceDays);
    // A check-in counts for the planned week from a week before it until the next planned week starts.
    const next = sorted[i + 1] ? addDays(weekStartsOn(termStart, sorted[i + 1].week), -7) : "9999-12-31";
    const match = logged.find((c) => c.happenedOn >= addDays(startsOn, -7) && c.happenedOn < next);
    const base = { week: p.week, with: p.with, startsOn, dueOn, checkInId: match?.id ?? null };
    if (match) return { ...base, state: "done" as const };
    if (!pair.startedOn || pair.startedOn > weekEnd) return { ...base, state: "before_pair" as const };
    if (today > dueOn) return { ...base, state: "overdue" as const };
    if (today >= startsOn) return { ...base, state: "due" as const };
    return { ...base, state: "upcoming" as const };
  });
}
