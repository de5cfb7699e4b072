import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { RadioGroup } from "../../components/radio-group";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { isApiError } from "../../lib/api";
import { type RatingFormT, ratingFormQuery, submitRating } from "./coaching-api";
import { PHASE_LABELS } from "./coaching-labels";

const route = getRouteApi("/_public/rate/$engagementId/$token");

/**
 * Where a stakeholder's link lands: no account, only the outcomes they were asked to rate.
 * The link works once; an expired, used or foreign link says so plainly.
 */
export function RatePage() {
  const { engagementId, token } = route.useParams();
  const query = useQuery(ratingFormQuery(engagementId, token));
  const [sent, setSent] = useState(false);
  if (sent)
    return (
      <>
        <PageHeading>Thank you</PageHeading>
        <p>Your rating is in. It is shown only as part of the stakeholders' average. You can close this page.</p>
      </>
    );
  if (query.isPending)
    return (
      <>
        <PageHeading>Rating</PageHeading>
        <LoadingState label="Opening your rating link…" />
      </>
    );
  if (query.isError) {
    const gone = isApiError(query.error) && (query.error.status === 410 || query.error.status === 404);
    return (
      <>
        <PageHeading>Rating</PageHeading>
        {gone ? (
          <p className="notice notice--warning">{query.error.message}</p>
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  return <RateForm form={query.data} engagementId={engagementId} token={token} onSent={() => setSent(true)} />;
}

function RateForm({ form, engagementId, token, onSent }: { form: RatingFormT; engagementId: string; token: string; onSent: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      submitRating(
        engagementId,
        token,
        Object.entries(values)
          .filter(([, v]) => v !== "")
          .map(([outcomeId, v]) => ({ outcomeId, value: Number(v) })),
      ),
    onSuccess: onSent,
    onError: (e) => setError(isApiError(e) ? (e.fieldIssues[0]?.message ?? e.message) : "That didn't work. Try again."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.values(values).every((v) => v === "")) {
      setError("Rate at least one of the outcomes.");
      return;
    }
    setError(null);
    send.mutate();
  };
  return (
    <>
      <PageHeading>{`${PHASE_LABELS[form.phase]} rating for ${form.coachee}`}</PageHeading>
      <p>
        Hello {form.stakeholder}. {form.coachee} is being coached and asked you, among a few people who work with them, how things stand
        today. Your answers are shown only as a group average. The link works once, until {new Date(form.expiresAt).toLocaleDateString()}.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        {form.outcomes.map((o) =>
          o.measure.kind === "rubric" ? (
            <RadioGroup
              key={o.id}
              id={`rate-${o.id}`}
              name={`rate-${o.id}`}
              legend={o.title}
              hint={`1: ${o.measure.anchors.low} · 5: ${o.measure.anchors.mid} · 10: ${o.measure.anchors.high}`}
              className="radio-group--inline"
              value={values[o.id] ?? ""}
              options={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
              onChange={(v) => setValues((x) => ({ ...x, [o.id]: v }))}
            />
          ) : (
            <TextField
              key={o.id}
              id={`rate-${o.id}`}
              label={`${o.title} (${o.measure.unit})`}
              inputMode="decimal"
              value={values[o.id] ?? ""}
              onChange={(v) => setValues((x) => ({ ...x, [o.id]: v }))}
            />
          ),
        )}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <SubmitButton pending={send.isPending} pendingLabel="Sending…">
          Send my rating
        </SubmitButton>
      </form>
    </>
  );
}
