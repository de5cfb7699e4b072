import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { WeeklyResourceSave } from "../../../contracts/programmes";
import { rulesFor } from "../../../core/programme-modes";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { type Audience, deleteResource, resourceKeys, resourcesQuery, saveResource, type WeeklyResource } from "./resources-api";

const route = getRouteApi("/_app/programmes/$programmeId/resources");

const audienceLabels: Record<Audience, string> = { mentor: "For mentors", mentee: "For mentees" };
const audiences: Audience[] = ["mentee", "mentor"];

type Slot = { week: number; audience: Audience };

export function ResourcesPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Weekly resources">
      {(programme) => <Resources programme={programme} />}
    </ProgrammeSection>
  );
}

function Resources({ programme }: { programme: Programme }) {
  const query = useQuery(resourcesQuery(programme.id));
  const [editing, setEditing] = useState<Slot | null>(null);
  const [removing, setRemoving] = useState<WeeklyResource | null>(null);
  const queryClient = useQueryClient();
  const archived = programme.status === "archived";

  const removal = useMutation({
    mutationFn: (resource: WeeklyResource) => deleteResource(programme.id, resource.week, resource.audience),
    onSuccess: async (_result, resource) => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: resourceKeys.list(programme.id) });
      announce(`Week ${resource.week} ${resource.audience === "mentor" ? "mentors'" : "mentees'"} resource removed.`);
      window.setTimeout(() => document.getElementById(`write-${resource.week}-${resource.audience}`)?.focus(), 0);
    },
  });

  if (!rulesFor(programme.type).features.weeklyResources) {
    return (
      <p>
        Weekly resources follow a mentoring term: a short piece each week for mentors and for mentees. Coaching engagements follow the
        coach's own session plan instead.
      </p>
    );
  }
  if (query.isPending) return <LoadingState label="Loading the weekly resources…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const byWeek = new Map<string, WeeklyResource>(query.data.map((resource) => [`${resource.week}-${resource.audience}`, resource]));
  const weeks = Array.from({ length: programme.termWeeks }, (_, i) => i + 1);
  const phaseOf = (week: number) => programme.phases.find((phase) => week >= phase.startWeek && week <= phase.endWeek)?.name;

  return (
    <>
      <p>
        Each week of the term, mentors and mentees get a short piece for their side: something to think about or try before their next
        session. Participants only see their own side's. Rewrite any week to suit your programme.
      </p>
      <nav aria-label="Weeks" className="week-jump">
        <ul>
          {weeks.map((week) => (
            <li key={week}>
              <a href={`#week-${week}`}>
                <span className="visually-hidden">Week </span>
                {week}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ol className="week-list">
        {weeks.map((week) => (
          <li key={week}>
            <section aria-labelledby={`week-${week}`} className="card week">
              <h2 id={`week-${week}`} tabIndex={-1}>
                Week {week}
                {phaseOf(week) ? <span className="week__phase"> · {phaseOf(week)}</span> : null}
              </h2>
              <div className="week__sides">
                {audiences.map((audience) => {
                  const resource = byWeek.get(`${week}-${audience}`);
                  const isEditing = editing?.week === week && editing.audience === audience;
                  return (
                    <div key={audience} className="week__side">
                      <h3>{audienceLabels[audience]}</h3>
                      {isEditing ? (
                        <ResourceForm
                          programmeId={programme.id}
                          slot={{ week, audience }}
                          resource={resource ?? null}
                          onDone={() => {
                            setEditing(null);
                            window.setTimeout(() => document.getElementById(`edit-${week}-${audience}`)?.focus(), 0);
                          }}
                          onCancel={() => {
                            setEditing(null);
                            window.setTimeout(
                              () => document.getElementById(resource ? `edit-${week}-${audience}` : `write-${week}-${audience}`)?.focus(),
                              0,
                            );
                          }}
                        />
                      ) : resource ? (
                        <>
                          <p className="resource__title">{resource.title}</p>
                          <p className="prose">{resource.body}</p>
                          {resource.links.length > 0 ? (
                            <ul className="resource__links">
                              {resource.links.map((link) => (
                                <li key={link.url}>
                                  <a href={link.url} target="_blank" rel="noreferrer">
                                    {link.label}
                                    <span className="visually-hidden"> (opens in a new tab)</span>
                                  </a>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {archived ? null : (
                            <div className="actions-row actions-row--tight">
                              <button
                                type="button"
                                id={`edit-${week}-${audience}`}
                                className="button button--secondary button--small"
                                onClick={() => setEditing({ week, audience })}
                              >
                                Edit
                                <span className="visually-hidden">
                                  {" "}
                                  week {week} {audience === "mentor" ? "mentors'" : "mentees'"} resource
                                </span>
                              </button>
                              <button
                                type="button"
                                className="button button--danger-outline button--small"
                                onClick={() => {
                                  removal.reset();
                                  setRemoving(resource);
                                }}
                              >
                                Remove
                                <span className="visually-hidden">
                                  {" "}
                                  week {week} {audience === "mentor" ? "mentors'" : "mentees'"} resource
                                </span>
                              </button>
                            </div>
                          )}
                        </>
                      ) : (
                        <>
                          <p className="muted">Nothing for this week yet.</p>
                          {archived ? null : (
                            <button
                              type="button"
                              id={`write-${week}-${audience}`}
                              className="button button--secondary button--small"
                              onClick={() => setEditing({ week, audience })}
                            >
                              Write one
                              <span className="visually-hidden">
                                {" "}
                                for {audience}s in week {week}
                              </span>
                            </button>
                          )}
                        </>
                      )}
                    </div>
                  );
                })}
              </div>
            </section>
          </li>
        ))}
      </ol>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Remove week ${removing.week}'s resource for ${removing.audience}s?` : ""}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={removal.isPending}
        error={removal.isError ? removal.error.message : null}
        onConfirm={() => removing && removal.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>“{removing?.title}” will no longer be shown that week. You can write a new one at any time.</p>
      </ConfirmDialog>
    </>
  );
}

type LinkDraft = { label: string; url: string };
const fieldKey = nestedField(3);

function ResourceForm({
  programmeId,
  slot,
  resource,
  onDone,
  onCancel,
}: {
  programmeId: string;
  slot: Slot;
  resource: WeeklyResource | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const { errors, clear, validate, showApiError } = useFormErrors(fieldKey);
  const [title, setTitle] = useState(resource?.title ?? "");
  const [body, setBody] = useState(resource?.body ?? "");
  const [links, setLinks] = useState<LinkDraft[]>(resource?.links ?? []);
  const id = (field: string) => `resource-${slot.week}-${slot.audience}-${field}`;

  const mutation = useMutation({
    mutationFn: (input: { title: string; body: string; links: LinkDraft[] }) => saveResource(programmeId, slot.week, slot.audience, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: resourceKeys.list(programmeId) });
      announce(`Week ${slot.week} resource for ${slot.audience}s saved.`);
      onDone();
    },
    onError: showApiError,
  });

  const fields: FieldTargets = {
    title: { label: "Title", target: id("title") },
    body: { label: "Text", target: id("body") },
    links: { label: "Links", target: id("add-link") },
    ...Object.fromEntries(
      links.flatMap((_, index) => [
        [`links.${index}.label`, { label: `Link ${index + 1} text`, target: id(`link-${index}-label`) }],
        [`links.${index}.url`, { label: `Link ${index + 1} address`, target: id(`link-${index}-url`) }],
      ]),
    ),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = validate(WeeklyResourceSave, {
      title,
      body,
      links: links
        .filter((link) => link.label.trim() || link.url.trim())
        .map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
    });
    if (!input) return;
    clear();
    mutation.mutate(input);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Week ${slot.week} resource for ${slot.audience}s`}>
      <ErrorSummary errors={errors} fields={fields} formTitle="The resource wasn't saved" />
      <TextField
        id={id("title")}
        label="Title"
        value={title}
        onChange={setTitle}
        error={errors.fields.title}
        autoComplete="off"
        maxLength={200}
      />
      <TextAreaField id={id("body")} label="Text" value={body} onChange={setBody} error={errors.fields.body} rows={4} maxLength={5000} />
      <fieldset className="field">
        <legend>Links (optional)</legend>
        {links.map((link, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: links are edited in place
          <fieldset key={index} className="link-row">
            <legend className="visually-hidden">Link {index + 1}</legend>
            <TextField
              id={id(`link-${index}-label`)}
              label="Text"
              value={link.label}
              onChange={(value) => setLinks(links.map((l, i) => (i === index ? { ...l, label: value } : l)))}
              error={errors.fields[`links.${index}.label`]}
              autoComplete="off"
            />
            <TextField
              id={id(`link-${index}-url`)}
              label="Address"
              type="url"
              value={link.url}
              onChange={(value) => setLinks(links.map((l, i) => (i === index ? { ...l, url: value } : l)))}
              error={errors.fields[`links.${index}.url`]}
              placeholder="https://"
              autoComplete="off"
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setLinks(links.filter((_, i) => i !== index));
                announce(`Link ${index + 1} removed.`);
                document.getElementById(id("add-link"))?.focus();
              }}
            >
              Remove<span className="visually-hidden"> link {index + 1}</span>
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          id={id("add-link")}
          className="button button--secondary button--small"
          disabled={links.length >= 10}
          onClick={() => {
            setLinks([...links, { label: "", url: "" }]);
            window.setTimeout(() => document.getElementById(id(`link-${links.length}-label`))?.focus(), 0);
          }}
        >
          Add a link
        </button>
      </fieldset>
      <div className="form__actions">
        <SubmitButton pending={mutation.isPending} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
