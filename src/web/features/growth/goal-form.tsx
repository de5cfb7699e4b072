import { type FormEvent, useId, useState } from "react";
import type { z } from "zod";
import { GoalCreate, GoalUpdate } from "../../../contracts/growth";
import { GOAL_FIELD_LABELS, GOAL_STATUS_LABELS, GOAL_STATUSES, type GoalStatus, isOpenGoal } from "../../../core/growth/goals";
import { type SmartHint, smartCheck } from "../../../core/growth/smart-check";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { useFormErrors } from "../../lib/form-errors";
import type { GoalT } from "./growth-api";

type Draft = {
  title: string;
  goal: string;
  reality: string;
  options: string;
  will: string;
  targetDate: string;
  measure: string;
  status: GoalStatus;
  progress: string;
};

const draftOf = (g: GoalT | null): Draft => ({
  title: g?.title ?? "",
  goal: g?.goal ?? "",
  reality: g?.reality ?? "",
  options: g?.options ?? "",
  will: g?.will ?? "",
  targetDate: g?.targetDate ?? "",
  measure: g?.measure ?? "",
  status: g?.status ?? "not_started",
  progress: String(g?.progress ?? 0),
});

/** What the GROW letters ask, in our words, shown under each field. */
const PROMPTS = {
  title: "A short name you will recognise it by.",
  goal: "G — what do you want to achieve? Describe what it looks like when you are there.",
  reality: "R — where are you today? What have you tried, what is in the way?",
  options: "O — what could you do? List a few ways, even ones you are unsure about.",
  will: "W — what will you do, and what is the very first step?",
  targetDate: "When do you want to be there?",
  measure: "How will you (and others) know you made it?",
} as const;

/** A new goal, or a change to one (with its version). */
export type GoalBody = z.output<typeof GoalCreate> | z.output<typeof GoalUpdate>;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The GROW form. The SMART check runs as the mentee types — the same rules and words as
 * the server's — and each hint sits with the field it is about. Hints never block saving.
 */
export function GoalForm({
  goal,
  otherOpenGoals,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  goal: GoalT | null;
  otherOpenGoals: number;
  pending: boolean;
  submitLabel: string;
  /** Saves the checked body; `fail` puts the server's answer on the form's fields. */
  onSubmit: (body: GoalBody, fail: (error: unknown) => void) => void;
  onCancel?: () => void;
}) {
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(goal));
  const { errors, clear, validate, showApiError } = useFormErrors();
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const ids = Object.fromEntries(
    (["title", "goal", "reality", "options", "will", "targetDate", "measure", "status", "progress"] as const).map((f) => [
      f,
      `${formId}-${f}`,
    ]),
  ) as Record<keyof Draft, string>;

  const hints = smartCheck(
    { ...draft, targetDate: draft.targetDate || null },
    { today: today(), otherOpenGoals: otherOpenGoals - (goal && isOpenGoal(goal.status) ? 1 : 0) },
  );
  const hintFor = (field: SmartHint["field"]) => hints.filter((h) => h.field === field);
  const fieldHint = (field: keyof typeof PROMPTS) => {
    const smart = hintFor(field as SmartHint["field"]);
    return (
      <>
        {PROMPTS[field]}
        {smart.map((h) => (
          <span key={h.code} className="smart-hint">
            <span className="smart-hint__label">Tip: </span>
            {h.message}
          </span>
        ))}
      </>
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const values = { ...draft, targetDate: draft.targetDate || null, progress: Number(draft.progress) };
    const body = goal ? validate(GoalUpdate, { ...values, version: goal.version }) : validate(GoalCreate, values);
    if (body) onSubmit(body as GoalBody, showApiError);
  };

  const targets: FieldTargets = Object.fromEntries(
    (Object.keys(ids) as (keyof Draft)[]).map((f) => [f, { label: GOAL_FIELD_LABELS[f], target: ids[f] }]),
  );

  return (
    <form className="form card goal-form" onSubmit={submit} noValidate aria-label={goal ? `Edit ${goal.title}` : "New goal"}>
      <ErrorSummary errors={errors} fields={targets} />
      <TextField
        id={ids.title}
        label="Title"
        value={draft.title}
        onChange={set("title")}
        error={errors.fields.title}
        hint={fieldHint("title")}
        maxLength={200}
      />
      <fieldset className="form-section">
        <legend>GROW</legend>
        <TextAreaField
          id={ids.goal}
          label="Goal"
          value={draft.goal}
          onChange={set("goal")}
          error={errors.fields.goal}
          hint={fieldHint("goal")}
          rows={3}
        />
        <TextAreaField
          id={ids.reality}
          label="Reality"
          value={draft.reality}
          onChange={set("reality")}
          error={errors.fields.reality}
          hint={fieldHint("reality")}
          rows={3}
        />
        <TextAreaField
          id={ids.options}
          label="Options"
          value={draft.options}
          onChange={set("options")}
          error={errors.fields.options}
          hint={fieldHint("options")}
          rows={3}
        />
        <TextAreaField
          id={ids.will}
          label="Will"
          value={draft.will}
          onChange={set("will")}
          error={errors.fields.will}
          hint={fieldHint("will")}
          rows={3}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Measure and progress</legend>
        <TextField
          id={ids.measure}
          label="Measure of success"
          value={draft.measure}
          onChange={set("measure")}
          error={errors.fields.measure}
          hint={fieldHint("measure")}
          maxLength={1000}
        />
        <div className="form__row">
          <TextField
            id={ids.targetDate}
            label="Target date"
            type="date"
            value={draft.targetDate}
            onChange={set("targetDate")}
            error={errors.fields.targetDate}
            hint={fieldHint("targetDate")}
          />
          <SelectField
            id={ids.status}
            label="Status"
            value={draft.status}
            options={GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS_LABELS[s] }))}
            onChange={(v) => setDraft((d) => ({ ...d, status: v as GoalStatus }))}
            error={errors.fields.status}
          />
          <TextField
            id={ids.progress}
            label="Progress (%)"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={5}
            value={draft.progress}
            onChange={set("progress")}
            error={errors.fields.progress}
            className="field--short"
          />
        </div>
      </fieldset>
      <section className="smart-check" aria-labelledby={`${formId}-smart`}>
        <h3 id={`${formId}-smart`}>SMART check</h3>
        {hints.length === 0 ? (
          <p>{isOpenGoal(draft.status) ? "Specific, measurable and dated: nothing to add." : "Nothing to check on a finished goal."}</p>
        ) : (
          <>
            <p>
              {hints.length} {hints.length === 1 ? "suggestion" : "suggestions"}, shown with each field. You can save anyway.
            </p>
            <ul>
              {hints.map((h) =>
                h.field ? (
                  <li key={h.code}>
                    <a
                      href={`#${ids[h.field]}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(ids[h.field as keyof Draft])?.focus();
                      }}
                    >
                      {GOAL_FIELD_LABELS[h.field]}
                    </a>
                  </li>
                ) : (
                  <li key={h.code}>{h.message}</li>
                ),
              )}
            </ul>
          </>
        )}
      </section>
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
