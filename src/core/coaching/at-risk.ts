import { type EngagementStage, isLiveStage } from "./stage.js";

/** How close to its end an engagement counts as "about to close": its last session, or its last two weeks. */
export const AT_RISK_DAYS = 14;
export const AT_RISK_SESSIONS = 1;

export type ClosingRisk = {
  /** Why it is about to close. */
  reason: "closing" | "last_sessions" | "period_ending";
  /** Outcomes still without a final value (all of them when none were agreed). */
  unmeasured: number;
};

/**
 * An engagement at risk of closing unmeasured: still live, with outcomes missing their
 * final value (or no outcomes at all), and closing or about to — its sessions nearly used
 * or its period nearly over. The coordinator's overview and the alert queue both read it;
 * the repository's SQL query applies the same rule.
 */
export function closingUnmeasuredRisk(e: {
  stage: EngagementStage;
  /** Sessions not yet held (booked ones included). */
  sessionsLeft: number;
  daysLeft: number;
  outcomes: number;
  finals: number;
}): ClosingRisk | null {
  if (!isLiveStage(e.stage)) return null;
  const unmeasured = e.outcomes === 0 ? 0 : e.outcomes - e.finals;
  if (e.outcomes > 0 && unmeasured === 0) return null;
  const reason =
    e.stage === "closing"
      ? "closing"
      : e.sessionsLeft <= AT_RISK_SESSIONS
        ? "last_sessions"
        : e.daysLeft <= AT_RISK_DAYS
          ? "period_ending"
          : null;
  return reason ? { reason, unmeasured: e.outcomes === 0 ? 0 : unmeasured } : null;
}
