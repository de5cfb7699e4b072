import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { SupportSettingsBody } from "../../../contracts/support";
import { ALERT_TYPE_LABELS } from "../../../core/alerts/describe";
import { ALERT_TYPES, type CheckInWith } from "../../../core/alerts/settings";
import { CHECK_IN_WITH_LABELS } from "../../../core/support/check-ins";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import {
  type SupportSettingsT,
  type SupportSettingsViewT,
  saveSupportSettings,
  supportSettingsKey,
  supportSettingsQuery,
} from "./support-api";

const route = getRouteApi("/_app/programmes/$programmeId/support-settings");

const THRESHOLDS: { key: keyof SupportSettingsT; label: string; hint: string }[] = [
  { key: "quietDays", label: "Days without a session", hint: "A pair this long without a held session raises “No recent session”." },
  { key: "lowPulseMax", label: "Low pulse (of 5)", hint: "A pulse at or below this raises “Low pulse”." },
  { key: "proposalWaitDays", label: "Days a proposal may wait", hint: "A published pair not accepted by then raises an alert." },
  { key: "requestWaitDays", label: "Days a request may wait", hint: "A self-match request the mentor has not answered by then." },
  {
    key: "checkInGraceDays",
    label: "Grace days for check-ins",
    hint: "Days after a planned week (or after a follow-up date) before it is overdue.",
  },
  { key: "unansweredSurveys", label: "Surveys unanswered in a row", hint: "Someone missing this many surveys in a row raises an alert." },
  { key: "overdueAfterDays", label: "Days before an alert is overdue", hint: "Unresolved alerts older than this head the daily digest." },
];

/** The programme's alert thresholds, the kinds of alert it wants, and its check-in plan. */
export function SupportSettingsPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Support settings">
      {(programme) => <Settings programme={programme} />}
    </ProgrammeSection>
  );
}

function Settings({ programme }: { programme: Programme }) {
  const query = useQuery(supportSettingsQuery(programme.id));
  if (query.isPending) return <LoadingState label="Loading the settings…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <SettingsForm programme={programme} view={query.data} />;
}

function SettingsForm({ programme, view }: { programme: Programme; view: SupportSettingsViewT }) {
  const [s, setS] = useState<SupportSettingsT>(view.settings);
  const [version, setVersion] = useState(view.version);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: SupportSettingsT) => saveSupportSettings(programme.id, body, version),
    onSuccess: (saved) => {
      setVersion(saved.version);
      queryClient.setQueryData(supportSettingsKey(programme.id), saved);
      announce("Support settings saved.");
    },
    onError: showApiError,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(SupportSettingsBody, s);
    if (body) save.mutate(body);
  };
  const weeks = Array.from({ length: view.termWeeks }, (_, i) => i + 1);
  const planned = new Map(s.checkInPlan.map((p) => [p.week, p.with]));
  const setWeek = (week: number, w: CheckInWith | null) =>
    setS({
      ...s,
      checkInPlan: [...s.checkInPlan.filter((p) => p.week !== week), ...(w ? [{ week, with: w }] : [])].sort((a, b) => a.week - b.week),
    });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary
        errors={errors}
        fields={{
          ...Object.fromEntries(THRESHOLDS.map((t) => [t.key, { label: t.label, target: `setting-${t.key}` }])),
          checkInPlan: { label: "Check-in plan", target: "plan-week-1" },
        }}
      />
      {save.isSuccess ? (
        <p className="notice notice--success" role="status">
          Saved. The queue uses the new settings from its next check.
        </p>
      ) : null}
      <fieldset className="form-section">
        <legend>Check-in plan</legend>
        <p className="field__hint">
          Weeks of the {view.termWeeks}-week term with a planned check-in, and with whom. A check-in counts from a week before its week.
        </p>
        {errors.fields.checkInPlan ? <p className="field__error">{errors.fields.checkInPlan}</p> : null}
        <div className="filter-grid">
          {weeks.map((week) => (
            <SelectField
              key={week}
              id={`plan-week-${week}`}
              label={`Week ${week}`}
              value={planned.get(week) ?? ""}
              options={[
                { value: "", label: "No check-in" },
                ...(["both", "mentee", "mentor"] as const).map((w) => ({ value: w, label: CHECK_IN_WITH_LABELS[w] })),
              ]}
              onChange={(v) => setWeek(week, (v || null) as CheckInWith | null)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Thresholds</legend>
        <div className="filter-grid">
          {THRESHOLDS.map((t) => (
            <TextField
              key={t.key}
              id={`setting-${t.key}`}
              type="number"
              label={t.label}
              hint={t.hint}
              value={String(s[t.key])}
              error={errors.fields[t.key]}
              onChange={(v) => setS({ ...s, [t.key]: v === "" ? 0 : Number(v) })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Kinds of alert</legend>
        <p className="field__hint">Untick a kind this programme does not want in its queue.</p>
        {ALERT_TYPES.map((type) => (
          <CheckboxField
            key={type}
            id={`alert-kind-${type}`}
            label={ALERT_TYPE_LABELS[type]}
            hint={type === "outcomes_unmeasured" ? "Coaching engagements only." : undefined}
            checked={!s.mutedAlerts.includes(type)}
            onChange={(on) => setS({ ...s, mutedAlerts: on ? s.mutedAlerts.filter((m) => m !== type) : [...s.mutedAlerts, type] })}
          />
        ))}
      </fieldset>
      <div className="form__actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save settings
        </SubmitButton>
      </div>
    </form>
  );
}
