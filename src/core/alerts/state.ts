/**
 * An alert's life in the coordinator's queue: it arrives open, is acknowledged ("I am on
 * it"), may be snoozed until a date (it comes back open then), and ends resolved — by a
 * coordinator, who says how, or by itself when the signal behind it clears (the pair met),
 * which the resolution says too. A resolved alert can be reopened if it was closed too soon.
 */
export const ALERT_STATES = ["open", "acknowledged", "snoozed", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  snoozed: "Snoozed",
  resolved: "Resolved",
};

export type AlertAction =
  | { type: "acknowledge" }
  | { type: "snooze"; until: Date }
  | { type: "resolve"; resolution: string }
  | { type: "reopen" }
  /** The signal went away: Grove resolves the alert itself and says why. */
  | { type: "clear"; reason: string }
  /** A snooze ran out. */
  | { type: "wake" };

export type AlertStatus = { state: AlertState; snoozedUntil: Date | null };
export type AlertChange = {
  state: AlertState;
  snoozedUntil: Date | null;
  resolution: string | null;
  resolvedBy: "coordinator" | "signal" | null;
};

export const MAX_SNOOZE_DAYS = 90;
export const RESOLUTION_MAX = 1000;

/** A snoozed alert whose date has come is open again, even before a job has noticed. */
export const effectiveState = (a: AlertStatus, now: Date): AlertState =>
  a.state === "snoozed" && a.snoozedUntil !== null && a.snoozedUntil.getTime() <= now.getTime() ? "open" : a.state;

const FROM: Record<AlertAction["type"], AlertState[]> = {
  acknowledge: ["open", "snoozed"],
  snooze: ["open", "acknowledged", "snoozed"],
  resolve: ["open", "acknowledged", "snoozed"],
  reopen: ["resolved"],
  clear: ["open", "acknowledged", "snoozed"],
  wake: ["snoozed"],
};

const VERB: Record<AlertAction["type"], string> = {
  acknowledge: "acknowledged",
  snooze: "snoozed",
  resolve: "resolved",
  reopen: "reopened",
  clear: "cleared",
  wake: "woken",
};

/** What an action does to an alert, or why it cannot. */
export function applyAlertAction(current: AlertStatus, action: AlertAction, now: Date): { change: AlertChange } | { problem: string } {
  const state = effectiveState(current, now);
  if (!FROM[action.type].includes(state)) {
    return { problem: `${/^[aeiou]/.test(state) ? "An" : "A"} ${state} alert cannot be ${VERB[action.type]}.` };
  }
  switch (action.type) {
    case "acknowledge":
      return { change: { state: "acknowledged", snoozedUntil: null, resolution: null, resolvedBy: null } };
    case "snooze": {
      const days = (action.until.getTime() - now.getTime()) / 86_400_000;
      if (!(days > 0)) return { problem: "Snooze until a date in the future." };
      if (days > MAX_SNOOZE_DAYS) return { problem: `Snooze for at most ${MAX_SNOOZE_DAYS} days.` };
      return { change: { state: "snoozed", snoozedUntil: action.until, resolution: null, resolvedBy: null } };
    }
    case "resolve": {
      const resolution = action.resolution.trim();
      if (!resolution) return { problem: "Say how it was resolved, in a few words." };
      if (resolution.length > RESOLUTION_MAX) return { problem: `Keep the resolution to ${RESOLUTION_MAX} characters.` };
      return { change: { state: "resolved", snoozedUntil: null, resolution, resolvedBy: "coordinator" } };
    }
    case "clear":
      return { change: { state: "resolved", snoozedUntil: null, resolution: action.reason, resolvedBy: "signal" } };
    case "reopen":
    case "wake":
      return { change: { state: "open", snoozedUntil: null, resolution: null, resolvedBy: null } };
  }
}
