import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { matchingKeys } from "../matching/matching-api";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { AcceptDialog, DeclineDialog } from "./answer-dialogs";
import { FitScore, PublicProfile } from "./public-profile";
import { type ReceivedRequest, receivedRequestsQuery, selfMatchKeys } from "./self-match-api";
import { requestStatusLabel, requestTiming, sideWords } from "./self-match-labels";
import { SelfMatchUnavailable } from "./self-match-state";
import "./self-match.css";

const route = getRouteApi("/_app/programmes/$programmeId/requests");

export function InboxPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Requests" coordinatorsOnly={false}>
      {(programme) => <Inbox programme={programme} />}
    </ProgrammeSection>
  );
}

function Inbox({ programme }: { programme: Programme }) {
  const { page = 1 } = route.useSearch();
  const queryClient = useQueryClient();
  const query = useQuery(receivedRequestsQuery(programme.id, page));
  const [accepting, setAccepting] = useState<ReceivedRequest | null>(null);
  const [declining, setDeclining] = useState<ReceivedRequest | null>(null);
  const [done, setDone] = useState<{ text: string; pairId?: string } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const words = sideWords(programme.type);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: selfMatchKeys.all(programme.id) });
    await queryClient.invalidateQueries({ queryKey: matchingKeys.mine });
  };

  if (!query.data) {
    if (query.isError) return <SelfMatchUnavailable error={query.error} programmeId={programme.id} onRetry={() => void query.refetch()} />;
    return <LoadingState label="Loading requests…" />;
  }
  const data = query.data;

  return (
    <>
      <div role="status" className="flash-region">
        {done ? (
          <div className="notice notice--success" tabIndex={-1} ref={doneRef}>
            <p>{done.text}</p>
            {done.pairId ? (
              <Link to="/pairs/$pairId" params={{ pairId: done.pairId }}>
                Open your pair's workspace
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <section aria-labelledby="inbox-places" className="card">
        <h2 id="inbox-places">Your places</h2>
        <p>
          <strong>
            {data.placesLeft} {data.placesLeft === 1 ? "place" : "places"} left
          </strong>
          , {data.pendingRequests} {data.pendingRequests === 1 ? "request" : "requests"} waiting for your answer. Unanswered requests lapse
          after {programme.requestExpiryDays} {programme.requestExpiryDays === 1 ? "day" : "days"}.
        </p>
        {data.paused ? (
          <p className="notice notice--warning">
            You are paused, so {words.receivers} can't send you new requests.{" "}
            <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: programme.id }}>
              Resume on your enrolment page
            </Link>
            .
          </p>
        ) : (
          <p className="muted">
            Too busy right now? You can pause on your{" "}
            <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: programme.id }}>
              enrolment page
            </Link>{" "}
            so nobody new asks.
          </p>
        )}
      </section>

      {data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No requests yet</h2>
          <p>
            When a {words.receiver} asks you to be their {words.giver}, their request appears here and you get an email.
          </p>
        </div>
      ) : (
        <ul className="card-list" aria-label="Requests, waiting ones first">
          {data.items.map((request) => (
            <li key={request.id}>
              <article className="card request-card" aria-labelledby={`request-${request.id}`}>
                <div className="mentor-card__head">
                  <h2 id={`request-${request.id}`} className="mentor-card__name">
                    {request.mentee.name}
                  </h2>
                  <span className={`badge request-status request-status--${request.status}`}>{requestStatusLabel(request.status)}</span>
                  <FitScore score={request.score} />
                </div>
                <p className="muted">{requestTiming(request)}</p>
                <blockquote className="quote">
                  <p className="muted">{request.mentee.name} wrote:</p>
                  <p className="prose">{request.message}</p>
                </blockquote>
                {request.reasons.length > 0 ? (
                  <>
                    <h3 className="request-card__sub">Why you may fit</h3>
                    <ul className="reasons">
                      {request.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <PublicProfile profile={request.mentee.profile} side="mentee" />
                {request.status === "declined" && request.declineReason ? (
                  <p>
                    <span className="muted">Your reason: </span>
                    {request.declineReason}
                  </p>
                ) : null}
                {request.closedReason ? <p>{request.closedReason}</p> : null}
                {request.status === "accepted" && request.relationshipId ? (
                  <p>
                    <Link to="/pairs/$pairId" params={{ pairId: request.relationshipId }}>
                      Open your pair with {request.mentee.name}
                    </Link>
                  </p>
                ) : null}
                {request.status === "pending" ? (
                  <div className="actions-row actions-row--tight">
                    <button type="button" className="button button--primary" onClick={() => setAccepting(request)}>
                      Accept {request.mentee.name}
                    </button>
                    <button type="button" className="button button--danger-outline" onClick={() => setDeclining(request)}>
                      Decline {request.mentee.name}
                    </button>
                  </div>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        label="Request pages"
        total={data.total}
        limit={data.limit}
        offset={data.offset}
        to={`/programmes/${programme.id}/requests`}
        search={(target) => ({ page: target > 1 ? target : undefined })}
      />
      <AcceptDialog
        request={accepting}
        placesLeft={data.placesLeft}
        pendingOthers={Math.max(0, data.pendingRequests - 1)}
        receiver={words.receiver}
        onCancel={() => setAccepting(null)}
        onAccepted={async (result) => {
          setAccepting(null);
          setDone({
            text: `You and ${result.request.mentee.name} are now a pair. We've emailed ${result.request.mentee.name}.`,
            pairId: result.relationshipId,
          });
          await refresh();
        }}
      />
      <DeclineDialog
        request={declining}
        onCancel={() => setDeclining(null)}
        onDeclined={async (declined) => {
          setDeclining(null);
          setDone({ text: `You declined ${declined.mentee.name}'s request. They have your reason.` });
          await refresh();
        }}
      />
    </>
  );
}
