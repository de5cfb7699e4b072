import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { MessageCreate } from "../../../contracts/support";
import { CHECK_IN_WITH_LABELS } from "../../../core/support/check-ins";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorSummary } from "../../components/error-summary";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { alertKeys } from "../alerts/alerts-api";
import { checkInKeys, messagePair, remindPair } from "./check-ins-api";

type Who = "both" | "mentee" | "mentor";
const WHO = (["both", "mentee", "mentor"] as const).map((w) => ({ value: w, label: CHECK_IN_WITH_LABELS[w] }));

/** Email the pair, or one side, in the coordinator's own words; replies come straight back to them. */
export function MessageForm({
  programmeId,
  relationshipId,
  alertId = null,
}: {
  programmeId: string;
  relationshipId: string;
  alertId?: string | null;
}) {
  const [to, setTo] = useState<Who>("both");
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const { errors, clear, validate, showApiError } = useFormErrors();
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (input: Parameters<typeof messagePair>[2]) => messagePair(programmeId, relationshipId, input),
    onSuccess: async () => {
      setSubject("");
      setBody("");
      announce("Message sent.");
      await queryClient.invalidateQueries({ queryKey: checkInKeys.all(programmeId) });
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(programmeId) });
    },
    onError: showApiError,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const input = validate(MessageCreate, { to, subject, body, alertId });
    if (input) send.mutate(input);
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="message-pair">
      <h2 id="message-pair">Send a message</h2>
      <ErrorSummary
        errors={errors}
        fields={{ subject: { label: "Subject", target: "message-subject" }, body: { label: "Message", target: "message-body" } }}
      />
      {send.isSuccess ? (
        <p className="notice notice--success" role="status">
          Message sent. It is kept in the check-in history.
        </p>
      ) : null}
      <RadioGroup
        id="message-to"
        name="message-to"
        legend="To"
        className="radio-group--inline"
        value={to}
        options={WHO}
        onChange={(v) => setTo(v as Who)}
      />
      <TextField id="message-subject" label="Subject" value={subject} error={errors.fields.subject} maxLength={150} onChange={setSubject} />
      <TextAreaField
        id="message-body"
        label="Message"
        rows={5}
        value={body}
        error={errors.fields.body}
        maxLength={4000}
        onChange={setBody}
      />
      <div className="form__actions">
        <SubmitButton pending={send.isPending} pendingLabel="Sending…">
          Send message
        </SubmitButton>
      </div>
    </form>
  );
}

/** "Remind the pair": a short, kind nudge to book their next session, in Grove's words. */
export function RemindButton({
  programmeId,
  relationshipId,
  alertId = null,
}: {
  programmeId: string;
  relationshipId: string;
  alertId?: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<Who>("both");
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: () => remindPair(programmeId, relationshipId, { to, alertId }),
    onSuccess: async () => {
      setOpen(false);
      announce("Reminder sent.");
      await queryClient.invalidateQueries({ queryKey: checkInKeys.all(programmeId) });
      await queryClient.invalidateQueries({ queryKey: alertKeys.all(programmeId) });
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          remind.reset();
          setOpen(true);
        }}
      >
        Remind the pair
      </button>
      {remind.isSuccess ? (
        <p className="muted" role="status">
          Reminder sent.
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title="Send a reminder?"
        confirmLabel="Send reminder"
        pendingLabel="Sending…"
        pending={remind.isPending}
        error={remind.isError ? remind.error.message : null}
        onConfirm={() => remind.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>A short email from you asks them to book their next session, and to reply if something is in the way.</p>
        <RadioGroup
          id="remind-to"
          name="remind-to"
          legend="To"
          className="radio-group--inline"
          value={to}
          options={WHO}
          onChange={(v) => setTo(v as Who)}
        />
      </ConfirmDialog>
    </>
  );
}
