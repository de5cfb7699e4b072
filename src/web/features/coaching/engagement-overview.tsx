import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { LifecycleActions } from "../workspace/lifecycle-actions";
import { type WorkspaceOverview, workspaceKeys } from "../workspace/workspace-api";
import { formatDay, formatSessionTime, zoneLabel } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import { coachingKeys, completeEngagement, type EngagementT, engagementQuery } from "./coaching-api";
import { CLOSING_LABELS, STAGE_LABELS, sessionsLeft } from "./coaching-labels";
import "./coaching.css";

/**
 * The front page of a coaching engagement: where it stands (contracting, under way,
 * closing), the package and what is left of it, the outcomes' agreement and measurement,
 * the next session, and for the coach the completion.
 */
export function EngagementOverview({ pairId, overview }: { pairId: string; overview: WorkspaceOverview }) {
  const query = useQuery(engagementQuery(pairId));
  const zone = useViewerTimeZone(pairId);
  if (query.isPending) return <LoadingState label="Loading the engagement…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  const coach = e.myRole === "coach";
  return (
    <div className="two-columns">
      <div>
        <section className="card" aria-labelledby="stage-title">
          <h2 id="stage-title">
            <span className={`badge badge--stage-${e.stage}`}>{STAGE_LABELS[e.stage]}</span>
          </h2>
          <StageAdvice engagement={e} />
        </section>

        <section className="card" aria-labelledby="package-title">
          <h2 id="package-title">Package: {e.package.name}</h2>
          <dl className="details">
            <div>
              <dt>Sessions</dt>
              <dd>{sessionsLeft(e.package)}</dd>
            </div>
            <div>
              <dt>Length</dt>
              <dd>{e.package.sessionMinutes} minutes each</dd>
            </div>
            <div>
              <dt>Period</dt>
              <dd>
                {formatDay(e.package.startDate)} to {formatDay(e.package.endsOn)}
              </dd>
            </div>
            <div>
              <dt>Sponsor</dt>
              <dd>{e.sponsor ? `${e.sponsor.name ?? e.sponsor.email}${e.sponsor.joined ? "" : " (invited, not joined yet)"}` : "None"}</dd>
            </div>
          </dl>
          {e.extensions.length > 0 ? (
            <>
              <h3>Extensions</h3>
              <ul>
                {e.extensions.map((x) => (
                  <li key={x.at}>
                    {[
                      x.sessions ? `${x.sessions} more session${x.sessions === 1 ? "" : "s"}` : "",
                      x.weeks ? `${x.weeks} more week${x.weeks === 1 ? "" : "s"}` : "",
                    ]
                      .filter(Boolean)
                      .join(" and ")}{" "}
                    on {formatDay(x.at.slice(0, 10))}
                    {x.by ? ` by ${x.by}` : ""}: <span className="prose">{x.reason}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="muted">Chemistry calls before the engagement never count against the package.</p>
        </section>
      </div>

      <div>
        <section className="card" aria-labelledby="next-title">
          <h2 id="next-title">Next session</h2>
          {overview.nextSession ? (
            <>
              <p>
                <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId, sessionId: overview.nextSession.id }}>
                  {formatSessionTime(overview.nextSession, zone)}
                </Link>
              </p>
              <p className="muted">Times in {zoneLabel(zone)}.</p>
            </>
          ) : (
            <p>
              Nothing booked.{" "}
              {e.writable && e.package.remaining > 0 ? (
                <Link to="/pairs/$pairId/sessions" params={{ pairId }}>
                  Schedule a session
                </Link>
              ) : null}
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">Outcomes</h2>
          <p>
            {e.outcomes.total === 0
              ? "No outcomes yet: they are agreed at contracting."
              : `${e.outcomes.total} outcome${e.outcomes.total === 1 ? "" : "s"}: ${e.outcomes.withBaseline} with a baseline, ${e.outcomes.withFinal} with a final measurement.`}
          </p>
          <p>
            {e.agreement.agreedAt
              ? "Agreed by everyone."
              : `Agreed so far by: ${[e.agreement.coach && "the coach", e.agreement.coachee && "the coachee", e.agreement.sponsor && "the sponsor"].filter(Boolean).join(", ") || "nobody yet"}.`}
          </p>
          <p>
            <Link to="/pairs/$pairId/outcomes" params={{ pairId }}>
              Open the outcomes
            </Link>
          </p>
        </section>

        {coach && e.writable ? <CompleteEngagement engagement={e} /> : null}
        {e.writable ? <LifecycleActions pairId={pairId} overview={overview} /> : null}
      </div>
    </div>
  );
}

function StageAdvice({ engagement: e }: { engagement: EngagementT }) {
  const coach = e.myRole === "coach";
  if (e.stage === "contracting")
    return (
      <p>
        {coach
          ? "Agree up to five outcomes with your coachee (and the sponsor): how each is measured, its baseline and its target. Start the session plan from a template."
          : "In your first session you and your coach agree what you want to change, how it is measured, where you start and where you want to get to."}
      </p>
    );
  if (e.stage === "in_progress") return <p>The outcomes are agreed. Sessions follow the coach's plan; exercises happen in between.</p>;
  if (e.stage === "closing")
    return (
      <p>
        This engagement is closing: {e.closingReason ? CLOSING_LABELS[e.closingReason] : "it is nearly over"}.{" "}
        {coach ? "Record the final measurements, then complete it." : "Give your final ratings so your coach can complete it."}
      </p>
    );
  if (e.stage === "completed") return <p>Complete. The outcomes show where you started, where you aimed and where you ended.</p>;
  return <p>This engagement is no longer running.</p>;
}

/** The coach completes the engagement; the server refuses (422) until every outcome has its final, naming each. */
function CompleteEngagement({ engagement }: { engagement: EngagementT }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const complete = useMutation({
    mutationFn: () => completeEngagement(engagement.id),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: coachingKeys.engagement(engagement.id) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(engagement.id) });
      announce("The engagement is complete. Everything is now read-only.");
      headingRef.current?.focus();
    },
  });
  const missing = isApiError(complete.error, "finals_missing")
    ? ((complete.error.details as { missing?: { id: string; title: string }[] }).missing ?? [])
    : [];
  return (
    <section className="card" aria-labelledby="complete-title">
      <h2 id="complete-title" ref={headingRef} tabIndex={-1}>
        Completing the engagement
      </h2>
      <p className="muted">An engagement completes when every outcome has its final measurement. After that it is read-only.</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          complete.reset();
          setOpen(true);
        }}
      >
        Complete the engagement
      </button>
      <ConfirmDialog
        open={open}
        title="Complete the engagement?"
        confirmLabel="Complete"
        pendingLabel="Completing…"
        pending={complete.isPending}
        error={
          complete.isError ? (
            missing.length > 0 ? (
              <>
                <p>{complete.error.message}</p>
                <ul aria-label="Outcomes without a final measurement">
                  {missing.map((o) => (
                    <li key={o.id}>{o.title}</li>
                  ))}
                </ul>
              </>
            ) : (
              complete.error.message
            )
          ) : undefined
        }
        onConfirm={() => complete.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>
          Sessions still booked are cancelled in both calendars, and the coachee and the sponsor are told. Nothing can be changed
          afterwards.
        </p>
      </ConfirmDialog>
    </section>
  );
}
