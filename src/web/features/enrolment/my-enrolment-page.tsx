import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { CheckboxField } from "../../components/checkbox-field";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { type AnswerDraft, checkAnswers, type DraftValue, draftFromAnswers, questionTargets } from "../intake/answer-draft";
import { AnswersList } from "../intake/answers-list";
import { IntakeFormFields } from "../intake/intake-form-fields";
import { programmeKeys, programmeQuery } from "../programmes/programmes-api";
import {
  applicationPageQuery,
  enrolmentKeys,
  myEnrolmentQuery,
  type OwnEnrolment,
  setTrainingModule,
  updateMyEnrolment,
  withdrawMyEnrolment,
} from "./enrolment-api";
import { enrolmentStatusLabels, intakeRoleLabels } from "./enrolment-labels";

const route = getRouteApi("/_app/programmes/$programmeId/my-enrolment");

export function MyEnrolmentPage() {
  const { programmeId } = route.useParams();
  const query = useQuery(myEnrolmentQuery(programmeId));
  const enrolment = query.data;

  if (!enrolment) {
    if (query.isError) {
      const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
      return (
        <>
          <PageHeading>Your enrolment</PageHeading>
          {missing ? (
            <p>
              You haven't applied to this programme, or it no longer exists. If someone shared an application link with you, open it to
              apply.
            </p>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )}
          <p>
            <Link to="/programmes">Back to programmes</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <PageHeading>Your enrolment</PageHeading>
        <LoadingState label="Loading your enrolment…" />
      </>
    );
  }
  return <Enrolment enrolment={enrolment} />;
}

function Enrolment({ enrolment }: { enrolment: OwnEnrolment }) {
  const queryClient = useQueryClient();
  const statusRef = useRef<HTMLHeadingElement>(null);
  const closed = enrolment.status === "declined" || enrolment.status === "withdrawn";
  const giving = enrolment.role === "mentor" || enrolment.role === "coach";

  /** Every change answers with the whole enrolment: put it in place and refresh the lists that depend on it. */
  const applyUpdate = (updated: OwnEnrolment) => {
    queryClient.setQueryData(enrolmentKeys.mine(updated.programme.id), updated);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/programmes/$programmeId" params={{ programmeId: enrolment.programme.id }}>
          <span aria-hidden="true">← </span>
          {enrolment.programme.name}
        </Link>
      </p>
      <PageHeading title={`Your enrolment · ${enrolment.programme.name}`}>Your enrolment</PageHeading>
      <p className="lead">
        {enrolment.programme.name}, as a {intakeRoleLabels[enrolment.role].toLowerCase()}
      </p>

      <StatusPanel enrolment={enrolment} headingRef={statusRef} />
      {enrolment.role === "coach" && enrolment.status === "approved" ? (
        <section className="card" aria-labelledby="coach-profile-title">
          <h2 id="coach-profile-title">Your coach profile</h2>
          <p>Coachees read it before choosing a coach: your credentials, specialisms, how you work and a short bio.</p>
          <p>
            <Link
              to="/programmes/$programmeId/coaching/coaches/$enrolmentId"
              params={{ programmeId: enrolment.programme.id, enrolmentId: enrolment.id }}
            >
              Edit your profile
            </Link>
          </p>
        </section>
      ) : null}
      {enrolment.role === "sponsor" && enrolment.status === "approved" ? (
        <p>
          <Link to="/coaching/sponsored">The coaching you sponsor</Link>
        </p>
      ) : null}
      {closed ? null : <Onboarding enrolment={enrolment} onUpdated={applyUpdate} />}
      {giving && !closed ? <CapacityForm enrolment={enrolment} onUpdated={applyUpdate} /> : null}
      <AnswersSection enrolment={enrolment} onUpdated={applyUpdate} editable={!closed} />
      {closed ? null : (
        <WithdrawSection
          enrolment={enrolment}
          onWithdrawn={async (updated) => {
            applyUpdate(updated);
            await queryClient.invalidateQueries({ queryKey: ["programmes", "list"] });
            announce("You have withdrawn. You can apply again while the programme takes applications.");
            statusRef.current?.focus();
          }}
        />
      )}
    </>
  );
}

function statusExplanation(enrolment: OwnEnrolment): string {
  const role = intakeRoleLabels[enrolment.role].toLowerCase();
  switch (enrolment.status) {
    case "invited":
      return "You've been invited but haven't answered the questions yet. Open the link in your invitation email to accept.";
    case "applied":
      return "We have your application. A coordinator will review it and you'll get an email when they decide. Meanwhile, work through the onboarding below.";
    case "approved":
      return `You have a place as a ${role}. Finish the onboarding below before people are matched, and keep your answers up to date: matching reads them.`;
    case "waitlisted":
      return "The programme is full for now, so you're on the waiting list. If a place opens up, a coordinator can approve you and you'll get an email.";
    case "declined":
      return "The coordinator decided not to offer you a place in this programme.";
    case "withdrawn":
      return "You withdrew from this programme. Nothing more will happen unless you apply again.";
  }
}

function StatusPanel({ enrolment, headingRef }: { enrolment: OwnEnrolment; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const programme = useQuery({ ...programmeQuery(enrolment.programme.id), enabled: enrolment.status === "withdrawn" });
  return (
    <section aria-labelledby="enrolment-status" className={`card status-card status-card--${enrolment.status}`}>
      <h2 id="enrolment-status" ref={headingRef} tabIndex={-1}>
        Status: {enrolmentStatusLabels[enrolment.status]}
      </h2>
      <p>{statusExplanation(enrolment)}</p>
      {enrolment.status === "declined" && enrolment.declineReason ? (
        <blockquote className="quote">
          <p className="muted">The coordinator's reason:</p>
          <p className="prose">{enrolment.declineReason}</p>
        </blockquote>
      ) : null}
      {enrolment.status === "declined" ? (
        <p>A declined application is final for this programme; other programmes are not affected.</p>
      ) : null}
      {enrolment.status === "withdrawn" ? (
        programme.data?.acceptingApplications ? (
          <Link to="/apply/$slug" params={{ slug: enrolment.programme.slug }} className="button button--primary">
            Apply again
          </Link>
        ) : (
          <p>
            You can apply again while the programme takes applications, from its{" "}
            <Link to="/apply/$slug" params={{ slug: enrolment.programme.slug }}>
              application page
            </Link>
            .
          </p>
        )
      ) : null}
      {enrolment.appliedAt ? <p className="muted">Applied on {formatDateTime(enrolment.appliedAt)}.</p> : null}
    </section>
  );
}

function Onboarding({ enrolment, onUpdated }: { enrolment: OwnEnrolment; onUpdated: (updated: OwnEnrolment) => void }) {
  const { training } = enrolment;
  const mutation = useMutation({
    mutationFn: ({ key, done }: { key: string; done: boolean; title: string }) => setTrainingModule(enrolment.programme.id, key, done),
    onSuccess: (updated, { done, title }) => {
      onUpdated(updated);
      const { completed, total } = updated.training;
      announce(
        `${done ? `“${title}” marked as done.` : `“${title}” marked as not done.`} ${completed} of ${total} done${completed === total ? ": onboarding finished." : "."}`,
      );
    },
  });
  const finished = training.completed === training.total;

  return (
    <section aria-labelledby="enrolment-onboarding" className="card">
      <h2 id="enrolment-onboarding">Onboarding</h2>
      <p>
        {finished
          ? "You've finished onboarding. Thank you: it makes the first sessions go much better."
          : "A few short reads on how a good partnership works. Tick each one off once you've read it."}
      </p>
      <p className="progress-line">
        <progress max={training.total} value={training.completed} aria-labelledby="onboarding-progress" />
        <span id="onboarding-progress">
          {training.completed} of {training.total} done
        </span>
      </p>
      {mutation.isError ? (
        <p className="notice notice--error" role="alert">
          That didn't save: {mutation.error.message}
        </p>
      ) : null}
      <ol className="module-list">
        {training.modules.map((module) => {
          const busy = mutation.isPending && mutation.variables?.key === module.key;
          return (
            <li key={module.key} className={`module${module.completed ? " module--done" : ""}`}>
              <h3 className="module__title">
                {module.title}
                {module.completed ? <span className="badge badge--done">Done</span> : null}
              </h3>
              <p className="muted">About {module.minutes} minutes</p>
              <p className="prose">{module.body}</p>
              <button
                type="button"
                className={`button button--small ${module.completed ? "button--secondary" : "button--primary"}`}
                aria-disabled={busy || undefined}
                // The visible words first, then which module, so voice control and screen readers agree.
                aria-label={`${busy ? "Saving" : module.completed ? "Mark as not done" : "Mark as done"}: ${module.title}`}
                onClick={() => {
                  if (!busy) mutation.mutate({ key: module.key, done: !module.completed, title: module.title });
                }}
              >
                {busy ? "Saving…" : module.completed ? "Mark as not done" : "Mark as done"}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function CapacityForm({ enrolment, onUpdated }: { enrolment: OwnEnrolment; onUpdated: (updated: OwnEnrolment) => void }) {
  const { errors, clear, show, showApiError } = useFormErrors();
  const [capacity, setCapacity] = useState(String(enrolment.capacity ?? ""));
  const [paused, setPaused] = useState(enrolment.paused);
  const mutation = useMutation({
    mutationFn: (body: { capacity: number; paused: boolean }) => updateMyEnrolment(enrolment.programme.id, body),
    onSuccess: (updated) => {
      onUpdated(updated);
      announce(
        updated.paused
          ? "Saved. You are paused and will be left out of matching until you resume."
          : `Saved. You can take on ${updated.capacity ?? 0} ${updated.capacity === 1 ? "person" : "people"} at once.`,
      );
    },
    onError: showApiError,
  });
  const fields: FieldTargets = { capacity: { label: "How many people at once", target: "enrolment-capacity" } };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = capacity.trim();
    if (!/^\d{1,2}$/.test(text) || Number(text) > 10) return show({ capacity: "Enter a whole number from 0 to 10" });
    clear();
    mutation.mutate({ capacity: Number(text), paused });
  };

  return (
    <section aria-labelledby="enrolment-capacity-title" className="card">
      <h2 id="enrolment-capacity-title">How much you can take on</h2>
      <ErrorSummary errors={errors} fields={fields} formTitle="That didn't save" />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="enrolment-capacity"
          label="How many people at once"
          inputMode="numeric"
          className="field--short"
          value={capacity}
          onChange={setCapacity}
          error={errors.fields.capacity}
          hint="Matching never gives you more than this. 0 to 10."
          autoComplete="off"
        />
        <CheckboxField
          id="enrolment-paused"
          label="Pause: leave me out of matching for now"
          checked={paused}
          onChange={setPaused}
          hint="Busy at work or away? Pause, and resume whenever you're ready. Nobody new is matched with you while paused."
        />
        <SubmitButton pending={mutation.isPending} pendingLabel="Saving…" variant="secondary">
          Save
        </SubmitButton>
      </form>
    </section>
  );
}

const answersFieldKey = nestedField(2);

function AnswersSection({
  enrolment,
  onUpdated,
  editable,
}: {
  enrolment: OwnEnrolment;
  onUpdated: (updated: OwnEnrolment) => void;
  editable: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Opening and closing the editor replaces the button that was pressed: keep focus on the section.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every switch between reading and editing
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [editing]);

  return (
    <section aria-labelledby="enrolment-answers" className="card">
      <h2 id="enrolment-answers" ref={headingRef} tabIndex={-1}>
        Your answers
      </h2>
      {editing ? (
        <EditAnswers
          enrolment={enrolment}
          onCancel={() => setEditing(false)}
          onSaved={(updated) => {
            onUpdated(updated);
            setEditing(false);
            announce("Your answers have been saved.");
          }}
        />
      ) : (
        <>
          <AnswersList questions={enrolment.questions} answers={enrolment.answers} />
          {editable ? (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              Edit your answers
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function EditAnswers({
  enrolment,
  onCancel,
  onSaved,
}: {
  enrolment: OwnEnrolment;
  onCancel: () => void;
  onSaved: (updated: OwnEnrolment) => void;
}) {
  // Edits are checked against the current form, which may have changed since applying.
  // The public application page has it; for an unpublished programme, use the questions we have.
  const current = useQuery({ ...applicationPageQuery(enrolment.programme.slug), retry: false });
  if (current.isPending) return <LoadingState label="Loading the current questions…" />;
  const questions = current.data?.forms.find((form) => form.role === enrolment.role)?.questions ?? enrolment.questions;
  return <AnswersForm enrolment={enrolment} questions={questions} onCancel={onCancel} onSaved={onSaved} />;
}

function AnswersForm({
  enrolment,
  questions,
  onCancel,
  onSaved,
}: {
  enrolment: OwnEnrolment;
  questions: OwnEnrolment["questions"];
  onCancel: () => void;
  onSaved: (updated: OwnEnrolment) => void;
}) {
  const queryClient = useQueryClient();
  const { errors, clear, show, showApiError } = useFormErrors(answersFieldKey);
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFromAnswers(questions, enrolment.answers));
  const mutation = useMutation({
    mutationFn: (answers: Record<string, unknown>) => updateMyEnrolment(enrolment.programme.id, { answers }),
    onSuccess: async (updated) => {
      onSaved(updated);
      await queryClient.invalidateQueries({ queryKey: programmeKeys.detail(enrolment.programme.id) });
    },
    onError: showApiError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAnswers(questions, draft);
    if (checked.problems) return show(checked.problems);
    clear();
    mutation.mutate(checked.answers);
  };

  return (
    <>
      <ErrorSummary errors={errors} fields={questionTargets("my-answers", questions)} formTitle="Your answers weren't saved" />
      <form className="form" onSubmit={submit} noValidate>
        <IntakeFormFields
          idPrefix="my-answers"
          questions={questions}
          values={draft}
          onChange={(key: string, value: DraftValue) => setDraft((currentDraft) => ({ ...currentDraft, [key]: value }))}
          errors={errors.fields}
        />
        <div className="form__actions">
          <SubmitButton pending={mutation.isPending} pendingLabel="Saving…">
            Save answers
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}

function WithdrawSection({ enrolment, onWithdrawn }: { enrolment: OwnEnrolment; onWithdrawn: (updated: OwnEnrolment) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => withdrawMyEnrolment(enrolment.programme.id),
    onSuccess: async (updated) => {
      setConfirming(false);
      await onWithdrawn(updated);
    },
  });
  const approved = enrolment.status === "approved";
  const action = approved ? "Give up my place" : "Withdraw my application";
  return (
    <section aria-labelledby="enrolment-withdraw" className="card">
      <h2 id="enrolment-withdraw">{approved ? "Leaving the programme" : "Changed your mind?"}</h2>
      <p>
        {approved
          ? "If you can no longer take part, give up your place so someone on the waiting list can have it."
          : "You can withdraw your application at any time, and apply again later while the programme takes applications."}
      </p>
      <button
        type="button"
        className="button button--danger-outline"
        onClick={() => {
          mutation.reset();
          setConfirming(true);
        }}
      >
        {action}
      </button>
      <ConfirmDialog
        open={confirming}
        title={approved ? "Give up your place?" : "Withdraw your application?"}
        confirmLabel={action}
        pendingLabel="Withdrawing…"
        variant="danger"
        pending={mutation.isPending}
        error={mutation.isError ? mutation.error.message : null}
        onConfirm={() => mutation.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>You leave “{enrolment.programme.name}” and won't be matched. Your answers are kept, so applying again later is quick.</p>
      </ConfirmDialog>
    </section>
  );
}
