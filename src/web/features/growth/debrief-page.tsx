import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { DebriefUpdate } from "../../../contracts/growth";
import { GOAL_STATUS_LABELS } from "../../../core/growth/goals";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { overviewQuery } from "../workspace/workspace-api";
import { formatInstant } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import { type DebriefT, debriefQuery, growthKeys, saveDebrief, shareDebrief } from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/reflections/debrief");

/** The final debrief: each side looks back on the goals and the relationship, and ahead. */
export function DebriefPage() {
  const { pairId } = route.useParams();
  const overview = useQuery(overviewQuery(pairId));
  const query = useQuery(debriefQuery(pairId));
  const r = overview.data?.relationship;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/pairs/$pairId/reflections" params={{ pairId }}>
          <span aria-hidden="true">← </span>Reflections
        </Link>
      </p>
      <PageHeading title={`Final debrief · ${r?.partner.name ?? "Workspace"}`}>Final debrief</PageHeading>
      <p className="lead">
        For the end of the programme, ideally before your last session: look back on each goal and on working together, and write down what
        comes next. Each of you writes your own; it stays private until you share it.
      </p>
      {!r || query.isPending ? (
        <LoadingState label="Loading the debrief…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {r.writable ? (
            <DebriefForm key={query.data.mine.version} pairId={pairId} debrief={query.data} partner={r.partner.name} />
          ) : (
            <DebriefView title="Your debrief" debrief={query.data} entry={query.data.mine} pairId={pairId} />
          )}
          {query.data.partner ? (
            <DebriefView
              title={`${query.data.partner.author.name}'s debrief`}
              debrief={query.data}
              entry={query.data.partner}
              pairId={pairId}
            />
          ) : (
            <p className="muted">{r.partner.name} has not shared a debrief with you yet.</p>
          )}
        </>
      )}
    </>
  );
}

function DebriefForm({ pairId, debrief, partner }: { pairId: string; debrief: DebriefT; partner: string }) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const mine = debrief.mine;
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(debrief.goals.map((g) => [g.id, mine.goalNotes.find((n) => n.goalId === g.id)?.text ?? ""])),
  );
  const [relationship, setRelationship] = useState(mine.relationship);
  const [roadmap, setRoadmap] = useState(mine.roadmap);
  const [stale, setStale] = useState(false);
  // Goal notes come back as ["goalNotes", index, "text"]: keep the index so each lands on its goal.
  const { errors, clear, validate, showApiError } = useFormErrors(nestedField(2));
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.debrief(pairId) });
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveDebrief>[1]) => saveDebrief(pairId, body),
    onSuccess: async () => {
      announce("Debrief saved.");
      await refresh();
    },
    onError: (error) => (isApiError(error, "version_conflict") ? setStale(true) : showApiError(error)),
  });
  const share = useMutation({
    mutationFn: (shared: boolean) => shareDebrief(pairId, shared),
    onSuccess: async (saved) => {
      announce(saved.shared ? `Shared with ${partner}.` : `${partner} can no longer see your debrief.`);
      await refresh();
    },
  });
  const goalNotes = debrief.goals.map((g) => ({ goalId: g.id, text: notes[g.id] ?? "" }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(DebriefUpdate, { version: mine.version, goalNotes, relationship, roadmap });
    if (body) save.mutate(body);
  };
  const fields = {
    ...Object.fromEntries(debrief.goals.map((g, i) => [`goalNotes.${i}`, { label: g.title, target: `debrief-goal-${g.id}` }])),
    relationship: { label: "The relationship", target: "debrief-relationship" },
    roadmap: { label: "After the programme", target: "debrief-roadmap" },
  };
  return (
    <>
      <section className="card" aria-labelledby="debrief-sharing">
        <h2 id="debrief-sharing">{mine.shared ? `Shared with ${partner}` : "Private"}</h2>
        <p>
          {mine.shared && mine.sharedAt
            ? `${partner} can read it since ${formatInstant(mine.sharedAt, zone)}. You can take it back at any time.`
            : mine.version === 0
              ? "Save it first; then you can choose to share it."
              : `Only you can see it. Share it when you are ready, perhaps before your last session.`}
        </p>
        {mine.version > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => share.mutate(!mine.shared)} disabled={share.isPending}>
            {share.isPending ? "Saving…" : mine.shared ? "Stop sharing" : `Share with ${partner}`}
          </button>
        ) : null}
        {share.isError ? (
          <p className="field__error" role="alert">
            {share.error.message}
          </p>
        ) : null}
      </section>
      {stale ? (
        <div className="notice notice--warning" role="alert">
          <h2 className="notice__title">Saved elsewhere in the meantime</h2>
          <p>Your debrief was saved in another tab since you opened it. Copy anything you want to keep, then reload the page.</p>
        </div>
      ) : null}
      <form className="form card" onSubmit={submit} noValidate aria-label="Your debrief">
        <ErrorSummary errors={errors} fields={fields} />
        <fieldset className="form-section">
          <legend>Your goals</legend>
          <p className="field__hint">{debrief.prompts.goal}</p>
          {debrief.goals.length === 0 ? <p className="muted">There are no goals to look back on.</p> : null}
          {debrief.goals.map((g, i) => (
            <TextAreaField
              key={g.id}
              id={`debrief-goal-${g.id}`}
              label={`${g.title} (${GOAL_STATUS_LABELS[g.status]}, ${g.progress}%)`}
              value={notes[g.id] ?? ""}
              onChange={(v) => setNotes((n) => ({ ...n, [g.id]: v }))}
              error={errors.fields[`goalNotes.${i}`]}
              rows={3}
            />
          ))}
        </fieldset>
        <TextAreaField
          id="debrief-relationship"
          label="The relationship"
          hint={debrief.prompts.relationship}
          value={relationship}
          onChange={setRelationship}
          error={errors.fields.relationship}
          rows={4}
        />
        <TextAreaField
          id="debrief-roadmap"
          label="After the programme"
          hint={debrief.prompts.roadmap}
          value={roadmap}
          onChange={setRoadmap}
          error={errors.fields.roadmap}
          rows={4}
        />
        <div className="form__actions">
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save debrief
          </SubmitButton>
        </div>
      </form>
    </>
  );
}

function DebriefView({ title, debrief, entry, pairId }: { title: string; debrief: DebriefT; entry: DebriefT["mine"]; pairId: string }) {
  const zone = useViewerTimeZone(pairId);
  const titleOf = (goalId: string) => debrief.goals.find((g) => g.id === goalId)?.title ?? "A goal";
  const id = `debrief-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {entry.version === 0 ? (
        <p className="muted">Not written.</p>
      ) : (
        <>
          {entry.updatedAt ? <p className="muted">Last saved {formatInstant(entry.updatedAt, zone)}.</p> : null}
          <dl className="details">
            {entry.goalNotes.map((n) => (
              <div key={n.goalId}>
                <dt>{titleOf(n.goalId)}</dt>
                <dd className="prose">{n.text}</dd>
              </div>
            ))}
            <div>
              <dt>The relationship</dt>
              <dd className="prose">{entry.relationship || <span className="muted">Nothing written</span>}</dd>
            </div>
            <div>
              <dt>After the programme</dt>
              <dd className="prose">{entry.roadmap || <span className="muted">Nothing written</span>}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
