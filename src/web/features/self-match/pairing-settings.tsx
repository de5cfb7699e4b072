import type { FormEvent } from "react";
import { ProgrammeUpdate } from "../../../contracts/programmes";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { useFormErrors } from "../../lib/form-errors";
import type { Programme } from "../programmes/programmes-api";
import { useSettingsSection } from "../programmes/use-settings-section";
import { sideWords } from "./self-match-labels";

type Values = { matchMode: Programme["matchMode"]; acceptance: Programme["acceptance"]; requestLimit: string; requestExpiryDays: string };

const valuesOf = (p: Programme): Values => ({
  matchMode: p.matchMode,
  acceptance: p.acceptance,
  requestLimit: String(p.requestLimit),
  requestExpiryDays: String(p.requestExpiryDays),
});

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** How pairs form: the coordinator's matching round, or mentees asking mentors; and the rules for each. */
export function PairingSettings({ programme }: { programme: Programme }) {
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const { values, set, version, saved, setSaved, conflict, savedRef, conflictRef, mutation, reload } = useSettingsSection(
    programme,
    valuesOf,
    { clear, showApiError },
  );
  const words = sideWords(programme.type);

  const fields: FieldTargets = {
    matchMode: { label: "How pairs form", target: "pairing-mode-input" },
    acceptance: { label: "Starting a pair", target: "pairing-acceptance-input" },
    requestLimit: { label: "Requests at once", target: "pairing-request-limit" },
    requestExpiryDays: { label: "Days to answer", target: "pairing-expiry-days" },
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const requestLimit = whole(values.requestLimit);
    const requestExpiryDays = whole(values.requestExpiryDays);
    const problems = {
      ...(Number.isNaN(requestLimit) ? { requestLimit: "Enter a whole number from 1 to 10" } : {}),
      ...(Number.isNaN(requestExpiryDays) ? { requestExpiryDays: "Enter a whole number of days from 1 to 60" } : {}),
    };
    if (Object.keys(problems).length > 0) return show(problems);
    const body = validate(ProgrammeUpdate, {
      version,
      matchMode: values.matchMode,
      acceptance: values.acceptance,
      requestLimit,
      requestExpiryDays,
    });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <section aria-labelledby="settings-pairing" className="card">
      <h2 id="settings-pairing">Pairing</h2>
      <div role="status" className="flash-region">
        {saved ? (
          <div className="notice notice--success" tabIndex={-1} ref={savedRef}>
            <p>Pairing settings saved.</p>
          </div>
        ) : null}
      </div>
      <ErrorSummary errors={errors} fields={fields} formTitle="The pairing settings weren't saved" />
      {conflict ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3 className="notice__title">Someone else changed this programme</h3>
          <p>Your choices are still in the form; loading the latest settings replaces them.</p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            Load the latest settings
          </button>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup
          id="pairing-mode"
          name="pairing-mode"
          legend="How pairs form"
          value={values.matchMode}
          onChange={(value) => set("matchMode")(value as Values["matchMode"])}
          error={errors.fields.matchMode}
          options={[
            {
              value: "round",
              label: "A coordinator runs matching",
              hint: `You run the matching engine over the whole pool, review the draft and publish it.`,
            },
            {
              value: "self",
              label: `${words.receiver[0].toUpperCase()}${words.receiver.slice(1)}s request ${words.givers}`,
              hint: `While the programme is matching or running, each ${words.receiver} sees the ${words.givers} with a place, best fit first, and asks the ones they like; ${words.givers} accept or decline with a reason.`,
            },
          ]}
        />
        <RadioGroup
          id="pairing-acceptance"
          name="pairing-acceptance"
          legend="Starting a published pair"
          value={values.acceptance}
          onChange={(value) => set("acceptance")(value as Values["acceptance"])}
          error={errors.fields.acceptance}
          hint={`Applies to pairs from a matching round. An accepted request always starts the pair at once: both people have already said yes.`}
          options={[
            { value: "two_sided", label: "Both people accept first" },
            { value: "auto", label: "Pairs start as soon as they are published" },
          ]}
        />
        <fieldset className="field" aria-describedby="pairing-requests-hint">
          <legend>Requests</legend>
          <p className="field__hint" id="pairing-requests-hint">
            Used when {words.receivers} request {words.givers}.
          </p>
          <div className="term__dates">
            <TextField
              id="pairing-request-limit"
              label="Requests a person may have waiting at once"
              inputMode="numeric"
              value={values.requestLimit}
              onChange={set("requestLimit")}
              error={errors.fields.requestLimit}
              hint="1 to 10. A few at once keeps things moving without flooding popular people."
              autoComplete="off"
            />
            <TextField
              id="pairing-expiry-days"
              label="Days to answer a request"
              inputMode="numeric"
              value={values.requestExpiryDays}
              onChange={set("requestExpiryDays")}
              error={errors.fields.requestExpiryDays}
              hint="1 to 60. After that the request lapses and both people are told."
              autoComplete="off"
            />
          </div>
        </fieldset>
        <SubmitButton pending={mutation.isPending} pendingLabel="Saving…">
          Save pairing settings
        </SubmitButton>
      </form>
    </section>
  );
}
