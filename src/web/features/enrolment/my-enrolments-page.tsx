import { useQueries } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { useCurrentUser } from "../auth/session";
import { myEnrolmentQuery } from "./enrolment-api";
import { enrolmentStatusLabels, intakeRoleLabels } from "./enrolment-labels";
import { useMyParticipantProgrammes } from "./my-programmes";

/** Everything the person has applied to or takes part in, with where each stands. */
export function MyEnrolmentsPage() {
  const user = useCurrentUser();
  const { programmes, query } = useMyParticipantProgrammes(user);
  const enrolments = useQueries({ queries: programmes.map((programme) => myEnrolmentQuery(programme.id)) });

  return (
    <>
      <PageHeading>My enrolments</PageHeading>
      {query.isPending ? <LoadingState label="Loading your programmes…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && programmes.length === 0 ? (
        <div className="empty">
          <p>
            You haven't applied to any programme yet. When a coordinator shares an application link or invites you, it will show up here.
          </p>
        </div>
      ) : null}
      {programmes.length > 0 ? (
        <ul className="card-list">
          {programmes.map((programme, index) => {
            const enrolment = enrolments[index]?.data;
            return (
              <li key={programme.id}>
                <article className="card">
                  <h2 className="programme-card__title">
                    <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: programme.id }}>
                      {programme.name}
                    </Link>
                  </h2>
                  <p className="programme-card__meta">
                    {enrolment ? (
                      <>
                        <span className="badge">{intakeRoleLabels[enrolment.role]}</span>
                        <span className={`badge badge--enrolment-${enrolment.status}`}>{enrolmentStatusLabels[enrolment.status]}</span>
                        <span className="muted">
                          Onboarding {enrolment.training.completed} of {enrolment.training.total}
                        </span>
                      </>
                    ) : (
                      <span className="muted">Loading…</span>
                    )}
                  </p>
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
