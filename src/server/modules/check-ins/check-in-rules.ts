import { addDays } from "../../../core/workspace/local-time.js";
import { badRequest } from "../../platform/errors.js";

/** A check-in happened (today at the latest, allowing for time zones), and its follow-up comes after it, within a year. */
export function assertCheckInDates(happenedOn: string, followUpOn: string | null, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const issues: { path: string[]; message: string }[] = [];
  if (happenedOn > addDays(today, 1))
    issues.push({ path: ["happenedOn"], message: "A check-in is logged once it has happened; pick today or an earlier day." });
  if (followUpOn && followUpOn <= happenedOn) issues.push({ path: ["followUpOn"], message: "The follow-up comes after the check-in." });
  if (followUpOn && followUpOn > addDays(today, 366)) issues.push({ path: ["followUpOn"], message: "Plan the follow-up within a year." });
  if (issues.length) throw badRequest("validation_failed", issues[0].message, { issues });
}
