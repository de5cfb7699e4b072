import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ExerciseCreate } from "../../../contracts/coaching";
import { CheckboxField } from "../../components/checkbox-field";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { useFormErrors } from "../../lib/form-errors";
import { formatDay } from "../workspace/workspace-format";
import {
  assignExercise,
  coachingKeys,
  EXERCISES_PER_PAGE,
  type ExerciseT,
  engagementQuery,
  exercisesQuery,
  removeExercise,
  updateExercise,
} from "./coaching-api";
import "./coaching.css";

const route = getRouteApi("/_app/pairs/$pairId/exercises");

const fields = {
  title: { label: "Exercise", target: "exercise-title" },
  instructions: { label: "Instructions", target: "exercise-instructions" },
  dueOn: { label: "Due", target: "exercise-due" },
};

/** Work between sessions: the coach sets it; the coachee marks it done and may answer in writing. */
export function ExercisesPage() {
  const { pairId } = route.useParams();
  const search = route.useSearch();
  const status = search.status ?? "all";
  const page = search.page ?? 1;
  const engagement = useQuery(engagementQuery(pairId));
  const query = useQuery(exercisesQuery(pairId, status, page));
  const coach = engagement.data?.myRole === "coach";
  const writable = engagement.data?.writable ?? false;
  return (
    <>
      <PageHeading>Exercises</PageHeading>
      <nav aria-label="Which exercises" className="filters filters--spaced">
        <ul>
          {(["all", "open", "done"] as const).map((s) => (
            <li key={s}>
              <Link
                to="/pairs/$pairId/exercises"
                params={{ pairId }}
                search={{ status: s === "all" ? undefined : s }}
                aria-current={s === status ? "page" : undefined}
                className="filters__link"
              >
                {s === "all" ? "All" : s === "open" ? "To do" : "Done"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {query.isPending || engagement.isPending ? (
        <LoadingState label="Loading the exercises…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No exercises {status === "open" ? "to do" : status === "done" ? "done yet" : "yet"}</h2>
          <p>
            {coach
              ? "Set one for the coachee to do before the next session."
              : "Your coach sets exercises between sessions; they appear here."}
          </p>
        </div>
      ) : (
        <>
          <ul className="card-list" aria-label="Exercises">
            {query.data.items.map((x) => (
              <li key={`${x.id}-${x.version}`}>
                <ExerciseCard pairId={pairId} exercise={x} coach={coach} writable={writable} />
              </li>
            ))}
          </ul>
          <Pagination
            total={query.data.total}
            limit={EXERCISES_PER_PAGE}
            offset={query.data.offset}
            to={`/pairs/${pairId}/exercises`}
            search={(p) => ({ status: status === "all" ? undefined : status, page: p })}
            label="Exercise pages"
          />
        </>
      )}
      {coach && writable ? <NewExercise pairId={pairId} /> : null}
    </>
  );
}

function ExerciseCard({
  pairId,
  exercise: x,
  coach,
  writable,
}: {
  pairId: string;
  exercise: ExerciseT;
  coach: boolean;
  writable: boolean;
}) {
  const queryClient = useQueryClient();
  const [response, setResponse] = useState(x.response);
  const [done, setDone] = useState(x.done);
  const [removing, setRemoving] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: coachingKeys.engagement(pairId) });
  const answer = useMutation({
    mutationFn: () => updateExercise(pairId, x.id, { version: x.version, done, response }),
    onSuccess: async () => {
      await refresh();
      announce(done ? `“${x.title}” marked done.` : `Your answer to “${x.title}” is saved.`);
    },
  });
  const remove = useMutation({
    mutationFn: () => removeExercise(pairId, x.id),
    onSuccess: async () => {
      setRemoving(false);
      await refresh();
      announce(`“${x.title}” removed.`);
    },
  });
  const headingId = `exercise-${x.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {x.title} <span className={`badge${x.done ? " badge--done" : ""}`}>{x.done ? "Done" : "To do"}</span>
      </h2>
      <p className="muted">{x.dueOn ? `Due ${formatDay(x.dueOn)}` : "No due date"}</p>
      {x.instructions ? <p className="prose">{x.instructions}</p> : null}
      {!coach && writable ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            answer.mutate();
          }}
          aria-label={`Your answer to ${x.title}`}
        >
          <TextAreaField
            id={`exercise-${x.id}-response`}
            label="Your answer (optional)"
            value={response}
            onChange={setResponse}
            rows={3}
            maxLength={4000}
          />
          <CheckboxField id={`exercise-${x.id}-done`} label="I have done this" checked={done} onChange={setDone} />
          {answer.isError ? (
            <p className="field__error" role="alert">
              {isApiError(answer.error, "version_conflict")
                ? "This exercise changed since you opened it. Reload the page."
                : answer.error.message}
            </p>
          ) : null}
          <SubmitButton pending={answer.isPending} pendingLabel="Saving…" variant="secondary">
            Save
          </SubmitButton>
        </form>
      ) : x.response ? (
        <>
          <h3>{coach ? "The coachee's answer" : "Your answer"}</h3>
          <p className="prose">{x.response}</p>
        </>
      ) : null}
      {coach && writable ? (
        <button type="button" className="button button--danger-outline button--small" onClick={() => setRemoving(true)}>
          Remove<span className="visually-hidden"> “{x.title}”</span>
        </button>
      ) : null}
      <ConfirmDialog
        open={removing}
        title={`Remove “${x.title}”?`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setRemoving(false)}
      >
        <p>The exercise{x.response ? " and the coachee's answer" : ""} will be gone for both of you.</p>
      </ConfirmDialog>
    </article>
  );
}

function NewExercise({ pairId }: { pairId: string }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ title: "", instructions: "", dueOn: "" });
  const { errors, clear, validate, showApiError } = useFormErrors();
  const body = () => ({ title: draft.title, instructions: draft.instructions, dueOn: draft.dueOn || null });
  const add = useMutation({
    mutationFn: () => assignExercise(pairId, body()),
    onSuccess: async () => {
      announce(`Exercise “${draft.title}” set.`);
      setDraft({ title: "", instructions: "", dueOn: "" });
      await queryClient.invalidateQueries({ queryKey: coachingKeys.engagement(pairId) });
    },
    onError: showApiError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (validate(ExerciseCreate, body())) add.mutate();
  };
  return (
    <section className="card" aria-labelledby="new-exercise-title">
      <h2 id="new-exercise-title">Set an exercise</h2>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={fields} />
        <TextField
          id="exercise-title"
          label="Exercise"
          value={draft.title}
          onChange={(v) => setDraft((d) => ({ ...d, title: v }))}
          error={errors.fields.title}
          maxLength={200}
        />
        <TextAreaField
          id="exercise-instructions"
          label="Instructions"
          value={draft.instructions}
          onChange={(v) => setDraft((d) => ({ ...d, instructions: v }))}
          error={errors.fields.instructions}
          rows={4}
          maxLength={4000}
        />
        <TextField
          id="exercise-due"
          label="Due (optional)"
          type="date"
          value={draft.dueOn}
          onChange={(v) => setDraft((d) => ({ ...d, dueOn: v }))}
          error={errors.fields.dueOn}
        />
        <SubmitButton pending={add.isPending} pendingLabel="Setting…">
          Set the exercise
        </SubmitButton>
      </form>
    </section>
  );
}
