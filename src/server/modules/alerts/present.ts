import { ALERT_TYPE_LABELS, alertAge, describeAlert } from "../../../core/alerts/describe.js";
import { effectiveState } from "../../../core/alerts/state.js";
import type { supportAlerts } from "./tables.js";

export type AlertRow = typeof supportAlerts.$inferSelect;
type Person = { id: string; name: string } | null;

/** Unresolved for longer than the programme's overdue threshold (snoozed alerts are waiting by choice). */
export const isOverdue = (a: Pick<AlertRow, "state" | "raisedAt" | "snoozedUntil">, overdueAfterDays: number, now: Date) => {
  const state = effectiveState(a, now);
  return (state === "open" || state === "acknowledged") && now.getTime() - a.raisedAt.getTime() >= overdueAfterDays * 86_400_000;
};

/** An alert as the queue shows it: what, about whom, since when, and where it stands. Metadata only. */
export function presentAlert(
  a: AlertRow,
  people: { mentee: Person; mentor: Person; assignee: Person },
  overdueAfterDays: number,
  now: Date,
) {
  return {
    id: a.id,
    type: a.type,
    title: ALERT_TYPE_LABELS[a.type],
    summary: describeAlert(a.type, a.detail),
    state: effectiveState(a, now),
    relationshipId: a.relationshipId,
    mentee: people.mentee,
    mentor: people.mentor,
    assignee: people.assignee,
    snoozedUntil: a.state === "snoozed" && effectiveState(a, now) === "snoozed" ? (a.snoozedUntil?.toISOString() ?? null) : null,
    resolution: a.resolution,
    resolvedBy: a.resolvedBy,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    raisedAt: a.raisedAt.toISOString(),
    age: alertAge(a.raisedAt, now),
    overdue: isOverdue(a, overdueAfterDays, now),
    version: a.version,
  };
}
