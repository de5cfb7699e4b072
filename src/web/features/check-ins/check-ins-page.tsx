import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { CHECK_IN_OUTCOME_LABELS, CHECK_IN_WITH_LABELS } from "../../../core/support/check-ins";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { formatDate } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { CHECK_INS_PER_PAGE, type CheckInPlanPageT, checkInPlanQuery } from "./check-ins-api";
import "../surveys/surveys.css";

const route = getRouteApi("/_app/programmes/$programmeId/check-ins");

const STATE_LABELS: Record<CheckInPlanPageT["items"][number]["planned"][number]["state"], string> = {
  done: "Done",
  due: "Due this week",
  overdue: "Overdue",
  upcoming: "To come",
  before_pair: "Before the pair started",
};

/** The check-in plan and log: every current pair, each planned check-in's state, the last outcome and the next follow-up. */
export function CheckInsPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Check-ins"
      lead={() => (
        <p>
          A short conversation or message with each pair at the planned weeks. Your notes are yours and the other coordinators'; the pair
          never sees them. Change the weeks under{" "}
          <Link to="/programmes/$programmeId/support-settings" params={{ programmeId }}>
            Support settings
          </Link>
          .
        </p>
      )}
    >
      {(programme) => <Plan programme={programme} />}
    </ProgrammeSection>
  );
}

function Plan({ programme }: { programme: Programme }) {
  const { page = 1, show } = route.useSearch();
  const query = useQuery(checkInPlanQuery(programme.id, page, show ?? "all"));
  const data = query.data;
  return (
    <>
      <nav aria-label="Which pairs" className="filters">
        <ul>
          {(
            [
              [undefined, "All current pairs"],
              ["attention", "Due or overdue"],
            ] as const
          ).map(([value, label]) => (
            <li key={label}>
              <Link
                to="/programmes/$programmeId/check-ins"
                params={{ programmeId: programme.id }}
                search={{ show: value }}
                aria-current={show === value ? "page" : undefined}
                className="filters__link"
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {data ? (
        <p className="results-count" role="status">
          {data.total} {data.total === 1 ? "pair" : "pairs"} · planned in week{data.plan.length === 1 ? "" : "s"}{" "}
          {data.plan.map((p) => `${p.week} (${CHECK_IN_WITH_LABELS[p.with].toLowerCase()})`).join(", ") || "none"}
        </p>
      ) : null}
      {query.isPending ? <LoadingState label="Loading the check-in plan…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data && data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">{show === "attention" ? "Nothing due" : "No current pairs"}</h2>
          <p>
            {show === "attention" ? "Every planned check-in so far is done." : "Once pairs are meeting, their planned check-ins show here."}
          </p>
        </div>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
          <section className="table-scroll" aria-labelledby="plan-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="plan-caption">Check-ins by pair, overdue first</caption>
              <thead>
                <tr>
                  <th scope="col">Pair</th>
                  {data.plan.map((p) => (
                    <th scope="col" key={p.week}>
                      Week {p.week}
                    </th>
                  ))}
                  <th scope="col">Last check-in</th>
                  <th scope="col">Follow-up</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr key={row.relationshipId}>
                    <th scope="row">
                      <Link
                        to="/programmes/$programmeId/check-ins/$relationshipId"
                        params={{ programmeId: programme.id, relationshipId: row.relationshipId }}
                      >
                        {row.mentee.name} and {row.mentor.name}
                      </Link>
                      {row.status === "paused" ? <span className="data-table__sub">Paused</span> : null}
                    </th>
                    {row.planned.map((p) => (
                      <td key={p.week} className="data-table__nowrap">
                        <span className={`badge badge--check-in-${p.state}`}>{STATE_LABELS[p.state]}</span>
                        {p.state === "overdue" || p.state === "due" ? (
                          <span className="data-table__sub">by {formatDate(p.dueOn)}</span>
                        ) : null}
                      </td>
                    ))}
                    <td className="data-table__nowrap">
                      {row.lastCheckIn ? (
                        <>
                          {formatDate(row.lastCheckIn.happenedOn)}
                          <span className="data-table__sub">{CHECK_IN_OUTCOME_LABELS[row.lastCheckIn.outcome]}</span>
                        </>
                      ) : (
                        <span className="muted">None yet</span>
                      )}
                    </td>
                    <td className="data-table__nowrap">{row.followUpOn ? formatDate(row.followUpOn) : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Pagination
            total={data.total}
            limit={CHECK_INS_PER_PAGE}
            offset={(page - 1) * CHECK_INS_PER_PAGE}
            to={`/programmes/${programme.id}/check-ins`}
            search={(p) => ({ page: p, show })}
            label="Pages of pairs"
          />
        </>
      ) : null}
    </>
  );
}
