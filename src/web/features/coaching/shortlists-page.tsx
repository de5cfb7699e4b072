import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { TableScroll } from "../../components/table-scroll";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import { SHORTLISTS_PER_PAGE, shortlistsQuery } from "./coaching-api";

const route = getRouteApi("/_app/programmes/$programmeId/coaching/shortlists");

const STATUS = { open: "Choosing", picked: "Chosen", withdrawn: "Replaced" } as const;

/** The coordinator's view of shortlists: who was offered whom, fit scores and chemistry calls, where each stands. */
export function ShortlistsPage() {
  const { programmeId } = route.useParams();
  const page = route.useSearch().page ?? 1;
  const query = useQuery(shortlistsQuery(programmeId, page));
  return (
    <ProgrammeSection programmeId={programmeId} title="Shortlists">
      {() =>
        query.isPending ? (
          <LoadingState label="Loading the shortlists…" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <div className="empty">
            <h2 className="empty__title">No shortlists yet</h2>
            <p>
              Make them from the{" "}
              <Link to="/programmes/$programmeId/coaching" params={{ programmeId }}>
                coaching overview
              </Link>
              .
            </p>
          </div>
        ) : (
          <>
            <TableScroll label="Shortlists">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Coachee</th>
                    <th scope="col">Coaches offered (fit, chemistry calls)</th>
                    <th scope="col">Status</th>
                    <th scope="col">Made</th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.items.map((s) => (
                    <tr key={s.id}>
                      <td>{s.coachee.name}</td>
                      <td>
                        <ul className="inline-list">
                          {s.coaches.map((c) => (
                            <li key={c.enrolmentId}>
                              {c.name} ({c.score}
                              {c.chemistryCalls ? `, ${c.chemistryCalls} call${c.chemistryCalls === 1 ? "" : "s"}` : ""})
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>{STATUS[s.status]}</td>
                      <td className="data-table__nowrap">{formatDateTime(s.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              total={query.data.total}
              limit={SHORTLISTS_PER_PAGE}
              offset={query.data.offset}
              to={`/programmes/${programmeId}/coaching/shortlists`}
              search={(p) => ({ page: p })}
              label="Pages of shortlists"
            />
          </>
        )
      }
    </ProgrammeSection>
  );
}
