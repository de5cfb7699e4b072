import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { HEALTH_FLAG_LABELS } from "../../../core/growth/pair-health";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import { pairStatusLabels } from "../workspace/workspace-format";
import { PAIRS_HEALTH_PER_PAGE, type PairHealthT, type PairsHealthSort, pairsHealthQuery } from "./growth-api";
import "./growth.css";

const route = getRouteApi("/_app/programmes/$programmeId/pairs-health");

export const PAIRS_HEALTH_SORTS: { value: PairsHealthSort; label: string }[] = [
  { value: "risk", label: "Needing attention first" },
  { value: "last_session", label: "Longest without a session" },
  { value: "mentee", label: "Mentee name" },
];

/**
 * How each pair is doing, for coordinators: counts, dates and early warnings. Never what
 * a pair wrote — the API does not send it, so this page could not show it.
 */
export function PairsHealthPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Pair health"
      lead={() => (
        <p>
          Whether pairs meet and prepare, at a glance. You see dates, counts and flags; what a pair writes (agendas, notes, goals,
          reflections) stays between the two of them.
        </p>
      )}
    >
      {() => <HealthTable programmeId={programmeId} />}
    </ProgrammeSection>
  );
}

function HealthTable({ programmeId }: { programmeId: string }) {
  const { sort = "risk", page = 1, show } = route.useSearch();
  const query = useQuery(pairsHealthQuery(programmeId, sort, page, show === "all" ? "all" : "live"));
  const data = query.data;
  return (
    <>
      <nav aria-label="Sort pairs" className="filters">
        <ul>
          {PAIRS_HEALTH_SORTS.map((s) => (
            <li key={s.value}>
              <Link
                to="/programmes/$programmeId/pairs-health"
                params={{ programmeId }}
                search={{ sort: s.value === "risk" ? undefined : s.value, show }}
                aria-current={sort === s.value ? "page" : undefined}
                className="filters__link"
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Which pairs" className="filters">
        <ul>
          {(
            [
              [undefined, "Current pairs"],
              ["all", "All, including finished"],
            ] as const
          ).map(([value, label]) => (
            <li key={label}>
              <Link
                to="/programmes/$programmeId/pairs-health"
                params={{ programmeId }}
                search={{ sort: sort === "risk" ? undefined : sort, show: value }}
                aria-current={show === value ? "page" : undefined}
                className="filters__link"
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" className="results-count">
        {data ? `${data.total} ${data.total === 1 ? "pair" : "pairs"}${show === "all" ? "" : " current"}` : ""}
      </p>
      {query.isPending ? <LoadingState label="Loading pairs…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && data.total === 0 ? (
        <div className="empty">
          {show === "all" ? (
            <>
              <h2 className="empty__title">No pairs yet</h2>
              <p>Once pairs are published from matching, how each is doing shows up here.</p>
            </>
          ) : (
            <>
              <h2 className="empty__title">No current pairs</h2>
              <p>
                Proposed, active and paused pairs show here. Finished and ended pairs are under{" "}
                <Link to="/programmes/$programmeId/pairs-health" params={{ programmeId }} search={{ show: "all" }}>
                  all pairs
                </Link>
                .
              </p>
            </>
          )}
        </div>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
          <section className="table-scroll" aria-labelledby="health-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="health-caption">Pairs, {PAIRS_HEALTH_SORTS.find((s) => s.value === sort)?.label.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">Last session</th>
                  <th scope="col">Next session</th>
                  <th scope="col">Goals</th>
                  <th scope="col">Plan agreed</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <HealthRow key={p.relationshipId} pair={p} />
                ))}
              </tbody>
            </table>
          </section>
          <Pagination
            total={data.total}
            limit={PAIRS_HEALTH_PER_PAGE}
            offset={(page - 1) * PAIRS_HEALTH_PER_PAGE}
            to={`/programmes/${programmeId}/pairs-health`}
            search={(p) => ({ sort: sort === "risk" ? undefined : sort, page: p, show })}
            label="Pages of pairs"
          />
        </>
      ) : null}
    </>
  );
}

function HealthRow({ pair: p }: { pair: PairHealthT }) {
  return (
    <tr>
      <th scope="row">{p.mentee.name}</th>
      <td>{p.mentor.name}</td>
      <td>
        <span className={`badge badge--pair-${p.status}`}>{pairStatusLabels[p.status]}</span>
      </td>
      <td className="data-table__nowrap">
        {p.sessionsHeld} held
        {p.sessionsMissed > 0 ? <span className="data-table__sub">{p.sessionsMissed} missed</span> : null}
      </td>
      <td className="data-table__nowrap">
        {p.lastSessionAt ? formatDateTime(p.lastSessionAt) : "None yet"}
        {p.daysSinceLastSession !== null ? (
          <span className="data-table__sub">{p.daysSinceLastSession === 0 ? "today" : `${p.daysSinceLastSession} days ago`}</span>
        ) : null}
      </td>
      <td className="data-table__nowrap">{p.nextSessionAt ? formatDateTime(p.nextSessionAt) : "None booked"}</td>
      <td className="data-table__nowrap">
        {p.goals.count}
        {p.goals.averageProgress !== null ? <span className="data-table__sub">{p.goals.averageProgress}% on average</span> : null}
      </td>
      <td>{p.planAcknowledged ? "Yes" : "No"}</td>
      <td>
        {p.flags.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <ul className="health-flags">
            {p.flags.map((f) => (
              <li key={f} className="health-flag">
                {HEALTH_FLAG_LABELS[f]}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
