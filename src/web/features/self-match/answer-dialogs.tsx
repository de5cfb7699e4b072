import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { MatchRequestDecline } from "../../../contracts/self-match";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextAreaField } from "../../components/text-area-field";
import { isApiError } from "../../lib/api";
import { type AcceptResult, acceptRequest, declineRequest, type ReceivedRequest } from "./self-match-api";

type AcceptDialogProps = {
  request: ReceivedRequest | null;
  placesLeft: number;
  pendingOthers: number;
  receiver: string;
  onCancel: () => void;
  onAccepted: (result: AcceptResult) => void;
};

/** Accepting starts the pair at once, so it is confirmed first, saying what else changes. */
export function AcceptDialog({ request, placesLeft, pendingOthers, receiver, onCancel, onAccepted }: AcceptDialogProps) {
  const mutation = useMutation({ mutationFn: (r: ReceivedRequest) => acceptRequest(r.id), onSuccess: onAccepted });
  const name = request?.mentee.name ?? "";
  const lastPlace = placesLeft <= 1;
  return (
    <ConfirmDialog
      open={request !== null}
      title={`Accept ${name}?`}
      confirmLabel={`Accept ${name}`}
      pendingLabel="Accepting…"
      pending={mutation.isPending}
      error={mutation.isError ? <p>{mutation.error.message}</p> : null}
      onConfirm={() => request && mutation.mutate(request)}
      onCancel={() => {
        mutation.reset();
        onCancel();
      }}
    >
      <p>
        You and {name} become a pair straight away, and {name} is emailed. Any other requests {name} is waiting on are withdrawn for them.
      </p>
      {lastPlace && pendingOthers > 0 ? (
        <p>
          <strong>
            This is your last place: your {pendingOthers} other waiting {pendingOthers === 1 ? "request" : "requests"} will be closed and
            those {receiver}s told you are full.
          </strong>
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

type DeclineDialogProps = {
  request: ReceivedRequest | null;
  onCancel: () => void;
  onDeclined: (request: ReceivedRequest) => void;
};

/** Declining needs a reason: the mentee reads it, so it should help them choose again. */
export function DeclineDialog({ request, onCancel, onDeclined }: DeclineDialogProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const mutation = useMutation({
    mutationFn: (input: { id: string; reason: string }) => declineRequest(input.id, input.reason),
    onSuccess: (declined) => {
      setReason("");
      onDeclined(declined);
    },
    onError: (error) => {
      const issue = isApiError(error) ? error.fieldIssues.find((i) => i.path[0] === "reason") : undefined;
      if (issue) setReasonError(issue.message);
    },
  });
  const name = request?.mentee.name ?? "";

  const confirm = () => {
    if (!request) return;
    const parsed = MatchRequestDecline.safeParse({ reason });
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message);
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    mutation.mutate({ id: request.id, reason: parsed.data.reason });
  };

  return (
    <ConfirmDialog
      open={request !== null}
      title={`Decline ${name}'s request?`}
      confirmLabel="Decline request"
      pendingLabel="Declining…"
      variant="danger"
      pending={mutation.isPending}
      error={mutation.isError && !reasonError ? <p>{mutation.error.message}</p> : null}
      initialFocusRef={reasonRef}
      onConfirm={confirm}
      onCancel={() => {
        mutation.reset();
        setReasonError(undefined);
        onCancel();
      }}
    >
      <p>{name} will get an email with your reason and can't ask you again in this programme.</p>
      <TextAreaField
        id="decline-reason"
        label={`Reason (${name} reads this)`}
        hint="Be kind and specific, e.g. that your places are meant for people working on other skills, or who else might suit them."
        value={reason}
        onChange={(value) => {
          setReason(value);
          if (reasonError && value.trim()) setReasonError(undefined);
        }}
        error={reasonError}
        rows={4}
        maxLength={1000}
        ref={reasonRef}
      />
    </ConfirmDialog>
  );
}
