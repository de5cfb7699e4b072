import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLayoutEffect, useRef, useState } from "react";
import { SessionReschedule } from "../../../contracts/workspace";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { RadioGroup } from "../../components/radio-group";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { TimeZoneField } from "../intake/timezone-field";
import { cancelSession, recordOutcome, rescheduleSession, type Session, workspaceKeys } from "./workspace-api";

type Dialog = "move" | "cancel" | null;

/** Move, cancel (confirmed, with the notice rule in view) or settle a session. */
export function SessionActions({ pairId, session: s, onChanged }: { pairId: string; session: Session; onChanged: () => void }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [scope, setScope] = useState<"this" | "following">("this");
  const started = new Date(s.startsAt).getTime() <= Date.now();
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });

  const cancel = useMutation({
    mutationFn: () => cancelSession(pairId, s.id, scope),
    onSuccess: async ({ sessions }) => {
      setDialog(null);
      await refresh();
      announce(sessions.length > 1 ? `${sessions.length} sessions cancelled. You both get calendar cancellations.` : "Session cancelled.");
      onChanged();
    },
  });
  const outcome = useMutation({
    mutationFn: (o: "held" | "missed") => recordOutcome(pairId, s.id, o),
    onSuccess: async (updated) => {
      await refresh();
      announce(updated.status === "held" ? "Marked as held." : "Marked as missed.");
      onChanged();
    },
  });

  if (s.status === "cancelled") return null;
  return (
    <section className="card" aria-label="Change this session">
      <div className="actions-row">
        {s.status === "scheduled" && !started ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => setDialog("move")}>
              Reschedule
            </button>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => {
                cancel.reset();
                setScope("this");
                setDialog("cancel");
              }}
            >
              Cancel the session
            </button>
          </>
        ) : null}
        {started ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              disabled={outcome.isPending || s.status === "held"}
              onClick={() => outcome.mutate("held")}
            >
              {s.status === "held" ? "Held" : "We met: mark as held"}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={outcome.isPending || s.status === "missed"}
              onClick={() => outcome.mutate("missed")}
            >
              {s.status === "missed" ? "Missed" : "We didn't meet: mark as missed"}
            </button>
          </>
        ) : null}
      </div>
      {outcome.isError ? (
        <p className="field__error" role="alert">
          {outcome.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={dialog === "cancel"}
        title="Cancel this session?"
        confirmLabel={scope === "following" ? "Cancel these sessions" : "Cancel the session"}
        pendingLabel="Cancelling…"
        variant="danger"
        pending={cancel.isPending}
        error={cancel.isError ? cancel.error.message : undefined}
        onConfirm={() => cancel.mutate()}
        onCancel={() => setDialog(null)}
      >
        <p>Both of you get a cancellation for your calendars.</p>
        {s.cancellationRule.noticeHours !== null ? (
          <p className={s.cancellationRule.lateIfCancelledNow ? "notice notice--warning" : undefined}>
            Your plan asks for {s.cancellationRule.noticeHours} hours' notice.{" "}
            {s.cancellationRule.lateIfCancelledNow ? "This is less, so it will be recorded as a late cancellation." : "This is in time."}
          </p>
        ) : null}
        {s.seriesId ? (
          <RadioGroup
            id="cancel-scope"
            name="cancel-scope"
            legend="Which sessions"
            value={scope}
            onChange={(v) => setScope(v as "this" | "following")}
            options={[
              { value: "this", label: "Only this one" },
              { value: "following", label: "This one and every later one in the series" },
            ]}
          />
        ) : null}
      </ConfirmDialog>
      {dialog === "move" ? (
        <RescheduleDialog
          pairId={pairId}
          session={s}
          onClose={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            await refresh();
            announce("Session moved. You both get an updated invitation.");
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function RescheduleDialog({
  pairId,
  session: s,
  onClose,
  onDone,
}: {
  pairId: string;
  session: Session;
  onClose: () => void;
  onDone: () => void;
}) {
  const [date, setDate] = useState(s.localDate);
  const [startTime, setStartTime] = useState(s.localStartTime);
  const [endTime, setEndTime] = useState(s.localEndTime);
  const [timeZone, setTimeZone] = useState(s.timeZone);
  const firstRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    firstRef.current = document.getElementById("move-date");
  }, []);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const move = useMutation({
    mutationFn: (body: Parameters<typeof rescheduleSession>[2]) => rescheduleSession(pairId, s.id, body),
    onSuccess: onDone,
    onError: showApiError,
  });
  const submit = () => {
    clear();
    const body = validate(SessionReschedule, { date, startTime, endTime, timeZone });
    if (body) move.mutate(body);
  };
  return (
    <ConfirmDialog
      open
      title="Reschedule the session"
      confirmLabel="Move the session"
      pendingLabel="Moving…"
      pending={move.isPending}
      error={errors.form ?? undefined}
      initialFocusRef={firstRef}
      onConfirm={submit}
      onCancel={onClose}
    >
      <div className="form">
        <TextField id="move-date" label="Date" type="date" value={date} onChange={setDate} error={errors.fields.date} />
        <div className="form__row">
          <TextField id="move-start" label="Starts" type="time" value={startTime} onChange={setStartTime} error={errors.fields.startTime} />
          <TextField id="move-end" label="Ends" type="time" value={endTime} onChange={setEndTime} error={errors.fields.endTime} />
        </div>
        <TimeZoneField
          id="move-zone"
          label="Time zone of these times"
          optional={false}
          value={timeZone}
          onChange={setTimeZone}
          error={errors.fields.timeZone}
        />
      </div>
    </ConfirmDialog>
  );
}
