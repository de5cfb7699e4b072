import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { PlanEdit } from "../../../contracts/workspace";
import { rulesFor } from "../../../core/programme-modes";
import { planFieldLabels } from "../../../core/workspace/plan";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { useFormErrors } from "../../lib/form-errors";
import { TimeZoneField } from "../intake/timezone-field";
import { PlanHistorySection } from "./plan-history";
import { acknowledgePlan, editPlan, overviewQuery, type Plan, planQuery, workspaceKeys } from "./workspace-api";
import { formatInstant } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

const route = getRouteApi("/_app/pairs/$pairId/plan");

const days = [
  { value: "", label: "Not decided" },
  { value: "mon", label: "Monday" },
  { value: "tue", label: "Tuesday" },
  { value: "wed", label: "Wednesday" },
  { value: "thu", label: "Thursday" },
  { value: "fri", label: "Friday" },
  { value: "sat", label: "Saturday" },
  { value: "sun", label: "Sunday" },
];
const notesByFor = (words: { giver: string; receiver: string }) => [
  { value: "", label: "Not decided" },
  { value: "mentee", label: `The ${words.receiver}` },
  { value: "mentor", label: `The ${words.giver}` },
  { value: "both", label: "Both of us" },
  { value: "take_turns", label: "We take turns" },
];

type Draft = {
  meetingDay: string;
  meetingTime: string;
  timeZone: string;
  location: string;
  cancellationNoticeHours: string;
  betweenSessions: string;
  notesBy: string;
  menteeFocus: string;
  mentorFocus: string;
  menteeExpects: string;
  mentorExpects: string;
};

const draftOf = (p: Plan): Draft => ({
  meetingDay: p.meetingDay ?? "",
  meetingTime: p.meetingTime ?? "",
  timeZone: p.timeZone ?? "",
  location: p.location,
  cancellationNoticeHours: p.cancellationNoticeHours === null ? "" : String(p.cancellationNoticeHours),
  betweenSessions: p.betweenSessions,
  notesBy: p.notesBy ?? "",
  menteeFocus: p.menteeFocus,
  mentorFocus: p.mentorFocus,
  menteeExpects: p.menteeExpects,
  mentorExpects: p.mentorExpects,
});

const textFields = ["location", "betweenSessions", "menteeFocus", "mentorFocus", "menteeExpects", "mentorExpects"] as const;

/** The draft as an edit: blank choices are null; a notice that isn't a whole number is sent as is, for the contract to explain. */
const editOf = (d: Draft, version: number) => ({
  version,
  meetingDay: d.meetingDay || null,
  meetingTime: d.meetingTime || null,
  timeZone: d.timeZone || null,
  cancellationNoticeHours: d.cancellationNoticeHours.trim() === "" ? null : Number(d.cancellationNoticeHours),
  notesBy: d.notesBy || null,
  ...Object.fromEntries(textFields.map((f) => [f, d[f]])),
});

export function PlanPage() {
  const { pairId } = route.useParams();
  const query = useQuery(planQuery(pairId));
  const overview = useQuery(overviewQuery(pairId));
  return (
    <>
      <PageHeading title={`Plan · ${overview.data?.relationship.partner.name ?? "Workspace"}`}>
        Your {rulesFor(overview.data?.relationship.programme.type ?? "mentoring").words.plan}
      </PageHeading>
      <p className="lead">
        How you will work together: when and how you meet, what each of you expects. Agree it together, then both acknowledge it.
      </p>
      {query.isPending || !overview.data ? (
        <LoadingState label="Loading the plan…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PlanEditor
          key={query.data.version}
          pairId={pairId}
          plan={query.data}
          writable={overview.data.relationship.writable}
          side={overview.data.relationship.side}
          type={overview.data.relationship.programme.type}
        />
      )}
      <PlanHistorySection pairId={pairId} />
    </>
  );
}

function PlanEditor({
  pairId,
  plan,
  writable,
  side,
  type,
}: {
  pairId: string;
  plan: Plan;
  writable: boolean;
  side: "mentor" | "mentee";
  type: "mentoring" | "coaching";
}) {
  const PLAN_FIELD_LABELS = planFieldLabels(rulesFor(type).words);
  const notesBy = notesByFor(rulesFor(type).words);
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan));
  const [stale, setStale] = useState<Plan | null>(null);
  const ackRef = useRef<HTMLHeadingElement>(null);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });

  const save = useMutation({
    mutationFn: (body: Parameters<typeof editPlan>[1]) => editPlan(pairId, body),
    onSuccess: async (saved) => {
      announce(saved.version === plan.version ? "Nothing changed." : "Plan saved. You both need to acknowledge this version.");
      queryClient.setQueryData(workspaceKeys.plan(pairId), saved);
      await refresh();
    },
    onError: (error) => {
      if (isApiError(error, "version_conflict")) {
        setStale((error.details as { current: Plan }).current);
        return;
      }
      showApiError(error);
    },
  });
  const ack = useMutation({
    mutationFn: () => acknowledgePlan(pairId, plan.version),
    onSuccess: async (saved) => {
      queryClient.setQueryData(workspaceKeys.plan(pairId), saved);
      announce("You acknowledged the plan.");
      await refresh();
      ackRef.current?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(PlanEdit, editOf(draft, plan.version));
    if (body) save.mutate(body);
  };

  const mineAck = side === "mentor" ? plan.mentorAcknowledgedAt : plan.menteeAcknowledgedAt;
  const theirAck = side === "mentor" ? plan.menteeAcknowledgedAt : plan.mentorAcknowledgedAt;
  const fields: FieldTargets = Object.fromEntries(
    (Object.keys(PLAN_FIELD_LABELS) as (keyof Draft)[]).map((f) => [f, { label: PLAN_FIELD_LABELS[f], target: `plan-${f}` }]),
  );

  return (
    <>
      <section className="card" aria-labelledby="ack-title">
        <h2 id="ack-title" ref={ackRef} tabIndex={-1}>
          {plan.version === 0 ? "Not written yet" : mineAck && theirAck ? "Agreed by both of you" : "Waiting for agreement"}
        </h2>
        {plan.version > 0 ? (
          <ul className="inline-list">
            <li>You: {mineAck ? `acknowledged ${formatInstant(mineAck, zone)}` : "not yet"}</li>
            <li>Your partner: {theirAck ? `acknowledged ${formatInstant(theirAck, zone)}` : "not yet"}</li>
          </ul>
        ) : (
          <p>Fill in what you have agreed so far; either of you can edit it later.</p>
        )}
        {plan.updatedBy && plan.updatedAt ? (
          <p className="muted">
            Version {plan.version}, last changed by {plan.updatedBy.side === side ? "you" : plan.updatedBy.name} on{" "}
            {formatInstant(plan.updatedAt, zone)}.
          </p>
        ) : null}
        {writable && plan.version > 0 && !mineAck ? (
          <button type="button" className="button button--primary" onClick={() => ack.mutate()} disabled={ack.isPending}>
            {ack.isPending ? "Saving…" : `I agree to version ${plan.version}`}
          </button>
        ) : null}
        {ack.isError ? (
          <p className="field__error" role="alert">
            {ack.error.message}
          </p>
        ) : null}
      </section>

      {stale ? (
        <div className="notice notice--warning" role="alert">
          <h2 className="notice__title">Your partner changed the plan while you were editing</h2>
          <p>
            Your changes are not saved yet and are still in the form. Load their version to see what changed, then make your changes again.
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={async () => {
              queryClient.setQueryData(workspaceKeys.plan(pairId), stale);
              await refresh();
            }}
          >
            Load the latest version
          </button>
        </div>
      ) : null}

      <form className="form card" onSubmit={submit} noValidate aria-label="Mentoring plan">
        <ErrorSummary errors={errors} fields={fields} />
        <fieldset className="form-section" disabled={!writable}>
          <legend>When and where you meet</legend>
          <div className="form__row">
            <SelectField
              id="plan-meetingDay"
              label={PLAN_FIELD_LABELS.meetingDay}
              value={draft.meetingDay}
              options={days}
              onChange={set("meetingDay")}
              error={errors.fields.meetingDay}
            />
            <TextField
              id="plan-meetingTime"
              label={PLAN_FIELD_LABELS.meetingTime}
              type="time"
              value={draft.meetingTime}
              onChange={set("meetingTime")}
              error={errors.fields.meetingTime}
            />
          </div>
          <TimeZoneField
            id="plan-timeZone"
            label={PLAN_FIELD_LABELS.timeZone}
            optional
            value={draft.timeZone}
            onChange={set("timeZone")}
            error={errors.fields.timeZone}
          />
          <TextField
            id="plan-location"
            label={PLAN_FIELD_LABELS.location}
            hint="A video-call link, or where you meet in person."
            value={draft.location}
            onChange={set("location")}
            error={errors.fields.location}
            maxLength={500}
          />
          <TextField
            id="plan-cancellationNoticeHours"
            label={PLAN_FIELD_LABELS.cancellationNoticeHours}
            hint="Cancelling with less notice is recorded as a late cancellation."
            inputMode="numeric"
            value={draft.cancellationNoticeHours}
            onChange={set("cancellationNoticeHours")}
            error={errors.fields.cancellationNoticeHours}
            className="field--short"
          />
        </fieldset>
        <fieldset className="form-section" disabled={!writable}>
          <legend>How you work together</legend>
          <TextAreaField
            id="plan-betweenSessions"
            label={PLAN_FIELD_LABELS.betweenSessions}
            value={draft.betweenSessions}
            onChange={set("betweenSessions")}
            error={errors.fields.betweenSessions}
            rows={3}
          />
          <SelectField
            id="plan-notesBy"
            label={PLAN_FIELD_LABELS.notesBy}
            value={draft.notesBy}
            options={notesBy}
            onChange={set("notesBy")}
            error={errors.fields.notesBy}
          />
          <TextAreaField
            id="plan-menteeFocus"
            label={PLAN_FIELD_LABELS.menteeFocus}
            value={draft.menteeFocus}
            onChange={set("menteeFocus")}
            error={errors.fields.menteeFocus}
            rows={3}
          />
          <TextAreaField
            id="plan-mentorFocus"
            label={PLAN_FIELD_LABELS.mentorFocus}
            value={draft.mentorFocus}
            onChange={set("mentorFocus")}
            error={errors.fields.mentorFocus}
            rows={3}
          />
          <TextAreaField
            id="plan-menteeExpects"
            label={PLAN_FIELD_LABELS.menteeExpects}
            value={draft.menteeExpects}
            onChange={set("menteeExpects")}
            error={errors.fields.menteeExpects}
            rows={3}
          />
          <TextAreaField
            id="plan-mentorExpects"
            label={PLAN_FIELD_LABELS.mentorExpects}
            value={draft.mentorExpects}
            onChange={set("mentorExpects")}
            error={errors.fields.mentorExpects}
            rows={3}
          />
        </fieldset>
        {writable ? (
          <div className="form__actions">
            <SubmitButton pending={save.isPending} pendingLabel="Saving…">
              Save the plan
            </SubmitButton>
          </div>
        ) : null}
      </form>
    </>
  );
}
