import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { ProgrammeSection } from "../programmes/programme-section";
import { type Programme, programmeQuery } from "../programmes/programmes-api";
import { FitScore, PublicProfile } from "./public-profile";
import { RequestDialog } from "./request-dialog";
import { type MentorCard, mentorsQuery, PAGE_SIZE, selfMatchKeys } from "./self-match-api";
import { sideWords } from "./self-match-labels";
import { SelfMatchUnavailable } from "./self-match-state";
import "./self-match.css";

const route = getRouteApi("/_app/programmes/$programmeId/find-a-mentor");

export function FindMentorPage() {
  const { programmeId } = route.useParams();
  const type = useQuery(programmeQuery(programmeId)).data?.type ?? "mentoring";
  return (
    <ProgrammeSection programmeId={programmeId} title={`Find a ${sideWords(type).giver}`} coordinatorsOnly={false}>
      {(programme) => <MentorList programme={programme} />}
    </ProgrammeSection>
  );
}

function MentorList({ programme }: { programme: Programme }) {
  const { page = 1 } = route.useSearch();
  const queryClient = useQueryClient();
  const query = useQuery(mentorsQuery(programme.id, page));
  const [asking, setAsking] = useState<MentorCard | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const words = sideWords(programme.type);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  if (!query.data) {
    if (query.isError) return <SelfMatchUnavailable error={query.error} programmeId={programme.id} onRetry={() => void query.refetch()} />;
    return <LoadingState label={`Loading ${words.givers}…`} />;
  }
  const data = query.data;
  const atLimit = data.pendingRequests >= data.requestLimit;

  return (
    <>
      <div role="status" className="flash-region">
        {sent ? (
          <div className="notice notice--success" tabIndex={-1} ref={sentRef}>
            <p>{sent}</p>
            <Link to="/programmes/$programmeId/my-requests" params={{ programmeId: programme.id }}>
              See your requests
            </Link>
          </div>
        ) : null}
      </div>
      <section aria-labelledby="find-how" className="card">
        <h2 id="find-how">How it works</h2>
        <p>
          These {words.givers} have a place and fit the programme's rules for you, best fit first. The fit and its reasons come from your
          answers and theirs. Ask up to {data.requestLimit} at once; each has {data.requestExpiryDays}{" "}
          {data.requestExpiryDays === 1 ? "day" : "days"} to answer. When one accepts, your other requests are withdrawn for you.
        </p>
        <p>
          <strong>
            {data.pendingRequests} of {data.requestLimit} requests waiting for an answer.
          </strong>{" "}
          <Link to="/programmes/$programmeId/my-requests" params={{ programmeId: programme.id }}>
            My requests
          </Link>
        </p>
        {atLimit ? (
          <p className="notice notice--warning">
            You have as many requests waiting as this programme allows. Withdraw one, or wait for an answer, to ask someone else.
          </p>
        ) : null}
      </section>

      <p className="results-count" role="status">
        {data.total === 0
          ? `No ${words.givers} to show`
          : `${data.total} ${data.total === 1 ? words.giver : `${words.givers}`} with a place, best fit first`}
      </p>
      {data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">Nobody to ask right now</h2>
          <p>
            Every {words.giver} is either full, paused, or ruled out by the programme's rules for you. Places open up as pairs form and end;
            your coordinator can help too.
          </p>
        </div>
      ) : (
        <ol className="card-list" aria-label={`${words.givers}, best fit first`} start={(page - 1) * PAGE_SIZE + 1}>
          {data.items.map((mentor) => (
            <li key={mentor.enrolmentId}>
              <article className="card mentor-card" aria-labelledby={`mentor-${mentor.enrolmentId}`}>
                <div className="mentor-card__head">
                  <h2 id={`mentor-${mentor.enrolmentId}`} className="mentor-card__name">
                    {mentor.name}
                  </h2>
                  <FitScore score={mentor.score} />
                  <span className="muted">
                    {mentor.placesLeft} {mentor.placesLeft === 1 ? "place" : "places"} left
                  </span>
                </div>
                <h3 className="visually-hidden">Why they may suit you</h3>
                <ul className="reasons">
                  {mentor.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
                <PublicProfile profile={mentor.profile} side="mentor" />
                <div className="actions-row actions-row--tight">
                  {mentor.myRequest?.status === "pending" ? (
                    <p className="badge badge--done">Request sent, waiting for an answer</p>
                  ) : mentor.myRequest?.status === "declined" ? (
                    <p className="muted">{mentor.name} declined your request in this programme.</p>
                  ) : (
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={atLimit}
                      onClick={() => {
                        setSent(null);
                        setAsking(mentor);
                      }}
                    >
                      Ask {mentor.name}
                    </button>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        label={`${words.giver} pages`}
        total={data.total}
        limit={data.limit}
        offset={data.offset}
        to={`/programmes/${programme.id}/find-a-mentor`}
        search={(target) => ({ page: target > 1 ? target : undefined })}
      />
      <RequestDialog
        programmeId={programme.id}
        mentor={asking}
        giver={words.giver}
        expiryDays={data.requestExpiryDays}
        onCancel={() => setAsking(null)}
        onSent={async (request) => {
          const message = `Request sent to ${request.mentor.name}. You'll get an email when they answer.`;
          setAsking(null);
          setSent(message);
          await queryClient.invalidateQueries({ queryKey: selfMatchKeys.all(programme.id) });
        }}
      />
    </>
  );
}
