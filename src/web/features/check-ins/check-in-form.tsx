import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { CheckInCreate } from "../../../contracts/support";
import { CHECK_IN_OUTCOME_LABELS, CHECK_IN_OUTCOMES, CHECK_IN_WITH_LABELS } from "../../../core/support/check-ins";
import { ErrorSummary } from "../../components/error-summary";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { alertKeys } from "../alerts/alerts-api";
import { checkInKeys, logCheckIn } from "./check-ins-api";

const today = () => new Date().toISOString().slice(0, 10);

/** Logs a check-in: when, with whom, how it went, the coordinator's own note and a follow-up date. */
export function CheckInForm({
  programmeId,
  relationshipId,
  alertId = null,
  canWriteNote = true,
}: {
  programmeId: string;
  relationshipId: string;
  alertId?: string | null;
  canWriteNote?: boolean;
}) {
  const [happenedOn, setHappenedOn] = useState(today());
  const [withWhom, setWith] = useState<"mentee" | "mentor" | "both">("both");
  const [outcome, setOutcome] = useState<string>("");
  const [note, setNote] = useState("");
  const [followUpOn, setFollowUpOn] = useState("");
  const { errors, clear, validate, showApiError } = useFormErrors();
  const queryClient = useQueryClient();
  const log = useMutation({
    mutationFn: (body: Parameters<typeof logCheckIn>[2]) => logCheckIn(programmeId, relationshipId, body),
    onSuccess: async () => {
      setNote("");
      setOutcome("");
      setFollowUpOn("");
      announce("Check-in logged.");
      await queryClient.invalidateQueries({ queryKey: checkInKeys.all(programmeId) });
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(programmeId) });
    },
    onError: showApiError,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(CheckInCreate, {
      happenedOn,
      with: withWhom,
      outcome: outcome || undefined,
      note,
      followUpOn: followUpOn || null,
      alertId,
    });
    if (body) log.mutate(body);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="log-check-in">
      <h2 id="log-check-in">Log a check-in</h2>
      <ErrorSummary
        errors={errors}
        fields={{
          happenedOn: { label: "When", target: "check-in-date" },
          outcome: { label: "How it stands", target: "check-in-outcome-input" },
          note: { label: "Your note", target: "check-in-note" },
          followUpOn: { label: "Follow-up", target: "check-in-follow-up" },
        }}
      />
      {log.isSuccess ? (
        <p className="notice notice--success" role="status">
          Check-in logged.
        </p>
      ) : null}
      <TextField
        id="check-in-date"
        className="field--short"
        type="date"
        label="When"
        value={happenedOn}
        error={errors.fields.happenedOn}
        onChange={setHappenedOn}
      />
      <RadioGroup
        id="check-in-with"
        name="with"
        legend="With"
        className="radio-group--inline"
        value={withWhom}
        options={(["both", "mentee", "mentor"] as const).map((w) => ({ value: w, label: CHECK_IN_WITH_LABELS[w] }))}
        onChange={(v) => setWith(v as typeof withWhom)}
      />
      <RadioGroup
        id="check-in-outcome"
        name="outcome"
        legend="How it stands"
        value={outcome}
        error={errors.fields.outcome ? "Choose how the pair stands." : undefined}
        options={CHECK_IN_OUTCOMES.map((o) => ({ value: o, label: CHECK_IN_OUTCOME_LABELS[o] }))}
        onChange={setOutcome}
      />
      {canWriteNote ? (
        <TextAreaField
          id="check-in-note"
          label="Your note (optional)"
          hint="Only this programme's coordinators read it — never the pair. Keep to what you need to follow up."
          rows={4}
          value={note}
          error={errors.fields.note}
          onChange={setNote}
        />
      ) : null}
      <TextField
        id="check-in-follow-up"
        className="field--short"
        type="date"
        label="Follow up on (optional)"
        hint="The queue reminds you if nothing is logged by then."
        value={followUpOn}
        error={errors.fields.followUpOn}
        onChange={setFollowUpOn}
      />
      <div className="form__actions">
        <SubmitButton pending={log.isPending} pendingLabel="Logging…">
          Log check-in
        </SubmitButton>
      </div>
    </form>
  );
}
