import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { AUDIENCE_LABELS } from "../../../core/surveys/questions";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { deleteSurvey, duplicateSurvey, type SurveyListT, sendSurveyNow, surveyKeys, surveysQuery } from "./surveys-api";
import "./surveys.css";

const route = getRouteApi("/_app/programmes/$programmeId/surveys");
type Item = SurveyListT["items"][number];

export const SURVEY_STATUS_LABELS: Record<Item["status"], string> = { draft: "Draft (not sent)", active: "On", closed: "Closed" };

export const rate = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);

/** A programme's surveys: who they reach, when, and how many answered; the way to results, editing and sending. */
export function SurveysPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Surveys"
      lead={() => (
        <p>
          Pulse, mid-point and end surveys go out by programme week, at 08:00 in each person's own time zone, with a link that works without
          signing in and one reminder. Respondents are told before they answer whether their name goes with their answers.
        </p>
      )}
    >
      {(programme) => <SurveyList programme={programme} />}
    </ProgrammeSection>
  );
}

function SurveyList({ programme }: { programme: Programme }) {
  const query = useQuery(surveysQuery(programme.id));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [sending, setSending] = useState<Item | null>(null);
  const [removing, setRemoving] = useState<Item | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: surveyKeys.list(programme.id) });
  const send = useMutation({
    mutationFn: (s: Item) => sendSurveyNow(programme.id, s.id),
    onSuccess: async (r, s) => {
      setSending(null);
      const text =
        r.invited === 0
          ? `Nobody new to ask for "${s.title}" right now.`
          : `"${s.title}" sent to ${r.invited} ${r.invited === 1 ? "person" : "people"}.`;
      setMessage(text);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (s: Item) => deleteSurvey(programme.id, s.id),
    onSuccess: async (_r, s) => {
      setRemoving(null);
      setMessage(`"${s.title}" deleted.`);
      await refresh();
    },
  });
  const copy = useMutation({
    mutationFn: (s: Item) => duplicateSurvey(programme.id, s.id),
    onSuccess: (copyOf) =>
      navigate({ to: "/programmes/$programmeId/surveys/$surveyId/edit", params: { programmeId: programme.id, surveyId: copyOf.id } }),
  });

  return (
    <>
      <div className="actions-row">
        <Link to="/programmes/$programmeId/surveys/new" params={{ programmeId: programme.id }} className="button button--primary">
          New survey
        </Link>
      </div>
      {message ? (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      ) : null}
      {copy.isError ? (
        <p className="notice notice--error" role="alert">
          {copy.error.message}
        </p>
      ) : null}
      {query.isPending ? <LoadingState label="Loading surveys…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No surveys yet</h2>
          <p>Create one to hear from mentors and mentees during the term.</p>
        </div>
      ) : null}
      {query.data && query.data.items.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
        <section className="table-scroll" aria-labelledby="surveys-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="surveys-caption">Surveys of {programme.name}</caption>
            <thead>
              <tr>
                <th scope="col">Survey</th>
                <th scope="col">Who</th>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Answered</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to="/programmes/$programmeId/surveys/$surveyId" params={{ programmeId: programme.id, surveyId: s.id }}>
                      {s.title}
                    </Link>
                    <span className="data-table__sub">{s.anonymous ? "Anonymous" : "Names shown"}</span>
                  </th>
                  <td>{s.audiences.map((a) => AUDIENCE_LABELS[a]).join(", ")}</td>
                  <td>{s.scheduleText}</td>
                  <td>{SURVEY_STATUS_LABELS[s.status]}</td>
                  <td className="data-table__nowrap">
                    {s.answered} of {s.invited} ({rate(s.responseRate)})
                    {s.lastSentAt ? <span className="data-table__sub">last sent {formatDateTime(s.lastSentAt)}</span> : null}
                  </td>
                  <td>
                    <div className="actions-row actions-row--tight">
                      <Link
                        to="/programmes/$programmeId/surveys/$surveyId/edit"
                        params={{ programmeId: programme.id, surveyId: s.id }}
                        className="button button--secondary button--small"
                      >
                        Edit<span className="visually-hidden"> {s.title}</span>
                      </Link>
                      {s.status === "active" ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => {
                            send.reset();
                            setSending(s);
                          }}
                        >
                          Send now<span className="visually-hidden"> {s.title}</span>
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => copy.mutate(s)}
                        disabled={copy.isPending}
                      >
                        Duplicate<span className="visually-hidden"> {s.title}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--danger-outline button--small"
                        onClick={() => {
                          remove.reset();
                          setRemoving(s);
                        }}
                      >
                        Delete<span className="visually-hidden"> {s.title}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <ConfirmDialog
        open={sending !== null}
        title={sending ? `Send "${sending.title}" now?` : ""}
        confirmLabel="Send now"
        pendingLabel="Sending…"
        pending={send.isPending}
        error={send.isError ? send.error.message : null}
        onConfirm={() => sending && send.mutate(sending)}
        onCancel={() => setSending(null)}
      >
        <p>
          Everyone this survey's schedule reaches today gets it by email at once, with a link that stays open for its usual number of days.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Delete "${removing.title}"?` : ""}
        confirmLabel="Delete the survey"
        pendingLabel="Deleting…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Its invitations and every answer go too; open links stop working. This cannot be undone. To stop sending but keep the results,
          close it instead.
        </p>
      </ConfirmDialog>
    </>
  );
}
