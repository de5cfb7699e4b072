import { type FormEvent, type ReactNode, useState } from "react";
import { RoundCreate } from "../../../contracts/matching";
import { DEFAULT_WEIGHTS, MUST_MATCH } from "../../../core/matching/scoring";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { FieldError } from "../../components/field-error";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import type { RoundSettingsInput } from "./matching-api";
import { FACTORS, type FactorName, factorLabels } from "./matching-labels";
import { RunProgress } from "./run-progress";

export type RoundSettings = { weights: Record<FactorName, number>; k: number; requireSharedLanguage: boolean };

export const defaultSettings: RoundSettings = { weights: { ...DEFAULT_WEIGHTS }, k: 50, requireSharedLanguage: true };

/** A stored round's settings as the form's starting point (unknown factors are dropped, missing ones defaulted). */
export function settingsOf(stored: { weights: Record<string, number>; k: number; requireSharedLanguage: boolean }): RoundSettings {
  const weights = { ...DEFAULT_WEIGHTS } as Record<FactorName, number>;
  for (const factor of FACTORS) if (typeof stored.weights[factor] === "number") weights[factor] = stored.weights[factor];
  return { weights, k: stored.k, requireSharedLanguage: stored.requireSharedLanguage };
}

type Draft = { weights: Record<FactorName, string>; k: string; requireSharedLanguage: boolean };

const draftOf = (settings: RoundSettings): Draft => ({
  weights: Object.fromEntries(FACTORS.map((f) => [f, String(settings.weights[f])])) as Record<FactorName, string>,
  k: String(settings.k),
  requireSharedLanguage: settings.requireSharedLanguage,
});

type SettingsFormProps = {
  idPrefix: string;
  initial: RoundSettings;
  submitLabel: string;
  pendingLabel: string;
  /** Sends the settings; a rejection is shown in the summary at the top of the form. */
  onSubmit: (settings: RoundSettingsInput) => Promise<unknown>;
  /** Said (and shown with the time so far) while the request runs. */
  progressLabel: string;
  children?: ReactNode;
};

/**
 * Weights per factor (0 = ignore … 10 = must match), how many candidate mentors each
 * mentee gets, and whether a shared language is required. Checked with the server's
 * own contract before anything is sent.
 */
export function SettingsForm({ idPrefix, initial, submitLabel, pendingLabel, onSubmit, progressLabel, children }: SettingsFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [pending, setPending] = useState(false);
  const { errors, clear, validate, show, showApiError } = useFormErrors(nestedField(2));

  const fieldId = (name: string) => `${idPrefix}-${name.replace(".", "-")}`;
  const targets: FieldTargets = {
    ...Object.fromEntries(FACTORS.map((f) => [`weights.${f}`, { label: factorLabels[f].label, target: fieldId(`weights.${f}`) }])),
    k: { label: "Candidate mentors per mentee", target: fieldId("k") },
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blanks: Record<string, string> = {};
    for (const f of FACTORS) if (draft.weights[f].trim() === "") blanks[`weights.${f}`] = "Give a weight from 0 to 10";
    if (draft.k.trim() === "") blanks.k = "Give a number from 1 to 500";
    if (Object.keys(blanks).length > 0) {
      show(blanks);
      return;
    }
    const input = {
      weights: Object.fromEntries(FACTORS.map((f) => [f, Number(draft.weights[f])])),
      k: Number(draft.k),
      requireSharedLanguage: draft.requireSharedLanguage,
    };
    const parsed = validate(RoundCreate, input);
    if (!parsed) return;
    clear();
    setPending(true);
    onSubmit(parsed)
      .catch(showApiError)
      .finally(() => setPending(false));
  };

  const mustMatch = FACTORS.filter((f) => Number(draft.weights[f]) === MUST_MATCH);

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary errors={errors} fields={targets} formTitle="The round didn't run" />
      <fieldset className="weights">
        <legend>How much each factor counts</legend>
        <p className="field__hint" id={`${idPrefix}-weights-hint`}>
          0 ignores a factor. Higher numbers count for more. <strong>10 means must match</strong>: a pair is only allowed when they have
          something in common on that factor.
        </p>
        <div className="weights__grid">
          {FACTORS.map((factor) => {
            const name = `weights.${factor}`;
            return (
              <div key={factor} className={`field weight${errors.fields[name] ? " field--invalid" : ""}`}>
                <label htmlFor={fieldId(name)}>{factorLabels[factor].label}</label>
                <p className="field__hint" id={`${fieldId(name)}-hint`}>
                  {factorLabels[factor].hint}
                </p>
                <FieldError id={fieldId(name)} error={errors.fields[name]} />
                <div className="weight__row">
                  <input
                    id={fieldId(name)}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={10}
                    step={1}
                    className="weight__input"
                    value={draft.weights[factor]}
                    onChange={(event) => setDraft((d) => ({ ...d, weights: { ...d.weights, [factor]: event.target.value } }))}
                    aria-invalid={errors.fields[name] ? true : undefined}
                    aria-describedby={[
                      `${fieldId(name)}-hint`,
                      errors.fields[name] ? `${fieldId(name)}-error` : null,
                      `${idPrefix}-weights-hint`,
                    ]
                      .filter(Boolean)
                      .join(" ")}
                  />
                  <span className="weight__scale" aria-hidden="true">
                    / 10
                  </span>
                  {Number(draft.weights[factor]) === MUST_MATCH ? <span className="badge badge--must">Must match</span> : null}
                </div>
              </div>
            );
          })}
        </div>
        {mustMatch.length > 0 ? (
          <p className="notice notice--warning">
            Must match: {mustMatch.map((f) => factorLabels[f].label).join(", ")}. Mentees with nobody who fits on{" "}
            {mustMatch.length === 1 ? "this factor" : "these factors"} stay unmatched, each with the reason.
          </p>
        ) : null}
      </fieldset>
      <TextField
        id={fieldId("k")}
        label="Candidate mentors per mentee"
        hint="How many of the best-fitting mentors the engine weighs for each mentee. More can find a slightly better whole, but takes longer on big pools."
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        className="field--short"
        value={draft.k}
        onChange={(k) => setDraft((d) => ({ ...d, k }))}
        error={errors.fields.k}
      />
      <CheckboxField
        id={fieldId("language")}
        label="Only pair people who share a language"
        hint="Leave this on unless your programme has interpreters or everyone shares a working language not listed in the form."
        checked={draft.requireSharedLanguage}
        onChange={(requireSharedLanguage) => setDraft((d) => ({ ...d, requireSharedLanguage }))}
      />
      {children}
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
      {pending ? <RunProgress label={progressLabel} /> : null}
    </form>
  );
}
