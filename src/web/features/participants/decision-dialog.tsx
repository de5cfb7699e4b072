import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextAreaField } from "../../components/text-area-field";
import { isApiError } from "../../lib/api";
import { type Decision, decide } from "./participants-api";

const verbs: Record<Decision, { label: string; done: string; pending: string }> = {
  approve: { label: "Approve", done: "approved", pending: "Approving…" },
  waitlist: { label: "Waitlist", done: "waitlisted", pending: "Moving to the waiting list…" },
  decline: { label: "Decline", done: "declined", pending: "Declining…" },
};

export const decisionLabel = (decision: Decision) => verbs[decision].label;

/** "2 applications approved. Each person has been emailed." */
export function describeDecision(decision: Decision, count: number): string {
  return `${count} ${count === 1 ? "application" : "applications"} ${verbs[decision].done}. ${count === 1 ? "The applicant has" : "Each person has"} been emailed.`;
}

type DecisionDialogProps = {
  programmeId: string;
  decision: Decision | null;
  /** The chosen enrolments and, for the message, who they are. */
  enrolmentIds: string[];
  names: string[];
  onCancel: () => void;
  onDecided: (decision: Decision, count: number) => void;
};

/**
 * Confirms a decision on one or many applications. Declining asks for a reason, which
 * the applicant reads. It is all or nothing: if the server refuses any of them, it
 * says which and why, and nothing changes.
 */
export function DecisionDialog({ programmeId, decision, enrolmentIds, names, onCancel, onDecided }: DecisionDialogProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const mutation = useMutation({
    mutationFn: (input: { decision: Decision; reason?: string }) => decide(programmeId, { enrolmentIds, ...input }),
    onSuccess: (result, input) => {
      setReason("");
      onDecided(input.decision, result.decided);
    },
    onError: (error) => {
      const issue = isApiError(error) ? error.fieldIssues.find((i) => i.path[0] === "reason") : undefined;
      if (issue) setReasonError(issue.message);
    },
  });

  const count = enrolmentIds.length;
  const who = count === 1 ? names[0] : `${count} people`;
  const verb = decision ? verbs[decision] : verbs.approve;

  const confirm = () => {
    if (!decision) return;
    if (decision === "decline" && !reason.trim()) {
      setReasonError("A reason is required to decline");
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    mutation.mutate({ decision, ...(decision === "decline" ? { reason: reason.trim() } : {}) });
  };

  const problems = isApiError(mutation.error, "decision_refused")
    ? ((mutation.error.details as { problems?: { id: string; message: string }[] } | undefined)?.problems ?? [])
    : [];
  const error = mutation.isError ? (
    <>
      <p>
        {isApiError(mutation.error, "decision_refused") ? "Nothing was changed. " : ""}
        {mutation.error.message}
      </p>
      {problems.length > 1 ? (
        <ul>
          {problems.map((problem) => (
            <li key={problem.id}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
    </>
  ) : null;

  return (
    <ConfirmDialog
      open={decision !== null}
      title={decision ? `${verb.label} ${count === 1 ? `${names[0]}'s application` : `${count} applications`}?` : ""}
      confirmLabel={decision ? `${verb.label}${count > 1 ? ` ${count}` : ""}` : ""}
      pendingLabel={verb.pending}
      variant={decision === "decline" ? "danger" : "primary"}
      pending={mutation.isPending}
      error={mutation.isError && !reasonError ? error : null}
      initialFocusRef={decision === "decline" ? reasonRef : undefined}
      onConfirm={confirm}
      onCancel={() => {
        mutation.reset();
        setReasonError(undefined);
        onCancel();
      }}
    >
      {decision === "approve" ? (
        <p>{who} will get a place and an email saying so. You can still waitlist or decline an approved person before matching.</p>
      ) : null}
      {decision === "waitlist" ? (
        <p>{who} will be told by email that they are on the waiting list. You can approve them later if a place opens up.</p>
      ) : null}
      {decision === "decline" ? (
        <>
          <p>
            {who} will get an email with your reason. A declined application is final for this programme, so only decline when you are sure.
          </p>
          <TextAreaField
            id="decline-reason"
            label="Reason (the applicant reads this)"
            value={reason}
            onChange={(value) => {
              setReason(value);
              if (reasonError && value.trim()) setReasonError(undefined);
            }}
            error={reasonError}
            hint="Be kind and specific, e.g. that this term is full of people with similar goals."
            rows={3}
            maxLength={1000}
            ref={reasonRef}
          />
        </>
      ) : null}
    </ConfirmDialog>
  );
}
