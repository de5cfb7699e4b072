import { PHASE_LABELS, RATER_GROUP_LABELS } from "../../../core/coaching/outcomes";
import { STAGE_LABELS } from "../../../core/coaching/stage";
import type { OutcomeT } from "./coaching-api";

export { PHASE_LABELS, RATER_GROUP_LABELS, STAGE_LABELS };

export const RISK_LABELS = {
  closing: "Closing with outcomes unmeasured",
  last_sessions: "Last session, outcomes unmeasured",
  period_ending: "Period ends soon, outcomes unmeasured",
} as const;

export const CLOSING_LABELS = { sessions_used: "every session in the package is used", period_over: "its period is over" } as const;

/** A value as the outcome measures it: "7 / 10" on a rubric, "12 PRs reviewed per week" otherwise. */
export function formatValue(outcome: Pick<OutcomeT, "measure">, value: number | null): string {
  if (value === null) return "—";
  const n = Number.isInteger(value) ? String(value) : value.toFixed(value * 10 === Math.round(value * 10) ? 1 : 2);
  return outcome.measure.kind === "rubric" ? `${n} / 10` : `${n} ${outcome.measure.unit}`;
}

export const targetMetLabel = (met: boolean | null) => (met === null ? "Not measured yet" : met ? "Target met" : "Target missed");

export const directionLabel = (direction: "higher" | "lower") => (direction === "higher" ? "Higher is better" : "Lower is better");

export const sessionsLeft = (p: { sessions: number; used: number; booked: number; remaining: number }) =>
  `${p.used} of ${p.sessions} used${p.booked ? `, ${p.booked} booked` : ""}, ${p.remaining} left`;
