import type { AlertDetail } from "./rules.js";
import type { AlertType } from "./settings.js";

/** What each alert type is called in the queue, its filters and the digest. */
export const ALERT_TYPE_LABELS: Record<AlertType, string> = {
  no_session_14_days: "No recent session",
  no_agenda_next_session: "No agenda for the next session",
  missed_sessions: "Missed sessions",
  plan_not_acknowledged: "Plan not agreed",
  low_pulse: "Low pulse",
  detractor: "Would not recommend",
  proposal_not_accepted: "Proposal not accepted",
  request_unanswered: "Request unanswered",
  check_in_overdue: "Check-in overdue",
  survey_unanswered: "Surveys unanswered",
  outcomes_unmeasured: "Outcomes not measured",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const the = (side: string | undefined, fallback = "respondent") => `the ${side ?? fallback}`;

/** One line saying what is wrong, from the alert's metadata only (never pair content). */
export function describeAlert(type: AlertType, d: AlertDetail): string {
  switch (type) {
    case "no_session_14_days":
      return `No session for ${plural(d.days ?? 0, "day")}.`;
    case "no_agenda_next_session":
      return "The next session has no agenda shared yet.";
    case "missed_sessions":
      return `${plural(d.missed ?? 0, "session")} missed.`;
    case "plan_not_acknowledged":
      return `The mentoring plan is not agreed after ${plural(d.days ?? 0, "day")}.`;
    case "low_pulse":
      return `Pulse of ${d.score} of 5 from ${the(d.side)}${d.week ? ` in week ${d.week}` : ""}.`;
    case "detractor":
      return `Recommend score of ${d.score} of 10 from ${the(d.side)}.`;
    case "proposal_not_accepted":
      return `Proposed ${plural(d.days ?? 0, "day")} ago; waiting for ${d.waitingFor === "both" ? "both sides" : the(d.waitingFor)}.`;
    case "request_unanswered":
      return `The mentor has not answered a request for ${plural(d.days ?? 0, "day")}.`;
    case "check_in_overdue":
      return d.followUpOn
        ? `The follow-up planned for ${d.followUpOn} has not happened.`
        : `The week ${d.week} check-in is overdue (due by ${d.dueOn}).`;
    case "survey_unanswered":
      return `${plural(d.count ?? 0, "survey")} in a row left unanswered by ${the(d.side, "participant")}.`;
    case "outcomes_unmeasured":
      return `${plural(d.count ?? 0, "outcome")} without a final measurement; the engagement closes ${d.dueOn}.`;
  }
}

/** "today", "1 day", "12 days": how long an alert has waited. */
export function alertAge(raisedAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - raisedAt.getTime()) / 86_400_000);
  if (days <= 0) {
    const hours = Math.floor((now.getTime() - raisedAt.getTime()) / 3_600_000);
    return hours <= 0 ? "just now" : plural(hours, "hour");
  }
  return plural(days, "day");
}
