import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { MatchRequestCreate } from "../../../contracts/self-match";
import { MESSAGE_MAX, MESSAGE_MIN } from "../../../core/self-match/requests";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextAreaField } from "../../components/text-area-field";
import { isApiError } from "../../lib/api";
import { type MentorCard, type SentRequest, sendRequest } from "./self-match-api";

type RequestDialogProps = {
  programmeId: string;
  mentor: MentorCard | null;
  giver: string;
  expiryDays: number;
  onCancel: () => void;
  onSent: (request: SentRequest) => void;
};

/** Asks one mentor, with a message in the mentee's words that only that mentor reads. */
export function RequestDialog({ programmeId, mentor, giver, expiryDays, onCancel, onSent }: RequestDialogProps) {
  const [message, setMessage] = useState("");
  const [messageError, setMessageError] = useState<string | undefined>();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const mutation = useMutation({
    mutationFn: (body: { mentorEnrolmentId: string; message: string }) => sendRequest(programmeId, body),
    onSuccess: (request) => {
      setMessage("");
      onSent(request);
    },
    onError: (error) => {
      const issue = isApiError(error) ? error.fieldIssues.find((i) => i.path[0] === "message") : undefined;
      if (issue) {
        setMessageError(issue.message);
        messageRef.current?.focus();
      }
    },
  });

  // A different mentor starts a clean attempt (the draft message is kept).
  const mentorId = mentor?.enrolmentId;
  const { reset } = mutation;
  useEffect(() => {
    if (mentorId) reset();
  }, [mentorId, reset]);

  const submit = () => {
    if (!mentor) return;
    const parsed = MatchRequestCreate.safeParse({ mentorEnrolmentId: mentor.enrolmentId, message });
    if (!parsed.success) {
      setMessageError(parsed.error.issues.find((i) => i.path[0] === "message")?.message ?? parsed.error.issues[0]?.message);
      messageRef.current?.focus();
      return;
    }
    setMessageError(undefined);
    mutation.mutate(parsed.data);
  };

  const length = message.trim().length;
  return (
    <ConfirmDialog
      open={mentor !== null}
      title={mentor ? `Ask ${mentor.name} to be your ${giver}` : ""}
      confirmLabel="Send request"
      pendingLabel="Sending…"
      pending={mutation.isPending}
      error={mutation.isError && !messageError ? <p>{mutation.error.message}</p> : null}
      initialFocusRef={messageRef}
      onConfirm={submit}
      onCancel={() => {
        setMessageError(undefined);
        mutation.reset();
        onCancel();
      }}
    >
      <p>
        {mentor?.name} gets an email with your message and can accept or decline. If they don't answer within {expiryDays}{" "}
        {expiryDays === 1 ? "day" : "days"}, the request lapses.
      </p>
      <TextAreaField
        id="request-message"
        label={`Why would you like ${mentor?.name ?? "them"} as your ${giver}?`}
        hint={`Only ${mentor?.name ?? "they"} will read it. ${MESSAGE_MIN}–${MESSAGE_MAX} characters; you have written ${length}.`}
        value={message}
        onChange={(value) => {
          setMessage(value);
          if (messageError && value.trim().length >= MESSAGE_MIN) setMessageError(undefined);
        }}
        error={messageError}
        rows={6}
        maxLength={MESSAGE_MAX}
        ref={messageRef}
      />
    </ConfirmDialog>
  );
}
