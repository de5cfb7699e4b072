import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { formatInstant } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import { coachingKeys, type SummaryT, saveSummary, shareSummary, summaryQuery } from "./coaching-api";

/**
 * The summary the coach shares after a session. The coach drafts and shares it; the coachee
 * reads it once shared. The coach's private notes are a separate box and never shared.
 */
export function SummarySection({
  pairId,
  sessionId,
  started,
  partner,
}: {
  pairId: string;
  sessionId: string;
  started: boolean;
  partner: string;
}) {
  const query = useQuery(summaryQuery(pairId, sessionId));
  const zone = useViewerTimeZone(pairId);
  if (query.isPending) return <LoadingState label="Loading the summary…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">Session summary</h2>
      {s.canEdit ? (
        started ? (
          <SummaryEditor key={s.version} pairId={pairId} sessionId={sessionId} summary={s} partner={partner} />
        ) : (
          <p className="muted">You write the summary after the session; it opens once the session has started.</p>
        )
      ) : s.body !== null && s.status !== "none" ? (
        <>
          {s.sharedAt ? <p className="muted">Shared {formatInstant(s.sharedAt, zone)}.</p> : null}
          <p className="prose">{s.body || <span className="muted">(nothing written)</span>}</p>
        </>
      ) : (
        <p className="muted">
          {started ? "Your coach has not shared a summary of this session yet." : "Your coach shares a summary after the session."}
        </p>
      )}
    </section>
  );
}

function SummaryEditor({ pairId, sessionId, summary, partner }: { pairId: string; sessionId: string; summary: SummaryT; partner: string }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState(summary.body ?? "");
  const save = useMutation({
    mutationFn: async (share: boolean) => {
      const saved = await saveSummary(pairId, sessionId, summary.version, body);
      return share && saved.status !== "shared" ? shareSummary(pairId, sessionId) : saved;
    },
    onSuccess: (saved, share) => {
      queryClient.setQueryData(coachingKeys.summary(pairId, sessionId), saved);
      announce(
        share
          ? `Summary shared with ${partner}.`
          : saved.status === "shared"
            ? `Saved. ${partner} sees the new version.`
            : "Draft saved. Only you can see it.",
      );
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(false);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Session summary">
      <p>
        {summary.status === "shared"
          ? `Shared with ${partner}. Changes you save are shared straight away.`
          : `What you covered, what was agreed and what comes next. ${partner} sees it once you share it.`}
      </p>
      <TextAreaField id="summary-body" label="Summary" value={body} onChange={setBody} rows={6} maxLength={20000} />
      {save.isError ? (
        <p className="field__error" role="alert">
          {isApiError(save.error, "version_conflict")
            ? "The summary changed elsewhere since you opened it. Reload the page to see it."
            : save.error.message}
        </p>
      ) : null}
      <div className="actions-row">
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {save.isPending && !save.variables ? "Saving…" : summary.status === "shared" ? "Save changes" : "Save draft"}
        </button>
        {summary.status !== "shared" ? (
          <button
            type="button"
            className="button button--primary"
            disabled={save.isPending || !body.trim()}
            onClick={() => save.mutate(true)}
          >
            {save.isPending && save.variables ? "Sharing…" : `Save and share with ${partner}`}
          </button>
        ) : null}
      </div>
    </form>
  );
}
