import type { RelationshipStatus } from "../relationships/status.js";
import type { AlertDetail, Signal } from "./rules.js";
import type { AlertType } from "./settings.js";
import { type AlertState, effectiveState } from "./state.js";

/**
 * What one evaluation changes in the queue, decided from the alerts already there and the
 * signals present now:
 * - a signal with an unresolved alert refreshes it (its detail moves on: 15 days, 16 days…);
 * - a signal without one raises a new alert — unless a coordinator resolved that same
 *   episode while the signal was still there ("handled, leave it"): then it waits until the
 *   signal has cleared once and comes back;
 * - an unresolved alert whose signal is gone resolves itself, saying why;
 * - a snooze whose date has come wakes the alert up.
 */
export type ExistingAlert = {
  id: string;
  key: string;
  type: AlertType;
  relationshipId: string | null;
  state: AlertState;
  snoozedUntil: Date | null;
  /** For resolved alerts: when their signal was last seen gone (null: still there when resolved, and since). */
  signalGoneAt: Date | null;
};

export type AlertPlan = {
  raise: Signal[];
  refresh: { id: string; detail: AlertDetail }[];
  clear: { id: string; reason: string }[];
  wake: string[];
  /** Resolved alerts whose signal has now gone: from now on the same episode may alert again. */
  markGone: string[];
};

export function planAlertChanges(
  existing: readonly ExistingAlert[],
  signals: readonly Signal[],
  pairStatus: ReadonlyMap<string, RelationshipStatus>,
  lowPulseMax: number,
  now: Date,
): AlertPlan {
  const plan: AlertPlan = { raise: [], refresh: [], clear: [], wake: [], markGone: [] };
  const present = new Map(signals.map((s) => [s.key, s]));
  const unresolved = new Map<string, ExistingAlert>();
  const handled = new Set<string>();
  for (const a of existing) {
    if (a.state !== "resolved") unresolved.set(a.key, a);
    else if (a.signalGoneAt === null) {
      if (present.has(a.key)) handled.add(a.key);
      else plan.markGone.push(a.id);
    }
  }
  for (const s of present.values()) {
    const open = unresolved.get(s.key);
    if (open) plan.refresh.push({ id: open.id, detail: s.detail });
    else if (!handled.has(s.key)) plan.raise.push(s);
  }
  for (const a of unresolved.values()) {
    if (!present.has(a.key))
      plan.clear.push({
        id: a.id,
        reason: clearedReason(a.type, a.relationshipId ? pairStatus.get(a.relationshipId) : undefined, lowPulseMax),
      });
    else if (a.state === "snoozed" && effectiveState(a, now) === "open") plan.wake.push(a.id);
  }
  return plan;
}

const PAIR_CLOSED: Partial<Record<RelationshipStatus, string>> = {
  completed: "The pair finished the term.",
  ended: "The pair has ended.",
  declined: "The proposal was declined.",
};

/** Why an alert resolved itself, in words the queue shows as its resolution. */
export function clearedReason(type: AlertType, status: RelationshipStatus | undefined, lowPulseMax = 2): string {
  const closed = status ? PAIR_CLOSED[status] : undefined;
  if (closed && type !== "detractor") return `Closed by itself: ${closed.charAt(0).toLowerCase()}${closed.slice(1)}`;
  const reasons: Record<AlertType, string> = {
    no_session_14_days: "the pair met again.",
    no_agenda_next_session: "the next session has an agenda now (or none is booked).",
    missed_sessions: "the missed sessions no longer stand out.",
    plan_not_acknowledged: "both have agreed the mentoring plan.",
    low_pulse: `their latest pulse is above ${lowPulseMax} of 5.`,
    detractor: "a later answer is no longer a detractor's.",
    proposal_not_accepted: status === "active" ? "both accepted the proposal." : "the proposal is no longer waiting.",
    request_unanswered: "the request was answered or closed.",
    check_in_overdue: "a check-in was logged.",
    survey_unanswered: "they answered a survey again.",
    outcomes_unmeasured: "every outcome has its final measurement.",
  };
  return `Closed by itself: ${reasons[type]}`;
}
