import { getRouteApi } from "@tanstack/react-router";
import type { FormEvent } from "react";
import { ProgrammeUpdate } from "../../../contracts/programmes";
import { rulesFor } from "../../../core/programme-modes";
import { defaultPhases } from "../../../core/programmes/phases";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { isApiError } from "../../lib/api";
import { browserTimeZone, fromLocalDateTimeInput, toLocalDateTimeInput } from "../../lib/dates";
import { useFormErrors } from "../../lib/form-errors";
import { PairingSettings } from "../self-match/pairing-settings";
import { ApplicationLinkPanel } from "./application-link-panel";
import { type PhaseDraft, PhasesEditor, readPhases } from "./phases-editor";
import { readSessionMinutes } from "./programme-form";
import { cadenceLabels, statusLabels } from "./programme-labels";
import { ProgrammeSection } from "./programme-section";
import { ProgrammeStatusControl } from "./programme-status-control";
import type { Programme } from "./programmes-api";
import { useSettingsSection } from "./use-settings-section";

const route = getRouteApi("/_app/programmes/$programmeId/settings");

const cadenceOptions = (["weekly", "fortnightly", "monthly"] as const).map((cadence) => ({
  value: cadence,
  label: cadenceLabels[cadence],
}));

export function ProgrammeSettingsPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Settings">
      {(programme) => (
        <>
          {programme.status === "archived" ? (
            <p className="notice notice--warning">This programme is archived. Restore it from its overview before changing its settings.</p>
          ) : (
            <>
              <ScheduleSettings programme={programme} />
              <PairingSettings programme={programme} />
            </>
          )}
          <LifecyclePanel programme={programme} />
          {programme.status !== "archived" ? <ApplicationLinkPanel programme={programme} /> : null}
        </>
      )}
    </ProgrammeSection>
  );
}

type Values = {
  cadence: Programme["cadence"];
  sessionMinutes: string;
  phases: PhaseDraft[];
  applicationsOpenAt: string;
  applicationsCloseAt: string;
};

const valuesOf = (programme: Programme): Values => ({
  cadence: programme.cadence,
  sessionMinutes: String(programme.sessionMinutes),
  phases: programme.phases.map((phase) => ({ name: phase.name, startWeek: String(phase.startWeek), endWeek: String(phase.endWeek) })),
  applicationsOpenAt: toLocalDateTimeInput(programme.applicationsOpenAt),
  applicationsCloseAt: toLocalDateTimeInput(programme.applicationsCloseAt),
});

function ScheduleSettings({ programme }: { programme: Programme }) {
  const { errors, clear, show, validate, showApiError } = useFormErrors();
  const {
    values,
    setValues,
    set,
    version: editedVersion,
    saved,
    setSaved,
    conflict,
    savedRef,
    conflictRef,
    mutation,
    reload,
  } = useSettingsSection(programme, valuesOf, { clear, showApiError });
  const mentoring = rulesFor(programme.type).features.phases;
  const packaged = rulesFor(programme.type).duration.kind === "package";

  const fields: FieldTargets = {
    cadence: { label: "How often pairs meet", target: "settings-cadence" },
    sessionMinutes: { label: "Session length", target: "settings-session-minutes" },
    phases: { label: "Phases", target: "settings-phases-0-name" },
    applicationsOpenAt: { label: "Applications open", target: "settings-open-at" },
    applicationsCloseAt: { label: "Applications close", target: "settings-close-at" },
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const sessionMinutes = readSessionMinutes(values.sessionMinutes);
    if (sessionMinutes === null) return show({ sessionMinutes: "Enter the length in whole minutes, e.g. 60" });
    const phases = mentoring ? readPhases(values.phases) : null;
    if (phases && "problem" in phases) return show({ phases: phases.problem });
    const openAt = fromLocalDateTimeInput(values.applicationsOpenAt);
    const closeAt = fromLocalDateTimeInput(values.applicationsCloseAt);
    if (values.applicationsOpenAt && !openAt) return show({ applicationsOpenAt: "Enter a date and time, or leave it empty" });
    if (values.applicationsCloseAt && !closeAt) return show({ applicationsCloseAt: "Enter a date and time, or leave it empty" });
    const body = validate(ProgrammeUpdate, {
      version: editedVersion,
      cadence: values.cadence,
      sessionMinutes,
      ...(phases ? { phases: phases.phases } : {}),
      applicationsOpenAt: openAt,
      applicationsCloseAt: closeAt,
    });
    if (!body) return;
    clear();
    mutation.mutate(body);
  };

  return (
    <section aria-labelledby="settings-schedule" className="card">
      <h2 id="settings-schedule">Sessions{mentoring ? ", phases" : ""} and applications</h2>
      <div role="status" className="flash-region">
        {saved ? (
          <div className="notice notice--success" tabIndex={-1} ref={savedRef}>
            <p>Settings saved.</p>
          </div>
        ) : null}
      </div>
      <ErrorSummary errors={errors} fields={fields} formTitle="The settings weren't saved" />
      {conflict ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3 className="notice__title">Someone else changed this programme</h3>
          <p>
            {isApiError(mutation.error) ? mutation.error.message : "The programme changed while you were editing."} Your edits are still in
            the form; loading the latest settings replaces them.
          </p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            Load the latest settings
          </button>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        {packaged ? (
          <p className="field__hint">
            Sessions in coaching come from the programme's packages: change their number and length under Packages.
          </p>
        ) : (
          <fieldset className="field">
            <legend>Sessions</legend>
            <div className="term__dates">
              <SelectField
                id="settings-cadence"
                label="How often pairs meet"
                value={values.cadence}
                options={cadenceOptions}
                onChange={(value) => set("cadence")(value as Values["cadence"])}
                error={errors.fields.cadence}
              />
              <TextField
                id="settings-session-minutes"
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

        {mentoring ? (
          <PhasesEditor
            idPrefix="settings-phases"
            termWeeks={programme.termWeeks}
            phases={values.phases}
            onChange={set("phases")}
            error={errors.fields.phases}
            onReset={() =>
              set("phases")(
                defaultPhases(programme.termWeeks).map((phase) => ({
                  name: phase.name,
                  startWeek: String(phase.startWeek),
                  endWeek: String(phase.endWeek),
                })),
              )
            }
          />
        ) : null}

        <fieldset className="field" aria-describedby="settings-window-hint">
          <legend>Application window</legend>
          <p className="field__hint" id="settings-window-hint">
            While the programme is taking applications, the public link works only between these times. Leave either empty for no limit.
            Times are in your time zone ({browserTimeZone().replaceAll("_", " ")}).
          </p>
          <div className="term__dates">
            <TextField
              id="settings-open-at"
              label="Applications open"
              type="datetime-local"
              value={values.applicationsOpenAt}
              onChange={set("applicationsOpenAt")}
              error={errors.fields.applicationsOpenAt}
            />
            <TextField
              id="settings-close-at"
              label="Applications close"
              type="datetime-local"
              value={values.applicationsCloseAt}
              onChange={set("applicationsCloseAt")}
              error={errors.fields.applicationsCloseAt}
            />
          </div>
          {values.applicationsOpenAt || values.applicationsCloseAt ? (
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setValues((current) => ({ ...current, applicationsOpenAt: "", applicationsCloseAt: "" }));
                document.getElementById("settings-open-at")?.focus();
              }}
            >
              Remove the window
            </button>
          ) : null}
        </fieldset>

        <SubmitButton pending={mutation.isPending} pendingLabel="Saving…">
          Save settings
        </SubmitButton>
      </form>
    </section>
  );
}

const steps = ["draft", "open", "matching", "running", "completed"] as const;

/** Where the programme is in its life, and the moves open to it from here. */
function LifecyclePanel({ programme }: { programme: Programme }) {
  const current = programme.status === "archived" ? null : programme.status;
  return (
    <section aria-labelledby="settings-lifecycle" className="card">
      <h2 id="settings-lifecycle">Stage</h2>
      <ol className="stages" aria-label="Stages of a programme">
        {steps.map((step) => (
          <li
            key={step}
            className={step === current ? "stages__step stages__step--current" : "stages__step"}
            aria-current={step === current ? "step" : undefined}
          >
            {statusLabels[step]}
          </li>
        ))}
      </ol>
      <div className="stage-now">
        Now: <ProgrammeStatusControl programme={programme} canManage />
      </div>
      <p className="muted">Each move asks you to confirm first. Archiving is on the programme's overview and can be undone.</p>
    </section>
  );
}
