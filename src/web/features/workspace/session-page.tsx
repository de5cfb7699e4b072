import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useRef } from "react";
import { hasFeature } from "../../../core/programme-modes";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { isApiError } from "../../lib/api";
import { SummarySection } from "../coaching/summary-section";
import { AgendaSection } from "./agenda-section";
import { NotesEditor } from "./notes-editor";
import { SessionActions } from "./session-actions";
import { overviewQuery, sessionQuery } from "./workspace-api";
import { formatInstant, formatSessionTime, sessionLocalTime, sessionStatusLabels, zoneLabel } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

const route = getRouteApi("/_app/pairs/$pairId/sessions/$sessionId");

/** One session: when and where, what can be done with it, its agenda, notes and action items. */
export function SessionPage() {
  const { pairId, sessionId } = route.useParams();
  const query = useQuery(sessionQuery(pairId, sessionId));
  const overview = useQuery(overviewQuery(pairId));
  const zone = useViewerTimeZone(pairId);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const back = (
    <p className="breadcrumb">
      <Link to="/pairs/$pairId/sessions" params={{ pairId }}>
        <span aria-hidden="true">← </span>All sessions
      </Link>
    </p>
  );
  if (!query.data || !overview.data) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <>
        {back}
        <PageHeading>{missing ? "Session not found" : "Session"}</PageHeading>
        {query.isError ? (
          missing ? (
            <p>This session does not exist in your workspace.</p>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )
        ) : (
          <LoadingState label="Loading the session…" />
        )}
      </>
    );
  }
  const s = query.data;
  const r = overview.data.relationship;
  return (
    <>
      {back}
      <PageHeading title={`${s.title} · ${formatSessionTime(s, zone)}`}>{s.title}</PageHeading>
      <dl className="details card session__facts">
        <div>
          <dt>When</dt>
          <dd>
            {formatSessionTime(s, zone)} <span className="muted">({zoneLabel(zone)})</span>
            {s.timeZone !== zone ? <div className="muted">Planned as {sessionLocalTime(s)}</div> : null}
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {s.location ? (
              /^https?:\/\//.test(s.location) ? (
                <a href={s.location} rel="noreferrer" target="_blank">
                  {s.location}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                s.location
              )
            ) : (
              <span className="muted">Not set</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <p ref={statusRef} tabIndex={-1} className="session__status">
              <span className={`badge badge--session-${s.status}`}>{sessionStatusLabels[s.status]}</span>
              {s.status === "cancelled"
                ? ` by ${s.cancelledBy === r.side ? "you" : r.partner.name}${s.cancelledAt ? ` on ${formatInstant(s.cancelledAt, zone)}` : ""}${s.lateCancellation ? ", with less notice than your plan asks (a late cancellation)" : ""}`
                : ""}
            </p>
          </dd>
        </div>
        {s.cancellationRule.noticeHours !== null && s.status === "scheduled" ? (
          <div>
            <dt>Cancelling</dt>
            <dd>
              Your plan asks for {s.cancellationRule.noticeHours} hours' notice.
              {s.cancellationRule.lateIfCancelledNow ? " Cancelling now would count as late." : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      {r.writable ? <SessionActions pairId={pairId} session={s} onChanged={() => statusRef.current?.focus()} /> : null}
      <AgendaSection
        pairId={pairId}
        sessionId={sessionId}
        side={r.side}
        partner={r.partner.name}
        writable={r.writable}
        open={s.status !== "cancelled"}
        type={r.programme.type}
      />
      {hasFeature(r.programme.type, "summaries") && s.status !== "cancelled" ? (
        <SummarySection pairId={pairId} sessionId={sessionId} started={new Date(s.startsAt) <= new Date()} partner={r.partner.name} />
      ) : null}
      <div className="two-columns two-columns--even">
        {hasFeature(r.programme.type, "sharedNotes") ? (
          <NotesEditor pairId={pairId} sessionId={sessionId} kind="shared" writable={r.writable} />
        ) : null}
        <NotesEditor pairId={pairId} sessionId={sessionId} kind="private" writable={r.writable} />
      </div>
    </>
  );
}
