import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { TableScroll } from "../../components/table-scroll";
import { ProgrammeSection } from "../programmes/programme-section";
import { coachesQuery } from "./coaching-api";

const route = getRouteApi("/_app/programmes/$programmeId/coaching/coaches");

/** The coordinator's list of coaches: credentials, specialisms, languages and how full each is. */
export function CoachesPage() {
  const { programmeId } = route.useParams();
  const query = useQuery(coachesQuery(programmeId));
  return (
    <ProgrammeSection programmeId={programmeId} title="Coaches">
      {() =>
        query.isPending ? (
          <LoadingState label="Loading the coaches…" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <div className="empty">
            <h2 className="empty__title">No approved coaches yet</h2>
            <p>Invite coaches or approve their applications; their profiles start from their intake answers.</p>
          </div>
        ) : (
          <TableScroll label="Coaches">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Coach</th>
                  <th scope="col">Credentials</th>
                  <th scope="col">Specialisms</th>
                  <th scope="col">Languages and zones</th>
                  <th scope="col">Engagements</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((c) => (
                  <tr key={c.enrolmentId}>
                    <td>
                      <Link
                        to="/programmes/$programmeId/coaching/coaches/$enrolmentId"
                        params={{ programmeId, enrolmentId: c.enrolmentId }}
                      >
                        {c.name}
                      </Link>
                      <div className="data-table__sub">{c.email}</div>
                    </td>
                    <td>{c.credentials.map((x) => [x.body, x.level, x.year].filter(Boolean).join(" ")).join("; ") || "—"}</td>
                    <td>{c.specialisms.join(", ") || "—"}</td>
                    <td>
                      {c.languages.join(", ")}
                      <div className="data-table__sub">{c.timeZones.map((z) => z.replaceAll("_", " ")).join(", ")}</div>
                    </td>
                    <td>
                      {c.engagements} of {c.capacity}
                      {c.paused ? <div className="data-table__sub">Paused</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )
      }
    </ProgrammeSection>
  );
}
