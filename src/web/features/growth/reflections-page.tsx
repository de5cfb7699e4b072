import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ReflectionCreate, ReflectionUpdate } from "../../../contracts/growth";
import { CheckboxField } from "../../components/checkbox-field";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { useFormErrors } from "../../lib/form-errors";
import { overviewQuery } from "../workspace/workspace-api";
import { formatInstant } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import {
  createReflection,
  deleteReflection,
  growthKeys,
  promptQuery,
  REFLECTIONS_PER_PAGE,
  type ReflectionT,
  reflectionsQuery,
  shareReflection,
  updateReflection,
} from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/pairs/$pairId/reflections");

/** A short weekly reflection, private unless its author shares it; and the way to the final debrief. */
export function ReflectionsPage() {
  const { pairId } = route.useParams();
  const { page = 1 } = route.useSearch();
  const overview = useQuery(overviewQuery(pairId));
  const list = useQuery(reflectionsQuery(pairId, page));
  const r = overview.data?.relationship;
  return (
    <>
      <PageHeading title={`Reflections · ${r?.partner.name ?? "Workspace"}`}>Reflections</PageHeading>
      <p className="lead">
        A few minutes a week to notice what is changing. What you write is yours: private unless you choose to share it with{" "}
        {r?.partner.name ?? "your partner"}.
      </p>
      <p>
        <Link to="/pairs/$pairId/reflections/debrief" params={{ pairId }}>
          The final debrief
        </Link>{" "}
        — looking back on your goals and the relationship at the end of the programme.
      </p>
      {r?.writable ? <WeeklyPromptForm pairId={pairId} partner={r.partner.name} /> : null}
      <section aria-labelledby="reflections-title">
        <h2 id="reflections-title" tabIndex={-1}>
          Your reflections and those shared with you
        </h2>
        {list.isPending || !r ? (
          <LoadingState label="Loading reflections…" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.total === 0 ? (
          <div className="empty">
            <h3 className="empty__title">Nothing yet</h3>
            <p>Your reflections appear here, and any {r.partner.name} shares with you.</p>
          </div>
        ) : (
          <>
            <ul className="reflection-list">
              {list.data.items.map((item) => (
                <ReflectionCard
                  key={`${item.id}-${item.version}-${item.shared}`}
                  pairId={pairId}
                  item={item}
                  writable={r.writable}
                  partner={r.partner.name}
                />
              ))}
            </ul>
            <Pagination
              total={list.data.total}
              limit={REFLECTIONS_PER_PAGE}
              offset={(page - 1) * REFLECTIONS_PER_PAGE}
              to={`/pairs/${pairId}/reflections`}
              search={(p) => ({ page: p })}
              label="Pages of reflections"
            />
          </>
        )}
      </section>
    </>
  );
}

function WeeklyPromptForm({ pairId, partner }: { pairId: string; partner: string }) {
  const queryClient = useQueryClient();
  const prompt = useQuery(promptQuery(pairId));
  const [body, setBody] = useState("");
  const [shared, setShared] = useState(false);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const create = useMutation({
    mutationFn: (input: Parameters<typeof createReflection>[1]) => createReflection(pairId, input),
    onSuccess: async (saved) => {
      setBody("");
      setShared(false);
      announce(saved.shared ? `Reflection saved and shared with ${partner}.` : "Reflection saved. Only you can see it.");
      await queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
    },
    onError: showApiError,
  });
  if (prompt.isPending) return <LoadingState label="Loading this week's question…" />;
  if (prompt.isError) return <ErrorState error={prompt.error} onRetry={() => void prompt.refetch()} />;
  const p = prompt.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input = validate(ReflectionCreate, { body, prompt: p.prompt, shared });
    if (input) create.mutate(input);
  };
  return (
    <section className="card" aria-labelledby="prompt-title">
      <h2 id="prompt-title">
        Week {p.week}
        {p.phase ? ` · ${p.phase}` : ""}
      </h2>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="prompt-title">
        <ErrorSummary errors={errors} fields={{ body: { label: "Your reflection", target: "reflection-body" } }} />
        <TextAreaField
          id="reflection-body"
          label={p.prompt}
          hint={p.reflectedThisWeek ? "You already reflected this week; another one is welcome." : undefined}
          value={body}
          onChange={setBody}
          error={errors.fields.body}
          rows={5}
          maxLength={5000}
        />
        <CheckboxField
          id="reflection-share"
          label={`Share with ${partner}`}
          checked={shared}
          onChange={setShared}
          hint="You can change this later."
        />
        <div className="form__actions">
          <SubmitButton pending={create.isPending} pendingLabel="Saving…">
            Save reflection
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function ReflectionCard({ pairId, item, writable, partner }: { pairId: string; item: ReflectionT; writable: boolean; partner: string }) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(item.body);
  const [removing, setRemoving] = useState(false);
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
  const save = useMutation({
    mutationFn: (text: string) => updateReflection(pairId, item.id, item.version, text),
    onSuccess: async () => {
      setEditing(false);
      announce("Reflection saved.");
      await refresh();
    },
    onError: (error) =>
      isApiError(error, "version_conflict")
        ? show({}, "It changed in another tab since you opened it. Reload the page to see it.")
        : showApiError(error),
  });
  const share = useMutation({
    mutationFn: () => shareReflection(pairId, item.id, !item.shared),
    onSuccess: async (saved) => {
      announce(saved.shared ? `Shared with ${partner}.` : `${partner} can no longer see it.`);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteReflection(pairId, item.id),
    onSuccess: async () => {
      setRemoving(false);
      announce("Reflection deleted.");
      await refresh();
      document.getElementById("reflections-title")?.focus();
    },
  });
  const who = item.mine ? "You" : item.author.name;
  const bodyId = `reflection-${item.id}`;
  return (
    <li className="card reflection">
      <p className="reflection__meta">
        <strong>{who}</strong>, week {item.week} · {formatInstant(item.createdAt, zone)}
        {item.mine ? (
          <span className={`badge ${item.shared ? "badge--shared" : "badge--private"}`}>
            {item.shared ? `Shared with ${partner}` : "Private"}
          </span>
        ) : null}
      </p>
      {item.prompt ? <p className="reflection__prompt">{item.prompt}</p> : null}
      {editing ? (
        <form
          className="form"
          noValidate
          aria-label="Edit your reflection"
          onSubmit={(event) => {
            event.preventDefault();
            clear();
            const parsed = validate(ReflectionUpdate, { version: item.version, body });
            if (parsed) save.mutate(parsed.body);
          }}
        >
          <ErrorSummary errors={errors} fields={{ body: { label: "Reflection", target: bodyId } }} />
          <TextAreaField
            id={bodyId}
            label="Reflection"
            value={body}
            onChange={setBody}
            error={errors.fields.body}
            rows={5}
            maxLength={5000}
          />
          <div className="form__actions">
            <SubmitButton pending={save.isPending} pendingLabel="Saving…">
              Save
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)} disabled={save.isPending}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="prose">{item.body}</p>
      )}
      {item.mine && writable && !editing ? (
        <div className="actions-row actions-row--tight">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => share.mutate()}
            disabled={share.isPending}
          >
            {share.isPending ? "Saving…" : item.shared ? "Stop sharing" : `Share with ${partner}`}
          </button>
          <button type="button" className="button button--link" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> reflection from week {item.week}</span>
          </button>
          <button type="button" className="button button--link" onClick={() => setRemoving(true)}>
            Delete<span className="visually-hidden"> reflection from week {item.week}</span>
          </button>
        </div>
      ) : null}
      {share.isError ? (
        <p className="field__error" role="alert">
          {share.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={removing}
        title="Delete this reflection?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setRemoving(false)}
      >
        <p>It cannot be brought back.{item.shared ? ` ${partner} will no longer see it either.` : ""}</p>
      </ConfirmDialog>
    </li>
  );
}
