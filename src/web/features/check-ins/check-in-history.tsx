import { CHECK_IN_OUTCOME_LABELS, CHECK_IN_WITH_LABELS } from "../../../core/support/check-ins";
import { formatDate, formatDateTime } from "../../lib/dates";
import type { CheckInHistoryT } from "./check-ins-api";

/** A pair's check-ins and the messages sent to it, newest first, in one list. */
export function CheckInHistoryList({ history, onDelete }: { history: CheckInHistoryT; onDelete?: (checkInId: string) => void }) {
  const entries = [
    ...history.checkIns.map((c) => ({ kind: "check-in" as const, at: `${c.happenedOn}T12:00:00Z`, c })),
    ...history.contacts.map((m) => ({ kind: "contact" as const, at: m.sentAt, m })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) {
    return (
      <div className="empty">
        <h3 className="empty__title">No check-ins yet</h3>
        <p>Check-ins you log and messages you send show up here.</p>
      </div>
    );
  }
  return (
    <ol className="text-answers">
      {entries.map((e) =>
        e.kind === "check-in" ? (
          <li key={e.c.id}>
            <p>
              <strong>Check-in, {formatDate(e.c.happenedOn)}</strong> · {CHECK_IN_WITH_LABELS[e.c.with]} ·{" "}
              <span className={`badge badge--outcome-${e.c.outcome}`}>{CHECK_IN_OUTCOME_LABELS[e.c.outcome]}</span>
              {e.c.plannedWeek ? ` · planned for week ${e.c.plannedWeek}` : ""}
            </p>
            {e.c.note ? <p className="prose">{e.c.note}</p> : null}
            <p className="muted">
              {e.c.loggedBy ? `Logged by ${e.c.loggedBy}` : "Logged"}
              {e.c.followUpOn ? ` · follow up on ${formatDate(e.c.followUpOn)}` : ""}
            </p>
            {onDelete ? (
              <button type="button" className="button button--link" onClick={() => onDelete(e.c.id)}>
                Delete<span className="visually-hidden"> the check-in of {formatDate(e.c.happenedOn)}</span>
              </button>
            ) : null}
          </li>
        ) : (
          <li key={e.m.id}>
            <p>
              <strong>{e.m.kind === "reminder" ? "Reminder sent" : `Message: ${e.m.subject}`}</strong> · to{" "}
              {CHECK_IN_WITH_LABELS[e.m.to].toLowerCase()} · {formatDateTime(e.m.sentAt)}
            </p>
            {e.m.body ? <p className="prose">{e.m.body}</p> : null}
            {e.m.sentBy ? <p className="muted">From {e.m.sentBy}</p> : null}
          </li>
        ),
      )}
    </ol>
  );
}
