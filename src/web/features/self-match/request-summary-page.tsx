import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { REQUEST_STATUSES } from "../../../core/self-match/requests";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { requestSummaryQuery } from "./self-match-api";
import { localDay, requestStatusLabel, sideWords } from "./self-match-labels";
import "./self-match.css";

const route = getRouteApi("/_app/programmes/$programmeId/match-requests");

export function RequestSummaryPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Requests"
      lead={() => "How self-matching is going: counts and waiting times. What people write to each other stays between them."}
    >
      {(programme) => <Summary programme={programme} />}
    </ProgrammeSection>
  );
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

function Summary({ programme }: { programme: Programme }) {
  const query = useQuery(requestSummaryQuery(programme.id));
  const words = sideWords(programme.type);
  if (!query.data) {
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return <LoadingState label="Loading the request summary…" />;
  }
  const s = query.data;
  const total = REQUEST_STATUSES.reduce((sum, status) => sum + s.counts[status], 0);
  return (
    <>
      {programme.matchMode !== "self" ? (
        <p className="notice notice--warning">
          This programme pairs people through matching rounds. To let {words.receivers} ask {words.givers} themselves, choose "
          {words.receivers} request {words.givers}" under{" "}
          <Link to="/programmes/$programmeId/settings" params={{ programmeId: programme.id }}>
            Settings
          </Link>
          .
        </p>
      ) : null}
      <section aria-labelledby="summary-counts" className="card">
        <h2 id="summary-counts">Requests so far</h2>
        {total === 0 ? (
          <p>No requests yet.</p>
        ) : (
          <dl className="counts summary-counts">
            {REQUEST_STATUSES.map((status) => (
              <div key={status}>
                <dt>{requestStatusLabel(status)}</dt>
                <dd>{s.counts[status]}</dd>
              </div>
            ))}
          </dl>
        )}
        <p>
          {s.oldestPendingDays === null
            ? "Nothing is waiting for an answer."
            : `The oldest open request has waited ${days(Math.floor(s.oldestPendingDays))}.`}{" "}
          {s.menteesWithoutRequest} approved {s.menteesWithoutRequest === 1 ? words.receiver : `${words.receivers}`} without a {words.giver}{" "}
          {s.menteesWithoutRequest === 1 ? "has" : "have"} no request waiting.
        </p>
      </section>
      <section aria-labelledby="summary-unanswered" className="card">
        <h2 id="summary-unanswered">Waiting a long time</h2>
        <p className="muted">
          Open requests past half of their {days(programme.requestExpiryDays)}: a word with the {words.giver} may help.
        </p>
        {s.unanswered.length === 0 ? (
          <p>None right now.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
          <section className="table-scroll" aria-labelledby="unanswered-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="unanswered-caption" className="visually-hidden">
                Open requests waiting a long time
              </caption>
              <thead>
                <tr>
                  <th scope="col">{words.receiver === "mentee" ? "Mentee" : "Coachee"}</th>
                  <th scope="col">{words.giver === "mentor" ? "Mentor" : "Coach"}</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Lapses</th>
                </tr>
              </thead>
              <tbody>
                {s.unanswered.map((u) => (
                  <tr key={u.id}>
                    <td>{u.mentee.name}</td>
                    <td>{u.mentor.name}</td>
                    <td className="data-table__nowrap">{localDay(u.createdAt)}</td>
                    <td className="data-table__nowrap">{days(Math.floor(u.ageDays))}</td>
                    <td className="data-table__nowrap">{localDay(u.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {s.unansweredTotal > s.unanswered.length ? (
          <p className="muted">
            Showing the {s.unanswered.length} oldest of {s.unansweredTotal}.
          </p>
        ) : null}
      </section>
    </>
  );
}
