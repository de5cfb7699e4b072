import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { rulesFor } from "../../../core/programme-modes";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { isApiError } from "../../lib/api";
import { describeTermLength, formatDate } from "../../lib/dates";
import { useCurrentUser } from "../auth/session";
import { myEnrolmentQuery } from "../enrolment/enrolment-api";
import { enrolmentStatusLabels } from "../enrolment/enrolment-labels";
import { ApplicationLinkPanel } from "./application-link-panel";
import { MembersSection } from "./members-section";
import { ProgrammeActions } from "./programme-actions";
import { cadenceLabels, programmeTypeHints, programmeTypeLabels, roleLabels } from "./programme-labels";
import { ProgrammeNav } from "./programme-nav";
import { canManageProgramme } from "./programme-permissions";
import { ProgrammeStatusControl } from "./programme-status-control";
import { type Programme, programmeQuery } from "./programmes-api";

const route = getRouteApi("/_app/programmes/$programmeId");

export function ProgrammeDetailPage() {
  const { programmeId } = route.useParams();
  const user = useCurrentUser();
  const query = useQuery(programmeQuery(programmeId));
  const programme = query.data;

  if (!programme) {
    if (query.isError) {
      const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
      return (
        <>
          <PageHeading>{missing ? "Programme not found" : "Programme"}</PageHeading>
          {missing ? (
            <p>This programme doesn't exist, or you are not part of it.</p>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )}
          <p>
            <Link to="/programmes">Back to programmes</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <PageHeading title="Programme">Programme</PageHeading>
        <LoadingState label="Loading the programme…" />
      </>
    );
  }

  const manage = canManageProgramme(user, programme);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/programmes">
          <span aria-hidden="true">← </span>All programmes
        </Link>
      </p>
      <PageHeading title={programme.name}>{programme.name}</PageHeading>
      <ProgrammeNav programme={programme} manage={manage} />

      <ProgrammeActions programme={programme} canManage={manage} />
      {manage ? null : <YourPlace programme={programme} />}

      <section aria-labelledby="programme-about" className="card">
        <h2 id="programme-about">About this programme</h2>
        <dl className="details">
          <div>
            <dt>Type</dt>
            <dd>
              {programmeTypeLabels[programme.type]}
              <p className="field__hint">{programmeTypeHints[programme.type]}</p>
            </dd>
          </div>
          <div>
            <dt>Term</dt>
            <dd>
              {formatDate(programme.termStart)} – {formatDate(programme.termEnd)}{" "}
              <span className="muted">({describeTermLength(programme.termStart, programme.termEnd)})</span>
            </dd>
          </div>
          <div>
            <dt>Your role</dt>
            <dd>{programme.myRole ? roleLabels[programme.myRole] : user.isAdmin ? "Instance admin (not a member)" : "Applicant"}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <ProgrammeStatusControl programme={programme} canManage={manage} />
            </dd>
          </div>
          <div>
            <dt>Sessions</dt>
            <dd>
              {rulesFor(programme.type).duration.kind === "package"
                ? "As each engagement's package says: so many sessions of so long within so many weeks."
                : `${cadenceLabels[programme.cadence]}, ${programme.sessionMinutes} minutes each`}
            </dd>
          </div>
          {programme.phases.length > 0 ? (
            <div>
              <dt>Phases</dt>
              <dd>
                <ol className="phases">
                  {programme.phases.map((phase) => (
                    <li key={phase.name}>
                      {phase.name}{" "}
                      <span className="muted">
                        ({phase.startWeek === phase.endWeek ? `week ${phase.startWeek}` : `weeks ${phase.startWeek}–${phase.endWeek}`})
                      </span>
                    </li>
                  ))}
                </ol>
              </dd>
            </div>
          ) : null}
          <div className="details__wide">
            <dt>Description</dt>
            <dd className="prose">{programme.description || <span className="muted">No description yet.</span>}</dd>
          </div>
        </dl>
      </section>

      {manage && programme.status !== "archived" ? <ApplicationLinkPanel programme={programme} /> : null}
      <MembersSection programme={programme} canManage={manage} />
    </>
  );
}

/** For participants and applicants: where they stand, and the way to their own page. */
function YourPlace({ programme }: { programme: Programme }) {
  const query = useQuery({ ...myEnrolmentQuery(programme.id), retry: false });
  if (!query.data) return null;
  const enrolment = query.data;
  return (
    <section aria-labelledby="programme-your-place" className="card">
      <h2 id="programme-your-place">Your place</h2>
      <p>
        Your application: <strong>{enrolmentStatusLabels[enrolment.status]}</strong>. Onboarding: {enrolment.training.completed} of{" "}
        {enrolment.training.total} done.
      </p>
      <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: programme.id }} className="button button--primary">
        Go to your enrolment
      </Link>
    </section>
  );
}
