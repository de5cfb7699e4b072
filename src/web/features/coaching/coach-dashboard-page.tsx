import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { TableScroll } from "../../components/table-scroll";
import { browserTimeZone } from "../../lib/dates";
import { formatDay, formatSessionTime } from "../workspace/workspace-format";
import { type DashboardT, dashboardQuery } from "./coaching-api";
import { PHASE_LABELS, STAGE_LABELS } from "./coaching-labels";
import "./coaching.css";

/**
 * The coach's desk across every engagement: what needs them next. Each list links into the
 * engagement's workspace; empty lists say so rather than disappearing.
 */
export function CoachDashboardPage() {
  const query = useQuery(dashboardQuery);
  return (
    <>
      <PageHeading>Coaching</PageHeading>
      {query.isPending ? (
        <LoadingState label="Loading your coaching…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.engagements.length === 0 && query.data.awaitingMyAnswer.length === 0 && query.data.chemistryCalls.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No engagements yet</h2>
          <p>When a coachee chooses you or a coordinator assigns you, the engagement appears here with what needs you next.</p>
        </div>
      ) : (
        <Dashboard data={query.data} />
      )}
    </>
  );
}

function Dashboard({ data }: { data: DashboardT }) {
  const zone = browserTimeZone();
  return (
    <div className="two-columns">
      <div>
        {data.awaitingMyAnswer.length > 0 ? (
          <Panel id="answer" title="Waiting for your answer">
            <ul className="dashboard-list">
              {data.awaitingMyAnswer.map((a) => (
                <li key={a.engagementId}>
                  <Link to="/pairs/$pairId" params={{ pairId: a.engagementId }}>
                    {a.coachee}
                  </Link>{" "}
                  chose you in {a.programme}: accept or decline.
                </li>
              ))}
            </ul>
          </Panel>
        ) : null}
        <Panel id="agendas" title="Agendas to prepare" empty="Every agenda for the coming week is shared." items={data.agendasToPrepare}>
          {(s) => (
            <>
              <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId: s.engagementId, sessionId: s.sessionId }}>
                {s.coachee}, {formatSessionTime(s, zone)}
              </Link>
              {s.topics ? ` · ${s.topics} topic${s.topics === 1 ? "" : "s"} raised` : ""}
            </>
          )}
        </Panel>
        <Panel id="summaries" title="Summaries to write" empty="Every session so far has a shared summary." items={data.summariesToWrite}>
          {(s) => (
            <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId: s.engagementId, sessionId: s.sessionId }}>
              {s.coachee}, {formatSessionTime(s, zone)}
            </Link>
          )}
        </Panel>
        <Panel id="measurements" title="Measurements due" empty="No ratings are due." items={data.measurementsDue}>
          {(m) => (
            <>
              <Link to="/pairs/$pairId/outcomes" params={{ pairId: m.engagementId }}>
                {m.coachee}
              </Link>
              : {m.outcomes.length} outcome{m.outcomes.length === 1 ? "" : "s"} without a {PHASE_LABELS[m.phase].toLowerCase()} (
              {STAGE_LABELS[m.stage].toLowerCase()})
            </>
          )}
        </Panel>
        {data.exercisesOverdue.length > 0 ? (
          <Panel id="overdue" title="Exercises past their due date">
            <ul className="dashboard-list">
              {data.exercisesOverdue.map((x) => (
                <li key={x.engagementId}>
                  <Link to="/pairs/$pairId/exercises" params={{ pairId: x.engagementId }} search={{ status: "open" }}>
                    {x.coachee}
                  </Link>
                  : {x.count} open
                </li>
              ))}
            </ul>
          </Panel>
        ) : null}
      </div>
      <div>
        <Panel id="upcoming" title="Upcoming sessions" empty="Nothing booked in the next two weeks." items={data.upcoming}>
          {(s) => (
            <>
              <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId: s.engagementId, sessionId: s.sessionId }}>
                {formatSessionTime(s, zone)}
              </Link>{" "}
              with {s.coachee} · {s.agendaShared ? "agenda shared" : "agenda not shared"}
            </>
          )}
        </Panel>
        <Panel id="chemistry" title="Chemistry calls" empty="No chemistry calls planned." items={data.chemistryCalls}>
          {(c) => (
            <>
              {c.coachee},{" "}
              {formatSessionTime({ startsAt: c.at, endsAt: new Date(new Date(c.at).getTime() + c.minutes * 60_000).toISOString() }, zone)} ·{" "}
              {c.status}
            </>
          )}
        </Panel>
        <section className="card" aria-labelledby="engagements-title">
          <h2 id="engagements-title">Your engagements</h2>
          <TableScroll label="Your engagements">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Coachee</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">Ends</th>
                </tr>
              </thead>
              <tbody>
                {data.engagements.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to="/pairs/$pairId" params={{ pairId: e.id }}>
                        {e.coachee}
                      </Link>
                      <div className="data-table__sub">{e.programme}</div>
                    </td>
                    <td>{STAGE_LABELS[e.stage]}</td>
                    <td>
                      {e.used} of {e.sessions}
                    </td>
                    <td className="data-table__nowrap">{formatDay(e.endsOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      </div>
    </div>
  );
}

function Panel<T>({
  id,
  title,
  empty,
  items,
  children,
}: {
  id: string;
  title: string;
  empty?: string;
  items?: T[];
  children: ((item: T) => React.ReactNode) | React.ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title}
        {items ? ` (${items.length})` : ""}
      </h2>
      {items ? (
        items.length === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <ul className="dashboard-list">
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, rebuilt on every load
              <li key={i}>{typeof children === "function" ? children(item) : null}</li>
            ))}
          </ul>
        )
      ) : (
        (children as React.ReactNode)
      )}
    </section>
  );
}
