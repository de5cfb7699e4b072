import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { OutcomeFields } from "../../../contracts/coaching";
import { RATER_GROUPS, type RaterGroup } from "../../../core/coaching/outcomes";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorSummary } from "../../components/error-summary";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import type { OutcomeT } from "./coaching-api";
import { RATER_GROUP_LABELS } from "./coaching-labels";

export type OutcomeDraft = {
  title: string;
  kind: "rubric" | "number";
  low: string;
  mid: string;
  high: string;
  unit: string;
  direction: "higher" | "lower";
  target: string;
  raters: RaterGroup[];
};

export const draftOf = (o?: OutcomeT): OutcomeDraft => ({
  title: o?.title ?? "",
  kind: o?.measure.kind ?? "rubric",
  low: o?.measure.kind === "rubric" ? o.measure.anchors.low : "",
  mid: o?.measure.kind === "rubric" ? o.measure.anchors.mid : "",
  high: o?.measure.kind === "rubric" ? o.measure.anchors.high : "",
  unit: o?.measure.kind === "number" ? o.measure.unit : "",
  direction: o?.direction ?? "higher",
  target: o?.target === null || o?.target === undefined ? "" : String(o.target),
  raters: o?.raters ?? ["coachee", "coach"],
});

export type OutcomeBody = ReturnType<typeof toBody>;

const toBody = (d: OutcomeDraft) => ({
  title: d.title,
  measure:
    d.kind === "rubric"
      ? { kind: "rubric" as const, anchors: { low: d.low, mid: d.mid, high: d.high } }
      : { kind: "number" as const, unit: d.unit },
  direction: d.direction,
  target: d.target.trim() === "" ? null : Number(d.target),
  raters: d.raters,
});

const fieldTargets = {
  title: { label: "What will change", target: "outcome-title" },
  "measure.anchors": { label: "What 1, 5 and 10 look like", target: "outcome-low" },
  "measure.unit": { label: "Unit", target: "outcome-unit" },
  target: { label: "Target", target: "outcome-target" },
  raters: { label: "Who rates it", target: "outcome-rater-coachee" },
};

/** Defining one outcome: what changes, how it is measured, which way is better, the target, and who rates it. */
export function OutcomeForm({
  initial,
  hasSponsor,
  submitLabel,
  save,
  onSaved,
  onCancel,
}: {
  initial: OutcomeDraft;
  hasSponsor: boolean;
  submitLabel: string;
  save: (body: OutcomeBody) => Promise<unknown>;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const [d, setD] = useState(initial);
  const { errors, clear, show, validate, showApiError } = useFormErrors(nestedField(2));
  const set = <K extends keyof OutcomeDraft>(k: K, v: OutcomeDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved, onError: showApiError });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (d.target.trim() !== "" && !Number.isFinite(Number(d.target))) {
      show({ target: "Give the target as a number" });
      return;
    }
    if (validate(OutcomeFields, toBody(d))) mutation.mutate(toBody(d));
  };
  const pending = mutation.isPending;
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel}>
      <ErrorSummary errors={errors} fields={fieldTargets} />
      <TextField
        id="outcome-title"
        label="What will change"
        hint="The skill or behaviour, in a few words: “Gives clear feedback in code review”."
        value={d.title}
        onChange={(v) => set("title", v)}
        error={errors.fields.title}
        maxLength={200}
      />
      <RadioGroup
        id="outcome-kind"
        name="outcome-kind"
        legend="How it is measured"
        value={d.kind}
        onChange={(v) => set("kind", v as OutcomeDraft["kind"])}
        options={[
          { value: "rubric", label: "A rating from 1 to 10", hint: "Say what 1, 5 and 10 look like, so everyone rates the same thing." },
          { value: "number", label: "A number with a unit", hint: "Something you can count, such as “reviews per week”." },
        ]}
      />
      {d.kind === "rubric" ? (
        <>
          <TextField
            id="outcome-low"
            label="What 1 looks like"
            value={d.low}
            onChange={(v) => set("low", v)}
            error={errors.fields["measure.anchors"]}
            maxLength={300}
          />
          <TextField id="outcome-mid" label="What 5 looks like" value={d.mid} onChange={(v) => set("mid", v)} maxLength={300} />
          <TextField id="outcome-high" label="What 10 looks like" value={d.high} onChange={(v) => set("high", v)} maxLength={300} />
        </>
      ) : (
        <TextField
          id="outcome-unit"
          label="Unit"
          value={d.unit}
          onChange={(v) => set("unit", v)}
          error={errors.fields["measure.unit"]}
          maxLength={80}
        />
      )}
      <RadioGroup
        id="outcome-direction"
        name="outcome-direction"
        legend="Which way is better"
        value={d.direction}
        onChange={(v) => set("direction", v as OutcomeDraft["direction"])}
        options={[
          { value: "higher", label: "Higher is better" },
          { value: "lower", label: "Lower is better", hint: "For things that should go down, such as “hours until a first review”." },
        ]}
      />
      <TextField
        id="outcome-target"
        label="Target"
        hint={d.kind === "rubric" ? "A whole number from 1 to 10." : "The number you aim for."}
        inputMode="decimal"
        value={d.target}
        onChange={(v) => set("target", v)}
        error={errors.fields.target}
      />
      <fieldset className="field">
        <legend>Who rates it</legend>
        {errors.fields.raters ? (
          <p className="field__error" id="outcome-raters-error">
            {errors.fields.raters}
          </p>
        ) : null}
        {RATER_GROUPS.filter((g) => g !== "sponsor" || hasSponsor).map((g) => (
          <CheckboxField
            key={g}
            id={`outcome-rater-${g}`}
            label={RATER_GROUP_LABELS[g]}
            hint={g === "stakeholders" ? "Up to five people around the coachee, through a link; shown only as a group average." : undefined}
            checked={d.raters.includes(g)}
            onChange={(on) => set("raters", on ? [...d.raters, g] : d.raters.filter((x) => x !== g))}
          />
        ))}
      </fieldset>
      <div className="actions-row">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
