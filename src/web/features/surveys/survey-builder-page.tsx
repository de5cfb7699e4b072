import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { SurveyCreate } from "../../../contracts/surveys";
import { respondentPrivacyNote } from "../../../core/surveys/anonymity";
import { AUDIENCE_LABELS, type Audience } from "../../../core/surveys/questions";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { setFlash } from "../../lib/flash";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { QuestionListEditor } from "./question-list-editor";
import { ScheduleEditor } from "./schedule-editor";
import { SurveyFields } from "./survey-form";
import {
  type AnswerValue,
  createSurvey,
  type SurveyDraft,
  type SurveyT,
  setSurveyStatus,
  surveyKeys,
  surveyQuery,
  updateSurvey,
} from "./surveys-api";
import "./surveys.css";

const newRoute = getRouteApi("/_app/programmes/$programmeId/surveys/new");
const editRoute = getRouteApi("/_app/programmes/$programmeId/surveys/$surveyId/edit");

const AUDIENCES_BY_TYPE: Record<Programme["type"], Audience[]> = {
  mentoring: ["mentees", "mentors"],
  coaching: ["coachees", "coaches", "sponsors"],
};

const blank = (p: Programme): SurveyDraft => ({
  title: "",
  intro: "",
  anonymous: false,
  audiences: AUDIENCES_BY_TYPE[p.type].slice(0, 1),
  schedule: { kind: "manual" },
  openDays: 7,
  reminderAfterDays: 3,
  questions: [{ id: "q1", type: "rating", prompt: "", required: true }],
  status: "draft",
});

export function NewSurveyPage() {
  const { programmeId } = newRoute.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="New survey">
      {(programme) => <SurveyBuilder programme={programme} initial={blank(programme)} />}
    </ProgrammeSection>
  );
}

export function EditSurveyPage() {
  const { programmeId, surveyId } = editRoute.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Edit survey">
      {(programme) => <LoadedBuilder programme={programme} surveyId={surveyId} />}
    </ProgrammeSection>
  );
}

function LoadedBuilder({ programme, surveyId }: { programme: Programme; surveyId: string }) {
  const query = useQuery(surveyQuery(programme.id, surveyId));
  if (query.isPending) return <LoadingState label="Loading the survey…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  return (
    <SurveyBuilder
      key={s.version}
      programme={programme}
      survey={s}
      initial={{
        title: s.title,
        intro: s.intro,
        anonymous: s.anonymous,
        audiences: s.audiences,
        schedule: s.schedule,
        openDays: s.openDays,
        reminderAfterDays: s.reminderAfterDays,
        questions: s.questions,
      }}
    />
  );
}

/**
 * Builds a survey with its preview beside it: the same fields a respondent will see,
 * with the privacy line they will read. Saving checks with the server's own contract.
 */
function SurveyBuilder({ programme, initial, survey }: { programme: Programme; initial: SurveyDraft; survey?: SurveyT }) {
  const [draft, setDraft] = useState<SurveyDraft>(initial);
  const [preview, setPreview] = useState<Record<string, AnswerValue>>({});
  const { errors, clear, validate, showApiError } = useFormErrors(nestedField(3));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locked = survey?.hasResponses ?? false;
  const set = (change: Partial<SurveyDraft>) => setDraft((d) => ({ ...d, ...change }));

  const save = useMutation({
    mutationFn: (body: SurveyDraft) =>
      survey ? updateSurvey(programme.id, survey.id, { ...body, version: survey.version }) : createSurvey(programme.id, body),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list(programme.id) });
      queryClient.setQueryData(surveyKeys.one(programme.id, saved.id), saved);
      const path = `/programmes/${programme.id}/surveys`;
      setFlash(survey ? `"${saved.title}" saved.` : `"${saved.title}" created${saved.status === "draft" ? " as a draft" : ""}.`, path);
      await navigate({ to: "/programmes/$programmeId/surveys", params: { programmeId: programme.id } });
    },
    onError: showApiError,
  });
  const status = useMutation({
    mutationFn: (next: SurveyT["status"]) => setSurveyStatus(programme.id, survey?.id ?? "", next, survey?.version ?? 0),
    onSuccess: async (saved) => {
      queryClient.setQueryData(surveyKeys.one(programme.id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list(programme.id) });
      announce(
        saved.status === "active" ? "The survey is on." : saved.status === "closed" ? "The survey is closed." : "The survey is off.",
      );
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = { ...draft, questions: draft.questions.map((q) => ({ ...q, options: q.options?.map((o) => o.trim()).filter(Boolean) })) };
    const parsed = validate(SurveyCreate, survey ? { ...body, status: "draft" } : body);
    if (parsed) save.mutate(survey ? body : parsed);
  };

  const fields: FieldTargets = {
    title: { label: "Title", target: "survey-title" },
    intro: { label: "Introduction", target: "survey-intro" },
    audiences: { label: "Who it goes to", target: `audience-${AUDIENCES_BY_TYPE[programme.type][0]}` },
    schedule: { label: "Schedule", target: "schedule-kind" },
    openDays: { label: "Days open", target: "survey-open-days" },
    reminderAfterDays: { label: "Reminder", target: "survey-reminder" },
    questions: { label: "Questions", target: "new-question-type" },
    ...Object.fromEntries(
      draft.questions.flatMap((q, i) => [
        [`questions.${i}.prompt`, { label: `Question ${i + 1}`, target: `q-${q.id}-prompt` }],
        [`questions.${i}.options`, { label: `Question ${i + 1} choices`, target: `q-${q.id}-options` }],
        [`questions.${i}.pulse`, { label: `Question ${i + 1} pulse`, target: `q-${q.id}-pulse` }],
      ]),
    ),
  };

  return (
    <div className="builder">
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="builder-heading">
        <h2 id="builder-heading" className="visually-hidden">
          Survey details
        </h2>
        <ErrorSummary errors={errors} fields={fields} />
        {survey ? (
          <div className="bulk-bar">
            <p className="bulk-bar__count">
              {survey.status === "active"
                ? "On: sent on its schedule."
                : survey.status === "draft"
                  ? "Off: not sent."
                  : "Closed: sends nothing, links stopped."}
            </p>
            {survey.status !== "active" ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => status.mutate("active")}
                disabled={status.isPending}
              >
                {survey.status === "closed" ? "Reopen" : "Switch on"}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => status.mutate("draft")}
                disabled={status.isPending}
              >
                Switch off
              </button>
            )}
            {survey.status !== "closed" ? (
              <button
                type="button"
                className="button button--danger-outline button--small"
                onClick={() => status.mutate("closed")}
                disabled={status.isPending}
              >
                Close
              </button>
            ) : null}
            {status.isError ? (
              <p className="field__error" role="alert">
                {status.error.message}
              </p>
            ) : null}
          </div>
        ) : null}
        <TextField
          id="survey-title"
          label="Title"
          value={draft.title}
          error={errors.fields.title}
          maxLength={120}
          onChange={(title) => set({ title })}
        />
        <TextAreaField
          id="survey-intro"
          label="Introduction (optional)"
          hint="A line or two respondents read first."
          rows={3}
          value={draft.intro ?? ""}
          error={errors.fields.intro}
          onChange={(intro) => set({ intro })}
        />
        <fieldset className="form-section" aria-describedby={errors.fields.audiences ? "audiences-error" : undefined}>
          <legend>Who it goes to</legend>
          {errors.fields.audiences ? (
            <p className="field__error" id="audiences-error">
              {errors.fields.audiences}
            </p>
          ) : null}
          {AUDIENCES_BY_TYPE[programme.type].map((a) => (
            <CheckboxField
              key={a}
              id={`audience-${a}`}
              label={AUDIENCE_LABELS[a]}
              checked={(draft.audiences ?? []).includes(a)}
              onChange={(on) => set({ audiences: on ? [...(draft.audiences ?? []), a] : (draft.audiences ?? []).filter((x) => x !== a) })}
            />
          ))}
        </fieldset>
        <RadioGroup
          id="survey-anonymous"
          name="anonymous"
          legend="Names"
          disabled={locked}
          hint={
            locked ? "People answered under this promise, so it can no longer change." : "Respondents are told this before they answer."
          }
          value={draft.anonymous ? "yes" : "no"}
          onChange={(v) => set({ anonymous: v === "yes" })}
          options={[
            {
              value: "no",
              label: "Attributed",
              hint: "Coordinators see who answered what; a low pulse can raise an alert about the pair.",
            },
            { value: "yes", label: "Anonymous", hint: "Stored without names; results only appear from five responses." },
          ]}
        />
        <ScheduleEditor
          value={draft.schedule}
          onChange={(schedule) => set({ schedule })}
          error={errors.fields.schedule}
          termWeeks={programme.termWeeks}
        />
        <div className="form__row">
          <TextField
            id="survey-open-days"
            className="field--short"
            type="number"
            min={1}
            max={60}
            label="Days open"
            hint="The link stops working after."
            value={String(draft.openDays ?? 7)}
            error={errors.fields.openDays}
            onChange={(v) => set({ openDays: v === "" ? 0 : Number(v) })}
          />
          <TextField
            id="survey-reminder"
            className="field--short"
            type="number"
            min={1}
            max={30}
            label="Remind after (days)"
            hint="One reminder to those who have not answered. Leave empty for none."
            value={draft.reminderAfterDays === null || draft.reminderAfterDays === undefined ? "" : String(draft.reminderAfterDays)}
            error={errors.fields.reminderAfterDays}
            onChange={(v) => set({ reminderAfterDays: v === "" ? null : Number(v) })}
          />
        </div>
        <h2>Questions</h2>
        {errors.fields.questions ? <p className="field__error">{errors.fields.questions}</p> : null}
        <QuestionListEditor
          questions={draft.questions}
          onChange={(questions) => set({ questions })}
          errors={errors.fields}
          locked={locked}
        />
        {!survey ? (
          <CheckboxField
            id="survey-start"
            label="Switch it on now"
            hint="Otherwise it is saved as a draft and nothing is sent."
            checked={draft.status === "active"}
            onChange={(on) => set({ status: on ? "active" : "draft" })}
          />
        ) : null}
        <div className="form__actions">
          <SubmitButton pending={save.isPending} pendingLabel="Saving…">
            {survey ? "Save survey" : "Create survey"}
          </SubmitButton>
          <Link to="/programmes/$programmeId/surveys" params={{ programmeId: programme.id }}>
            Cancel
          </Link>
        </div>
      </form>
      <section className="builder__preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <p className="muted">What respondents see. Answers here are not sent anywhere.</p>
        <h3>{draft.title || "Untitled survey"}</h3>
        {draft.intro ? <p>{draft.intro}</p> : null}
        <p className="notice">{respondentPrivacyNote(draft.anonymous ?? false)}</p>
        <SurveyFields
          questions={draft.questions
            .filter((q) => q.prompt.trim())
            .map((q) => ({ ...q, options: q.options?.filter((o, i, all) => o.trim() && all.indexOf(o) === i) }))}
          values={preview}
          errors={{}}
          idPrefix="preview"
          onChange={(qid, v) => setPreview((p) => ({ ...p, [qid]: v as AnswerValue }))}
        />
      </section>
    </div>
  );
}
