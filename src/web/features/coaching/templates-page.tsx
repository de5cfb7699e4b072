import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import { coachingKeys, createTemplate, type TemplateT, templatesQuery, updateTemplate } from "./coaching-api";
import "./coaching.css";

const route = getRouteApi("/_app/programmes/$programmeId/coaching/templates");

type Entry = { title: string; purpose: string; activities: string };

/**
 * The programme's session-plan templates: Grove's two frameworks to start with, and any the
 * coordinators and coaches write. A coach starts an engagement's plan from one.
 */
export function TemplatesPage() {
  const { programmeId } = route.useParams();
  const query = useQuery(templatesQuery(programmeId));
  const [editing, setEditing] = useState<TemplateT | "new" | null>(null);
  return (
    <ProgrammeSection programmeId={programmeId} title="Session-plan templates" coordinatorsOnly={false}>
      {() => (
        <>
          <p className="lead">
            A template is one entry per session with its purpose and activities. Engagements keep their own copy, so editing a template
            changes only plans started later.
          </p>
          {query.isPending ? (
            <LoadingState label="Loading the templates…" />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <ul className="card-list" aria-label="Templates">
              {query.data.items.map((t) => (
                <li key={t.id} className="card">
                  <h2>
                    {t.name} {t.shipped ? <span className="badge">Grove's own</span> : null}{" "}
                    {t.archived ? <span className="badge">Archived</span> : null}
                  </h2>
                  {t.description ? <p>{t.description}</p> : null}
                  <ol>
                    {t.entries.map((e) => (
                      <li key={e.title}>{e.title}</li>
                    ))}
                  </ol>
                  <p className="muted">
                    Last changed {formatDateTime(t.updatedAt)}
                    {t.updatedBy ? ` by ${t.updatedBy}` : ""}
                  </p>
                  <TemplateActions programmeId={programmeId} template={t} onEdit={() => setEditing(t)} />
                </li>
              ))}
            </ul>
          )}
          {editing ? (
            <TemplateForm
              key={editing === "new" ? "new" : `${editing.id}-${editing.version}`}
              programmeId={programmeId}
              template={editing === "new" ? undefined : editing}
              onDone={() => setEditing(null)}
            />
          ) : (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              Add a template
            </button>
          )}
        </>
      )}
    </ProgrammeSection>
  );
}

function TemplateActions({ programmeId, template: t, onEdit }: { programmeId: string; template: TemplateT; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => updateTemplate(t.id, { version: t.version, archived: !t.archived }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: coachingKeys.templates(programmeId) });
      announce(t.archived ? `${t.name} is offered again.` : `${t.name} is archived: no new plan starts from it.`);
    },
  });
  return (
    <div className="actions-row actions-row--tight">
      <button type="button" className="button button--secondary button--small" onClick={onEdit}>
        Edit<span className="visually-hidden"> {t.name}</span>
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
        {t.archived ? "Restore" : "Archive"}
        <span className="visually-hidden"> {t.name}</span>
      </button>
      {toggle.isError ? (
        <p className="field__error" role="alert">
          {toggle.error.message}
        </p>
      ) : null}
    </div>
  );
}

function TemplateForm({ programmeId, template, onDone }: { programmeId: string; template?: TemplateT; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(template?.name ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [entries, setEntries] = useState<Entry[]>(
    () => template?.entries.map((e) => ({ ...e })) ?? [{ title: "", purpose: "", activities: "" }],
  );
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      template
        ? updateTemplate(template.id, { version: template.version, name, description, entries })
        : createTemplate(programmeId, { name, description, entries }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: coachingKeys.templates(programmeId) });
      announce(`${saved.name} saved.`);
      onDone();
    },
    onError: (e) => setError(isApiError(e) ? (e.fieldIssues[0]?.message ?? e.message) : "That didn't work. Try again."),
  });
  const update = (i: number, k: keyof Entry, v: string) => setEntries((l) => l.map((e, j) => (j === i ? { ...e, [k]: v } : e)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || entries.some((e) => !e.title.trim())) {
      setError("Give the template a name and every session a title.");
      return;
    }
    setError(null);
    save.mutate();
  };
  return (
    <section className="card" aria-labelledby="template-form-title">
      <h2 id="template-form-title">{template ? `Edit ${template.name}` : "Add a template"}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField id="template-name" label="Name" value={name} onChange={setName} maxLength={120} />
        <TextAreaField
          id="template-description"
          label="What it is for"
          value={description}
          onChange={setDescription}
          rows={2}
          maxLength={500}
        />
        {entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity but their place
          <fieldset key={i} className="plan-entry">
            <legend>Session {i + 1}</legend>
            <TextField id={`template-${i}-title`} label="Title" value={e.title} onChange={(v) => update(i, "title", v)} maxLength={120} />
            <TextAreaField
              id={`template-${i}-purpose`}
              label="Purpose"
              value={e.purpose}
              onChange={(v) => update(i, "purpose", v)}
              rows={2}
              maxLength={1000}
            />
            <TextAreaField
              id={`template-${i}-activities`}
              label="Activities"
              value={e.activities}
              onChange={(v) => update(i, "activities", v)}
              rows={3}
              maxLength={2000}
            />
            {entries.length > 1 ? (
              <button type="button" className="button button--link" onClick={() => setEntries((l) => l.filter((_, j) => j !== i))}>
                Remove session {i + 1}
              </button>
            ) : null}
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
            onClick={() => setEntries((l) => [...l, { title: "", purpose: "", activities: "" }])}
          >
            Add a session
          </button>
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            Save the template
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
