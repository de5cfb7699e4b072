import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorSummary, type FieldTargets } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { SubmitButton } from "../../components/submit-button";
import { isApiError } from "../../lib/api";
import { formatDate } from "../../lib/dates";
import { nestedField, useFormErrors } from "../../lib/form-errors";
import { SurveyFields } from "./survey-form";
import { type AnswerValue, answerSurvey, surveyLinkQuery } from "./surveys-api";
import "./surveys.css";

const route = getRouteApi("/_public/s/$token");

/**
 * Where the survey email's link lands: answerable without signing in, on a phone. Before
 * the questions it says who will see the answers; after, it says thank you and that the
 * link is spent. An invalid, closed or answered link gets a plain explanation.
 */
export function AnswerSurveyPage() {
  const { token } = route.useParams();
  const query = useQuery(surveyLinkQuery(token));
  const [values, setValues] = useState<Record<string, AnswerValue>>({});
  const { errors, clear, showApiError } = useFormErrors(nestedField(2));
  const done = useRef<HTMLHeadingElement>(null);
  const submit = useMutation({ mutationFn: () => answerSurvey(token, values) });
  useEffect(() => {
    if (submit.isSuccess) done.current?.focus();
  }, [submit.isSuccess]);

  if (query.isPending) {
    return (
      <>
        <PageHeading>Survey</PageHeading>
        <LoadingState label="Loading the survey…" />
      </>
    );
  }
  if (query.isError) {
    const invalid = isApiError(query.error, "invalid_link");
    const other = isApiError(query.error, "not_your_link");
    return (
      <>
        <PageHeading>
          {invalid ? "This link does not work" : other ? "This survey is someone else's" : "The survey couldn't be loaded"}
        </PageHeading>
        <div className="notice notice--error" role="alert">
          <p>{query.error.message}</p>
        </div>
        {invalid || other ? null : (
          <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
            Try again
          </button>
        )}
      </>
    );
  }
  const s = query.data;
  if (submit.isSuccess || s.state === "answered") {
    return (
      <>
        <PageHeading>{s.title}</PageHeading>
        <div className="notice notice--success" role="status">
          <h2 className="notice__title" ref={done} tabIndex={-1}>
            {submit.isSuccess ? "Thank you — your answers are in." : "You have already answered this survey."}
          </h2>
          <p>{s.anonymous ? "They were stored without your name." : "Your coordinators will read them and may follow up with you."}</p>
        </div>
        <p>
          <Link to="/surveys">Your other surveys</Link> (sign-in needed)
        </p>
      </>
    );
  }
  if (s.state === "closed") {
    return (
      <>
        <PageHeading>{s.title}</PageHeading>
        <div className="notice notice--warning" role="status">
          <p>This survey closed on {formatDate(s.closesAt.slice(0, 10))} and takes no more answers. Thank you all the same.</p>
        </div>
      </>
    );
  }

  const fields: FieldTargets = Object.fromEntries(
    s.questions.map((q, i) => [
      `answers.${q.id}`,
      {
        label: `Question ${i + 1}`,
        target: `answer-${q.id}${["nps", "rating", "agreement", "single_choice"].includes(q.type) ? "-input" : q.type === "multiple_choice" ? "-0" : ""}`,
      },
    ]),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    submit.mutate(undefined, { onError: showApiError });
  };
  return (
    <>
      <p className="eyebrow">{s.programme.name}</p>
      <PageHeading>{s.title}</PageHeading>
      {s.intro ? <p className="lead">{s.intro}</p> : null}
      {s.about ? <p>It is about your time with {s.about}.</p> : null}
      <div className={`notice ${s.anonymous ? "notice--success" : "notice--warning"} survey-privacy`}>
        <h2 className="notice__title">{s.anonymous ? "Anonymous" : "Your name is shown with your answers"}</h2>
        <p>{s.privacyNote}</p>
      </div>
      <form className="form survey-form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} fields={fields} />
        <SurveyFields
          questions={s.questions}
          values={values}
          errors={errors.fields}
          idPrefix="answer"
          onChange={(qid, v) =>
            setValues((current) => {
              const next = { ...current };
              if (v === undefined) delete next[qid];
              else next[qid] = v;
              return next;
            })
          }
        />
        <p className="muted">Open until {formatDate(s.closesAt.slice(0, 10))}. You can answer once.</p>
        <div className="form__actions">
          <SubmitButton pending={submit.isPending} pendingLabel="Sending…">
            Send answers
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
