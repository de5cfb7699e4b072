import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { ScheduleDialog } from "./schedule-dialog";
import { overviewQuery, SESSIONS_PER_PAGE, type Session, sessionsQuery } from "./workspace-api";
import { agendaLabels, formatSessionTime, sessionLocalTime, sessionStatusLabels, zoneLabel } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

const route = getRouteApi("/_app/pairs/$pairId/sessions");

export function SessionsPage() {
  const { pairId } = route.useParams();
  const { when = "upcoming", page = 1 } = route.useSearch();
  const overview = useQuery(overviewQuery(pairId));
  const query = useQuery(sessionsQuery(pairId, when, page));
  const zone = useViewerTimeZone(pairId);
  const [scheduling, setScheduling] = useState(false);
  const r = overview.data?.relationship;
  return (
    <>
      <PageHeading title={`Sessions · ${r?.partner.name ?? "Workspace"}`}>Sessions</PageHeading>
      <div className="toolbar">
        <nav className="filters" aria-label="Which sessions">
          <ul className="inline-list">
            {(["upcoming", "past"] as const).map((w) => (
              <li key={w}>
                <Link
                  to="/pairs/$pairId/sessions"
                  params={{ pairId }}
                  search={{ when: w }}
                  className="filters__link"
                  aria-current={when === w ? "page" : undefined}
                >
                  {w === "upcoming" ? "Upcoming" : "Past"}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {r?.writable ? (
          <button type="button" className="button button--primary" onClick={() => setScheduling(true)}>
            Schedule a session
          </button>
        ) : null}
      </div>
      <p className="muted">Times in {zoneLabel(zone)}.</p>
      {query.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">{when === "upcoming" ? "No sessions planned" : "No past sessions"}</h2>
          <p>
            {when === "upcoming"
              ? "Schedule your next session, or a weekly series from your plan. You both get a calendar invitation."
              : "Sessions you have had show up here, and you can log one you held before using Grove."}
          </p>
        </div>
      ) : (
        <>
          <p className="results-count" role="status">
            {query.data.total} {when} session{query.data.total === 1 ? "" : "s"}
          </p>
          <ul className="session-list">
            {query.data.items.map((s) => (
              <SessionRow key={s.id} pairId={pairId} session={s} zone={zone} />
            ))}
          </ul>
          <Pagination
            total={query.data.total}
            limit={SESSIONS_PER_PAGE}
            offset={(page - 1) * SESSIONS_PER_PAGE}
            to={`/pairs/${pairId}/sessions`}
            search={(p) => ({ when, page: p })}
            label="Pages of sessions"
          />
        </>
      )}
      {overview.data && scheduling ? (
        <ScheduleDialog pairId={pairId} overview={overview.data} onClose={() => setScheduling(false)} />
      ) : null}
    </>
  );
}

function SessionRow({ pairId, session: s, zone }: { pairId: string; session: Session; zone: string }) {
  return (
    <li className={`session-row session-row--${s.status}`}>
      <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId, sessionId: s.id }} className="session-row__when">
        {formatSessionTime(s, zone)}
      </Link>
      <span className="session-row__title">{s.title}</span>
      {s.timeZone !== zone ? <span className="muted">({sessionLocalTime(s)})</span> : null}
      <span className="session-row__meta">
        <span className={`badge badge--session-${s.status}`}>
          {sessionStatusLabels[s.status]}
          {s.status === "cancelled" && s.lateCancellation ? " late" : ""}
        </span>{" "}
        {s.status === "scheduled" ? <span className="muted">{agendaLabels[s.agenda]}</span> : null}
      </span>
    </li>
  );
}
