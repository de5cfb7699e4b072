import { termWeeks } from "../programmes/phases.js";

/**
 * The thresholds behind a programme's alerts and its check-in plan. Every programme starts
 * with these and its coordinators tune them on the programme's support settings.
 */
export const ALERT_TYPES = [
  "no_session_14_days",
  "no_agenda_next_session",
  "missed_sessions",
  "plan_not_acknowledged",
  "low_pulse",
  "detractor",
  "proposal_not_accepted",
  "request_unanswered",
  "check_in_overdue",
  "survey_unanswered",
  "outcomes_unmeasured",
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const CHECK_IN_WITH = ["mentee", "mentor", "both"] as const;
export type CheckInWith = (typeof CHECK_IN_WITH)[number];
export type PlannedCheckIn = { week: number; with: CheckInWith };

export type SupportSettings = {
  /** Days without a session before a pair counts as quiet. */
  quietDays: number;
  /** A pulse score at or below this (of 5) raises an alert. */
  lowPulseMax: number;
  /** Days a published proposal may wait for acceptance. */
  proposalWaitDays: number;
  /** Days a self-match request may wait for the mentor's answer. */
  requestWaitDays: number;
  /** Days after a planned check-in's week (or a follow-up date) before it is overdue. */
  checkInGraceDays: number;
  /** How many surveys in a row a person may leave unanswered before it is an alert. */
  unansweredSurveys: number;
  /** An alert unresolved for this many days is listed as overdue in the daily digest. */
  overdueAfterDays: number;
  /** Alert types the coordinators switched off. */
  mutedAlerts: AlertType[];
  /** The weeks of the term with a planned check-in, and with whom. */
  checkInPlan: PlannedCheckIn[];
};

export const SETTING_LIMITS = {
  quietDays: [3, 60],
  lowPulseMax: [1, 4],
  proposalWaitDays: [1, 60],
  requestWaitDays: [1, 30],
  checkInGraceDays: [0, 21],
  unansweredSurveys: [1, 5],
  overdueAfterDays: [1, 30],
} as const;

/** Weeks 2, 6 and 10 of a 12-week term, moved in proportion for a longer or shorter one. */
export function defaultCheckInPlan(weeks: number): PlannedCheckIn[] {
  const scaled = [2, 6, 10].map((w) => Math.min(weeks, Math.max(1, Math.round((w * weeks) / 12))));
  return [...new Set(scaled)].map((week) => ({ week, with: "both" as const }));
}

export function defaultSupportSettings(term: { termStart: string; termEnd: string }): SupportSettings {
  return {
    quietDays: 14,
    lowPulseMax: 2,
    proposalWaitDays: 5,
    requestWaitDays: 3,
    checkInGraceDays: 3,
    unansweredSurveys: 2,
    overdueAfterDays: 3,
    // The mentee already gets an agenda reminder; as an alert it would flag most pairs every week.
    mutedAlerts: ["no_agenda_next_session"],
    checkInPlan: defaultCheckInPlan(termWeeks(term.termStart, term.termEnd)),
  };
}

/** Problems with a check-in plan for a term of `weeks` weeks. */
export function checkInPlanProblem(plan: PlannedCheckIn[], weeks: number): string | null {
  if (plan.length > 20) return "Plan at most 20 check-ins.";
  const seen = new Set<number>();
  for (const p of plan) {
    if (p.week < 1 || p.week > weeks) return `The term has ${weeks} weeks; a check-in in week ${p.week} falls outside it.`;
    if (seen.has(p.week)) return `Week ${p.week} is planned twice.`;
    seen.add(p.week);
  }
  return null;
}
