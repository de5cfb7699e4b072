import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SelectField } from "../../components/select-field";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { overviewQuery as workspaceOverviewQuery } from "../workspace/workspace-api";
import { coachingKeys, planFromTemplate, type SessionPlanT, saveSessionPlan, sessionPlanQuery, templatesQuery } from "./coaching-api";
import "./coaching.css";

const route = getRouteApi("/_app/pairs/$pairId/session-plan");

type Entry = { title: string; purpose: string; activities: string };

/** The coach's plan for the engagement, one entry per session; the coachee reads it. */
export function SessionPlanPage() {
  const { pairId } = route.useParams();
  const query = useQuery(sessionPlanQuery(pairId));
  return (
    <>
      <PageHeading>Session plan</PageHeading>
      {query.isPending ? (
        <LoadingState label="Loading the session plan…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.canEdit ? (
        <PlanEditor key={query.data.version} pairId={pairId} plan={query.data} />
      ) : (
        <PlanView plan={query.data} pairId={pairId} />
      )}
    </>
  );
}

function PlanView({ plan, pairId }: { plan: SessionPlanT; pairId: string }) {
  if (plan.entries.length === 0)
    return (
      <div className="empty">
        <h2 className="empty__title">No plan yet</h2>
        <p>Your coach writes the plan for your sessions, usually from one of the programme's frameworks. It appears here once they do.</p>
      </div>
    );
  return (
    <>
      {plan.templateName ? <p className="muted">Started from “{plan.templateName}”.</p> : null}
      <ol className="card-list" aria-label="Sessions in the plan">
        {plan.entries.map((e) => (
          <li key={e.position} className="card">
            <h2 className="plan-entry__title">
              Session {e.position}: {e.title}
            </h2>
            {e.purpose ? <p className="prose">{e.purpose}</p> : null}
            {e.activities ? (
              <>
                <h3>Activities</h3>
                <p className="prose">{e.activities}</p>
              </>
            ) : null}
            {e.sessionId ? (
              <p>
                <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId, sessionId: e.sessionId }}>
                  Open this session
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function PlanEditor({ pairId, plan }: { pairId: string; plan: SessionPlanT }) {
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<Entry[]>(() =>
    plan.entries.map(({ title, purpose, activities }) => ({ title, purpose, activities })),
  );
  const [error, setError] = useState<string | null>(null);
  const done = async (saved: SessionPlanT, message: string) => {
    queryClient.setQueryData(coachingKeys.plan(pairId), saved);
    announce(message);
  };
  const save = useMutation({
    mutationFn: () => saveSessionPlan(pairId, plan.version, entries),
    onSuccess: (saved) => done(saved, "Session plan saved."),
    onError: (e) =>
      setError(
        isApiError(e, "version_conflict")
          ? "The plan changed elsewhere since you opened it. Reload the page to see it."
          : isApiError(e)
            ? e.message
            : "That didn't work.",
      ),
  });
  const update = (i: number, field: keyof Entry, value: string) =>
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, [field]: value } : e)));
  const move = (i: number, by: -1 | 1) =>
    setEntries((list) => {
      const next = [...list];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(entries.some((e) => !e.title.trim()) ? "Every session in the plan needs a title." : null);
    if (entries.every((e) => e.title.trim())) save.mutate();
  };
  return (
    <>
      <FromTemplate pairId={pairId} plan={plan} />
      {plan.entries.length > 0 && entries.length !== plan.packageSessions ? (
        <p className="notice notice--warning" role="note">
          The plan has {entries.length} session{entries.length === 1 ? "" : "s"}; the package has {plan.packageSessions}.
        </p>
      ) : null}
      {entries.length === 0 ? <p>Start from a template above, or add the sessions one by one.</p> : null}
      <form className="form" onSubmit={submit} noValidate aria-label="The session plan">
        {entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity of their own; position is what they are
          <fieldset key={i} className="plan-entry">
            <legend>Session {i + 1}</legend>
            <TextField
              id={`plan-${i}-title`}
              label="Title"
              value={e.title}
              onChange={(v) => update(i, "title", v)}
              maxLength={120}
              required
            />
            <TextAreaField
              id={`plan-${i}-purpose`}
              label="Purpose"
              value={e.purpose}
              onChange={(v) => update(i, "purpose", v)}
              rows={2}
              maxLength={1000}
            />
            <TextAreaField
              id={`plan-${i}-activities`}
              label="Activities"
              value={e.activities}
              onChange={(v) => update(i, "activities", v)}
              rows={3}
              maxLength={2000}
            />
            <div className="actions-row actions-row--tight">
              <button type="button" className="button button--secondary button--small" disabled={i === 0} onClick={() => move(i, -1)}>
                Move up<span className="visually-hidden"> session {i + 1}</span>
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={i === entries.length - 1}
                onClick={() => move(i, 1)}
              >
                Move down<span className="visually-hidden"> session {i + 1}</span>
              </button>
              <button
                type="button"
                className="button button--danger-outline button--small"
                onClick={() => setEntries((list) => list.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden"> session {i + 1}</span>
              </button>
            </div>
          </fieldset>
        ))}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setEntries((list) => [...list, { title: "", purpose: "", activities: "" }])}
          >
            Add a session
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending || entries.length === 0}>
            {save.isPending ? "Saving…" : "Save the plan"}
          </button>
        </div>
      </form>
    </>
  );
}

/** Starting from a template replaces the plan with a copy of it, so it asks first when there is one. */
function FromTemplate({ pairId, plan }: { pairId: string; plan: SessionPlanT }) {
  const queryClient = useQueryClient();
  const programmeId = useProgrammeOfPair(pairId);
  const templates = useQuery({ ...templatesQuery(programmeId ?? ""), enabled: Boolean(programmeId) });
  const current = (templates.data?.items ?? []).filter((t) => !t.archived);
  const [choice, setChoice] = useState("");
  const [confirming, setConfirming] = useState(false);
  const start = useMutation({
    mutationFn: () => planFromTemplate(pairId, plan.version, choice || current[0]?.id),
    onSuccess: (saved) => {
      setConfirming(false);
      queryClient.setQueryData(coachingKeys.plan(pairId), saved);
      announce(`The plan now follows “${saved.templateName}”. Adapt it to this engagement.`);
    },
  });
  if (!programmeId || templates.isPending) return <LoadingState label="Loading the templates…" />;
  if (templates.isError) return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  if (current.length === 0) return null;
  return (
    <section className="card" aria-labelledby="template-title">
      <h2 id="template-title">Start from a template</h2>
      <div className="form form--inline">
        <SelectField
          id="plan-template"
          label="Template"
          value={choice || current[0].id}
          options={current.map((t) => ({ value: t.id, label: `${t.name} (${t.entries.length} sessions)` }))}
          onChange={setChoice}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => (plan.entries.length ? setConfirming(true) : start.mutate())}
        >
          {start.isPending && !confirming ? "Starting…" : "Use this template"}
        </button>
      </div>
      {start.isError && !confirming ? (
        <p className="field__error" role="alert">
          {start.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title="Replace the plan?"
        confirmLabel="Replace it"
        pendingLabel="Replacing…"
        pending={start.isPending}
        error={start.isError ? start.error.message : undefined}
        onConfirm={() => start.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>The plan you have is replaced by a copy of the template. The sessions themselves stay as they are.</p>
      </ConfirmDialog>
    </section>
  );
}

/** The programme a pair belongs to, from the workspace overview the layout already loaded. */
function useProgrammeOfPair(pairId: string): string | null {
  const { data } = useQuery(workspaceOverviewQuery(pairId));
  return data?.relationship.programme.id ?? null;
}
