import type { FormEvent, ReactNode } from "react";
import { useState } from "react";
import { rulesFor } from "../../../core/programme-modes";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { RadioGroup } from "../../components/radio-group";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { describeTermLength } from "../../lib/dates";
import type { FormErrors } from "../../lib/form-errors";
import { cadenceLabels, programmeTypeHints, programmeTypeLabels } from "./programme-labels";
import type { Programme } from "./programmes-api";

export type ProgrammeFormValues = Pick<Programme, "name" | "type" | "description" | "termStart" | "termEnd" | "cadence"> & {
  /** Kept as typed; converted with readSessionMinutes on submit. */
  sessionMinutes: string;
};

/** The session length as a number, or null when the box doesn't hold a whole number. */
export function readSessionMinutes(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

type ProgrammeFormProps = {
  idPrefix: string;
  initial: ProgrammeFormValues;
  errors: FormErrors;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: ProgrammeFormValues) => void;
  /** Extra actions beside submit, e.g. a Cancel link. */
  secondaryAction?: ReactNode;
  /** Shown above the fields, e.g. an edit conflict. */
  notice?: ReactNode;
  /** Why the type can't be changed any more, when it can't. */
  typeLockedReason?: string;
};

const cadenceOptions = (["weekly", "fortnightly", "monthly"] as const).map((cadence) => ({
  value: cadence,
  label: cadenceLabels[cadence],
}));

const typeOptions = (["mentoring", "coaching"] as const).map((type) => ({
  value: type,
  label: programmeTypeLabels[type],
  hint: programmeTypeHints[type],
}));

/** The fields of a programme, shared by "new programme" and "edit programme". */
export function ProgrammeForm({
  idPrefix,
  initial,
  errors,
  pending,
  submitLabel,
  pendingLabel,
  onSubmit,
  secondaryAction,
  notice,
  typeLockedReason,
}: ProgrammeFormProps) {
  const [values, setValues] = useState<ProgrammeFormValues>(initial);
  const set =
    <K extends keyof ProgrammeFormValues>(key: K) =>
    (value: ProgrammeFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const id = (field: string) => `${idPrefix}-${field}`;
  const fields: FieldTargets = {
    name: { label: "Name", target: id("name") },
    type: { label: "Type", target: `${id("type")}-input` },
    description: { label: "Description", target: id("description") },
    termStart: { label: "Term starts", target: id("term-start") },
    termEnd: { label: "Term ends", target: id("term-end") },
    cadence: { label: "How often pairs meet", target: id("cadence") },
    sessionMinutes: { label: "Session length", target: id("session-minutes") },
  };

  const termKnown = /^\d{4}-\d{2}-\d{2}$/.test(values.termStart) && /^\d{4}-\d{2}-\d{2}$/.test(values.termEnd);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <>
      <ErrorSummary errors={errors} fields={fields} />
      {notice}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          id={id("name")}
          label="Name"
          value={values.name}
          onChange={set("name")}
          error={errors.fields.name}
          hint="What participants will see, e.g. “Spring 2026 backend mentoring”."
          autoComplete="off"
          required
        />
        <RadioGroup
          id={id("type")}
          name={id("type")}
          legend="Type"
          value={values.type}
          options={typeOptions}
          onChange={(value) => set("type")(value as ProgrammeFormValues["type"])}
          error={errors.fields.type}
          disabled={Boolean(typeLockedReason)}
          hint={typeLockedReason}
        />
        <TextAreaField
          id={id("description")}
          label="Description (optional)"
          value={values.description}
          onChange={set("description")}
          error={errors.fields.description}
          hint="Who it is for and what people can expect from taking part."
        />
        <fieldset className="field term" aria-describedby={id("term-hint")}>
          <legend>Term</legend>
          <p className="field__hint" id={id("term-hint")}>
            Mentoring terms usually run for 12 weeks, meeting once a week.
          </p>
          <div className="term__dates">
            <TextField
              id={id("term-start")}
              label="Starts on"
              type="date"
              value={values.termStart}
              onChange={set("termStart")}
              error={errors.fields.termStart}
              required
            />
            <TextField
              id={id("term-end")}
              label="Ends on"
              type="date"
              value={values.termEnd}
              onChange={set("termEnd")}
              error={errors.fields.termEnd}
              required
            />
          </div>
          <p className="term__length" aria-live="polite" id={id("term-length")}>
            {termKnown
              ? `Term length: ${describeTermLength(values.termStart, values.termEnd)}`
              : "Choose both dates to see the term length."}
          </p>
        </fieldset>
        {rulesFor(values.type).duration.kind === "package" ? (
          <p className="field__hint">
            In coaching, sessions come from packages: so many sessions of so long within so many weeks. A new coaching programme starts with
            one of six hour-long sessions within twelve weeks; change it under Packages.
          </p>
        ) : (
          <fieldset className="field">
            <legend>Sessions</legend>
            <div className="term__dates">
              <SelectField
                id={id("cadence")}
                label="How often pairs meet"
                value={values.cadence}
                options={cadenceOptions}
                onChange={(value) => set("cadence")(value as ProgrammeFormValues["cadence"])}
                error={errors.fields.cadence}
              />
              <TextField
                id={id("session-minutes")}
                label="Session length (minutes)"
                inputMode="numeric"
                value={values.sessionMinutes}
                onChange={set("sessionMinutes")}
                error={errors.fields.sessionMinutes}
                hint="Most mentoring sessions last 45 to 60 minutes."
                autoComplete="off"
              />
            </div>
          </fieldset>
        )}
        <div className="form__actions">
          <SubmitButton pending={pending} pendingLabel={pendingLabel}>
            {submitLabel}
          </SubmitButton>
          {secondaryAction}
        </div>
      </form>
    </>
  );
}
