import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useLayoutEffect, useRef, useState } from "react";
import { SessionSchedule } from "../../../contracts/workspace";
import { CheckboxField } from "../../components/checkbox-field";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { SelectField } from "../../components/select-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { useFormErrors } from "../../lib/form-errors";
import { TimeZoneField } from "../intake/timezone-field";
import { planQuery, scheduleSessions, type WorkspaceOverview, workspaceKeys } from "./workspace-api";
import { useViewerTimeZone } from "./workspace-layout";

const dayNames: Record<string, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/**
 * Schedules one session or a series. The plan fills in the day, time, zone and place;
 * anything left empty is taken from it by the server too.
 */
export function ScheduleDialog({ pairId, overview, onClose }: { pairId: string; overview: WorkspaceOverview; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const plan = useQuery(planQuery(pairId)).data;
  const viewerZone = useViewerTimeZone(pairId);
  // The dialog focuses this when it opens: the first field, not Cancel.
  const firstRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    firstRef.current = document.getElementById("schedule-held");
  }, []);
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [startTime, setStartTime] = useState(plan?.meetingTime ?? "");
  const [endTime, setEndTime] = useState("");
  const [timeZone, setTimeZone] = useState(plan?.timeZone ?? viewerZone);
  const [location, setLocation] = useState(plan?.location ?? "");
  const [repeat, setRepeat] = useState<"once" | "weekly" | "fortnightly">("once");
  const [count, setCount] = useState("6");
  const [held, setHeld] = useState(false);
  const { errors, clear, validate, showApiError, show } = useFormErrors();

  const schedule = useMutation({
    mutationFn: (body: Parameters<typeof scheduleSessions>[1]) => scheduleSessions(pairId, body),
    onSuccess: async ({ sessions }) => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });
      announce(sessions.length > 1 ? `${sessions.length} sessions scheduled. You both get calendar invitations.` : "Session saved.");
      onClose();
      if (sessions.length === 1)
        await navigate({ to: "/pairs/$pairId/sessions/$sessionId", params: { pairId, sessionId: sessions[0].id } });
    },
    onError: (error) => {
      // An overlap is about the whole request, not one field.
      if (isApiError(error, "session_overlap")) show({}, error.message);
      else showApiError(error);
    },
  });

  const submit = () => {
    clear();
    const body = validate(SessionSchedule, {
      ...(title.trim() ? { title } : {}),
      ...(date ? { date } : {}),
      ...(startTime ? { startTime } : {}),
      ...(endTime ? { endTime } : {}),
      ...(timeZone ? { timeZone } : {}),
      location,
      ...(repeat !== "once" && !held ? { repeat: { frequency: repeat, count: Number(count) } } : {}),
      ...(held ? { held: true } : {}),
    });
    if (body) schedule.mutate(body);
  };

  const planDay = plan?.meetingDay ? dayNames[plan.meetingDay] : null;
  return (
    <ConfirmDialog
      open
      title={held ? "Log a session you held" : "Schedule a session"}
      confirmLabel={held ? "Log session" : repeat === "once" ? "Schedule" : "Schedule the series"}
      pendingLabel="Saving…"
      pending={schedule.isPending}
      error={errors.form ?? undefined}
      initialFocusRef={firstRef}
      onConfirm={submit}
      onCancel={onClose}
    >
      {overview.relationship.status === "paused" && !held ? (
        <p className="notice notice--warning">
          Your relationship is paused: resume it to schedule new sessions. You can still log a session you held.
        </p>
      ) : null}
      <div className="form">
        <CheckboxField id="schedule-held" label="It already happened: log a session we held" checked={held} onChange={setHeld} />
        <TextField
          id="schedule-date"
          label="Date"
          type="date"
          value={date}
          onChange={setDate}
          error={errors.fields.date}
          hint={planDay && !held ? `Leave empty for the next ${planDay}, as in your plan.` : undefined}
        />
        <div className="form__row">
          <TextField
            id="schedule-start"
            label="Starts"
            type="time"
            value={startTime}
            onChange={setStartTime}
            error={errors.fields.startTime}
          />
          <TextField
            id="schedule-end"
            label="Ends (optional)"
            type="time"
            value={endTime}
            onChange={setEndTime}
            error={errors.fields.endTime}
            hint="Empty: the programme's usual session length."
          />
        </div>
        <TimeZoneField
          id="schedule-zone"
          label="Time zone of these times"
          optional={false}
          value={timeZone}
          onChange={setTimeZone}
          error={errors.fields.timeZone}
          hint="A series keeps this local time when clocks change."
        />
        <TextField
          id="schedule-location"
          label="Video link or place (optional)"
          value={location}
          onChange={setLocation}
          error={errors.fields.location}
        />
        <TextField
          id="schedule-title"
          label="Title (optional)"
          value={title}
          onChange={setTitle}
          error={errors.fields.title}
          hint="Empty: “Mentoring session”."
        />
        {held ? null : (
          <div className="form__row">
            <SelectField
              id="schedule-repeat"
              label="Repeat"
              value={repeat}
              options={[
                { value: "once", label: "Just once" },
                { value: "weekly", label: "Every week" },
                { value: "fortnightly", label: "Every two weeks" },
              ]}
              onChange={(v) => setRepeat(v as typeof repeat)}
              error={errors.fields.repeat}
            />
            {repeat === "once" ? null : (
              <TextField
                id="schedule-count"
                label="How many sessions"
                inputMode="numeric"
                value={count}
                onChange={setCount}
                className="field--short"
              />
            )}
          </div>
        )}
      </div>
    </ConfirmDialog>
  );
}
