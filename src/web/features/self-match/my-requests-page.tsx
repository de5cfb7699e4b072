import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { reasonForMentee } from "../../../core/self-match/requests";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { myRelationshipsQuery } from "../matching/matching-api";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { type SentRequest, selfMatchKeys, sentRequestsQuery, withdrawRequest } from "./self-match-api";
import { localDay, requestStatusLabel, requestTiming, sideWords } from "./self-match-labels";
import { SelfMatchUnavailable } from "./self-match-state";
import "./self-match.css";

const route = getRouteApi("/_app/programmes/$programmeId/my-requests");

export function MyRequestsPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="My requests" coordinatorsOnly={false}>
      {(programme) => <Requests programme={programme} />}
    </ProgrammeSection>
  );
}

function Requests({ programme }: { programme: Programme }) {
  const { page = 1 } = route.useSearch();
  const queryClient = useQueryClient();
  const query = useQuery(sentRequestsQuery(programme.id, page));
  const pairs = useQuery(myRelationshipsQuery);
  const [withdrawing, setWithdrawing] = useState<SentRequest | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const words = sideWords(programme.type);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const withdraw = useMutation({
    mutationFn: (request: SentRequest) => withdrawRequest(request.id),
    onSuccess: async (request) => {
      setWithdrawing(null);
      setDone(`Your request to ${request.mentor.name} is withdrawn. They have been told.`);
      await queryClient.invalidateQueries({ queryKey: selfMatchKeys.all(programme.id) });
    },
  });

  if (!query.data) {
    if (query.isError) return <SelfMatchUnavailable error={query.error} programmeId={programme.id} onRetry={() => void query.refetch()} />;
    return <LoadingState label="Loading your requests…" />;
  }
  const data = query.data;
  const pair = pairs.data?.find(
    (p) => p.programme.id === programme.id && p.side === "mentee" && ["proposed", "active", "paused"].includes(p.status),
  );

  return (
    <>
      <div role="status" className="flash-region">
        {done ? (
          <div className="notice notice--success" tabIndex={-1} ref={doneRef}>
            <p>{done}</p>
          </div>
        ) : null}
      </div>
      {pair ? (
        <section aria-labelledby="my-pair" className="card status-card status-card--approved">
          <h2 id="my-pair">You are paired with {pair.partner.name}</h2>
          <p>
            {pair.startedAt ? `Your pair started on ${localDay(pair.startedAt)}. ` : ""}
            You lead from here: suggest a first meeting and what you would like to talk about. You can reach {pair.partner.name} at{" "}
            <a href={`mailto:${pair.partner.email}`}>{pair.partner.email}</a>.
          </p>
          {pair.matchReasons.length > 0 ? (
            <>
              <h3>Why you fit</h3>
              <ul className="reasons">
                {pair.matchReasons.map((reason) => (
                  <li key={reason}>{reasonForMentee(reason)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <Link to="/pairs/$pairId" params={{ pairId: pair.id }} className="button button--primary">
            Open your pair's workspace
          </Link>
        </section>
      ) : (
        <p>
          <strong>
            {data.pendingRequests} of {data.requestLimit} requests waiting for an answer.
          </strong>{" "}
          <Link to="/programmes/$programmeId/find-a-mentor" params={{ programmeId: programme.id }}>
            Find a {words.giver}
          </Link>
        </p>
      )}

      {data.total === 0 ? (
        <div className="empty">
          <h2 className="empty__title">You haven't asked anyone yet</h2>
          <p>Look through the {words.givers} with a place, best fit first, and ask the ones you'd like to learn from.</p>
          <Link to="/programmes/$programmeId/find-a-mentor" params={{ programmeId: programme.id }} className="button button--primary">
            Find a {words.giver}
          </Link>
        </div>
      ) : (
        <ul className="card-list" aria-label="Your requests, open ones first">
          {data.items.map((request) => (
            <li key={request.id}>
              <article className="card request-card" aria-labelledby={`request-${request.id}`}>
                <div className="mentor-card__head">
                  <h2 id={`request-${request.id}`} className="mentor-card__name">
                    {request.mentor.name}
                  </h2>
                  <span className={`badge request-status request-status--${request.status}`}>{requestStatusLabel(request.status)}</span>
                </div>
                <p className="muted">{requestTiming(request)}</p>
                {request.status === "declined" && request.declineReason ? (
                  <blockquote className="quote">
                    <p className="muted">{request.mentor.name}'s reason:</p>
                    <p className="prose">{request.declineReason}</p>
                  </blockquote>
                ) : null}
                {request.closedReason ? <p>{request.closedReason}</p> : null}
                {request.status === "accepted" ? (
                  <p>
                    {request.mentor.name} accepted: you are a pair.{" "}
                    {request.relationshipId ? (
                      <Link to="/pairs/$pairId" params={{ pairId: request.relationshipId }}>
                        Open your pair
                      </Link>
                    ) : null}
                  </p>
                ) : null}
                <details className="request-message">
                  <summary>Your message</summary>
                  <p className="prose">{request.message}</p>
                </details>
                {request.status === "pending" ? (
                  <div className="actions-row actions-row--tight">
                    <button type="button" className="button button--danger-outline" onClick={() => setWithdrawing(request)}>
                      Withdraw request to {request.mentor.name}
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
        to={`/programmes/${programme.id}/my-requests`}
        search={(target) => ({ page: target > 1 ? target : undefined })}
      />
      <ConfirmDialog
        open={withdrawing !== null}
        title={withdrawing ? `Withdraw your request to ${withdrawing.mentor.name}?` : ""}
        confirmLabel="Withdraw request"
        pendingLabel="Withdrawing…"
        variant="danger"
        pending={withdraw.isPending}
        error={withdraw.isError ? <p>{withdraw.error.message}</p> : null}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing)}
        onCancel={() => {
          withdraw.reset();
          setWithdrawing(null);
        }}
      >
        <p>
          {withdrawing?.mentor.name} will be told you withdrew, and the request stops counting towards your limit. You can ask them again
          later.
        </p>
      </ConfirmDialog>
    </>
  );
}
