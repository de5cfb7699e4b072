import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { ALERT_STATE_LABELS } from "../../../core/alerts/state";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { formatDate, formatDateTime } from "../../lib/dates";
import { CheckInForm } from "../check-ins/check-in-form";
import { CheckInHistoryList } from "../check-ins/check-in-history";
import { checkInKeys } from "../check-ins/check-ins-api";
import { MessageForm, RemindButton } from "../check-ins/contact-forms";
import { rematch } from "../matching/matching-api";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { pairStatusLabels } from "../workspace/workspace-format";
import { type AlertDetailT, actOnAlert, alertKeys, alertQuery, alertsQuery, assignAlert, evaluateAlerts } from "./alerts-api";
import "../surveys/surveys.css";

const route = getRouteApi("/_app/programmes/$programmeId/alerts/$alertId");

const EVENT_LABELS: Record<string, string> = {
  raised: "Raised",
  acknowledged: "Acknowledged",
  snoozed: "Snoozed",
  woke: "Back from snooze",
  assigned: "Assignment changed",
  resolved: "Resolved",
  cleared: "Closed by itself",
  reopened: "Reopened",
  checked_in: "Check-in logged",
  contacted: "Pair contacted",
};

/** One alert: what is wrong and since when, the pair's metadata and check-ins, and everything a coordinator can do about it. */
export function AlertPage() {
  const { programmeId, alertId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Alert">
      {(programme) => <AlertDetail programme={programme} alertId={alertId} />}
    </ProgrammeSection>
  );
}

function AlertDetail({ programme, alertId }: { programme: Programme; alertId: string }) {
  const query = useQuery(alertQuery(programme.id, alertId));
  if (query.isPending) return <LoadingState label="Loading the alert…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Loaded programme={programme} detail={query.data} />;
}

function Loaded({ programme, detail }: { programme: Programme; detail: AlertDetailT }) {
  const { alert, pair, history, events } = detail;
  const queryClient = useQueryClient();
  const [snoozeUntil, setSnoozeUntil] = useState(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  const [resolution, setResolution] = useState("");
  const [rematching, setRematching] = useState(false);
  const [rematchNote, setRematchNote] = useState("");
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const coordinators = useQuery({ ...alertsQuery(programme.id, { state: "unresolved", page: 1 }), select: (d) => d.coordinators });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: alertKeys.all(programme.id) });
    await queryClient.invalidateQueries({ queryKey: checkInKeys.all(programme.id) });
  };
  const act = useMutation({
    mutationFn: (body: Parameters<typeof actOnAlert>[2]) => actOnAlert(programme.id, alert.id, body),
    onSuccess: async (a) => {
      announce(`Alert ${ALERT_STATE_LABELS[a.state].toLowerCase()}.`);
      setResolution("");
      await refresh();
    },
  });
  const assign = useMutation({
    mutationFn: (userId: string | null) => assignAlert(programme.id, alert.id, userId, alert.version),
    onSuccess: async (a) => {
      announce(a.assignee ? `Assigned to ${a.assignee.name}.` : "Unassigned.");
      await refresh();
    },
  });
  const end = useMutation({
    mutationFn: () => rematch(programme.id, pair?.relationshipId ?? "", rematchNote.trim() || undefined),
    onSuccess: async () => {
      setRematching(false);
      announce("The pair ended for a rematch.");
      // The pair's alerts close themselves once Grove looks again; look now.
      await evaluateAlerts(programme.id).catch(() => undefined);
      await refresh();
    },
  });
  const pairName = [alert.mentee?.name, alert.mentor?.name].filter(Boolean).join(" and ");
  const live = pair && (pair.status === "active" || pair.status === "paused");
  const actError = act.error ?? assign.error;

  return (
    <>
      <p>
        <Link to="/programmes/$programmeId/alerts" params={{ programmeId: programme.id }}>
          Back to the queue
        </Link>
      </p>
      <section className="card" aria-labelledby="alert-title">
        <h2 id="alert-title">
          {alert.title}
          {pairName ? `: ${pairName}` : ""}
        </h2>
        <p className="lead">{alert.summary}</p>
        <dl className="details">
          <div>
            <dt>State</dt>
            <dd>
              {ALERT_STATE_LABELS[alert.state]}
              {alert.snoozedUntil ? ` until ${formatDate(alert.snoozedUntil.slice(0, 10))}` : ""}
              {alert.overdue ? " · overdue" : ""}
            </dd>
          </div>
          <div>
            <dt>Raised</dt>
            <dd>
              {formatDateTime(alert.raisedAt)} ({alert.age} ago)
            </dd>
          </div>
          {alert.resolution ? (
            <div>
              <dt>Resolution</dt>
              <dd>{alert.resolution}</dd>
            </div>
          ) : null}
        </dl>
        {actError ? (
          <p className="notice notice--error" role="alert">
            {actError.message}
          </p>
        ) : null}
        {alert.state === "resolved" ? (
          <div className="actions-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => act.mutate({ action: "reopen", version: alert.version })}
              disabled={act.isPending}
            >
              Reopen
            </button>
          </div>
        ) : (
          <>
            <div className="form__row">
              <SelectField
                id="alert-assignee"
                label="Assigned to"
                value={alert.assignee?.id ?? ""}
                disabled={assign.isPending}
                options={[{ value: "", label: "Nobody" }, ...(coordinators.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
                onChange={(v) => assign.mutate(v || null)}
              />
            </div>
            <div className="actions-row">
              {alert.state === "open" || alert.state === "snoozed" ? (
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => act.mutate({ action: "acknowledge", version: alert.version })}
                  disabled={act.isPending}
                >
                  Acknowledge
                </button>
              ) : null}
            </div>
            <form
              className="form form--inline"
              onSubmit={(e) => {
                e.preventDefault();
                act.mutate({ action: "snooze", until: snoozeUntil, version: alert.version });
              }}
            >
              <TextField
                id="snooze-until"
                className="field--short"
                type="date"
                label="Snooze until"
                hint="It comes back open on that day."
                value={snoozeUntil}
                onChange={setSnoozeUntil}
              />
              <button type="submit" className="button button--secondary" disabled={act.isPending}>
                Snooze
              </button>
            </form>
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                act.mutate({ action: "resolve", resolution, version: alert.version });
              }}
            >
              <TextAreaField
                id="resolution"
                label="How was it resolved?"
                hint="For the coordinators; the pair does not see it."
                rows={3}
                maxLength={1000}
                value={resolution}
                onChange={setResolution}
              />
              <button type="submit" className="button button--secondary" disabled={act.isPending || !resolution.trim()}>
                Resolve
              </button>
            </form>
          </>
        )}
      </section>

      {pair ? (
        <section className="card" aria-labelledby="pair-heading">
          <h2 id="pair-heading">The pair</h2>
          <dl className="details">
            <div>
              <dt>Mentee</dt>
              <dd>
                {pair.mentee.name} · <a href={`mailto:${pair.mentee.email}`}>{pair.mentee.email}</a>
              </dd>
            </div>
            <div>
              <dt>Mentor</dt>
              <dd>
                {pair.mentor.name} · <a href={`mailto:${pair.mentor.email}`}>{pair.mentor.email}</a>
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                {pairStatusLabels[pair.status]}
                {pair.startedAt ? `, since ${formatDate(pair.startedAt.slice(0, 10))}` : ""}
              </dd>
            </div>
            <div>
              <dt>Sessions</dt>
              <dd>
                {pair.sessionsHeld} held, {pair.sessionsMissed} missed · last{" "}
                {pair.lastSessionAt ? formatDateTime(pair.lastSessionAt) : "none yet"} · next{" "}
                {pair.nextSessionAt ? formatDateTime(pair.nextSessionAt) : "none booked"}
              </dd>
            </div>
            <div>
              <dt>Plan agreed</dt>
              <dd>{pair.planAcknowledged ? "Yes" : "No"}</dd>
            </div>
            <div>
              <dt>Goals</dt>
              <dd>{pair.goals}</dd>
            </div>
          </dl>
          <p className="muted">Dates and counts only: what the pair writes stays between them.</p>
          {live ? (
            <div className="actions-row">
              <RemindButton programmeId={programme.id} relationshipId={pair.relationshipId} alertId={alert.id} />
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => {
                  end.reset();
                  setRematching(true);
                }}
              >
                Start a no-fault rematch
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {pair && live ? (
        <div className="two-columns">
          <CheckInForm
            programmeId={programme.id}
            relationshipId={pair.relationshipId}
            alertId={alert.id}
            canWriteNote={history?.notesVisible ?? false}
          />
          <MessageForm programmeId={programme.id} relationshipId={pair.relationshipId} alertId={alert.id} />
        </div>
      ) : null}

      {history ? (
        <section aria-labelledby="check-in-history">
          <h2 id="check-in-history">Check-in history</h2>
          <CheckInHistoryList history={history} />
        </section>
      ) : null}

      <section aria-labelledby="alert-history">
        <h2 id="alert-history">What happened to this alert</h2>
        <ol className="text-answers">
          {events.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events are in order and never reordered
            <li key={i}>
              <p>
                <strong>{EVENT_LABELS[e.kind] ?? e.kind}</strong> · {formatDateTime(e.at)}
                {e.by ? ` · ${e.by}` : ""}
              </p>
              {e.note ? <p>{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <ConfirmDialog
        open={rematching}
        title={`End ${pairName} for a rematch?`}
        confirmLabel="End the pair and rematch"
        pendingLabel="Ending…"
        variant="danger"
        pending={end.isPending}
        error={end.isError ? end.error.message : null}
        initialFocusRef={noteRef}
        onConfirm={() => end.mutate()}
        onCancel={() => setRematching(false)}
      >
        <p>
          No fault on either side: both are told kindly, their upcoming sessions are cancelled, and the mentee can be matched again from
          Matching.
        </p>
        <TextAreaField
          id="rematch-note"
          ref={noteRef}
          label="A note to both (optional)"
          rows={3}
          maxLength={1000}
          value={rematchNote}
          onChange={setRematchNote}
        />
      </ConfirmDialog>
    </>
  );
}
