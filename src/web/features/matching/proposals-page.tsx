import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { myRelationshipsQuery } from "./matching-api";
import { ProposalResponse } from "./proposal-response";
import "./matching.css";

/**
 * The matches proposed to the signed-in person, to accept or decline. A pair answered
 * here stays on the page (with its new state) until the person leaves, so the result of
 * pressing a button never vanishes from under them.
 */
export function ProposalsPage() {
  const query = useQuery(myRelationshipsQuery);
  const [answered, setAnswered] = useState<Set<string>>(new Set());
  const shown = (query.data ?? []).filter((r) => r.status === "proposed" || answered.has(r.id));

  return (
    <>
      <PageHeading>Match proposals</PageHeading>
      <p className="lead">
        Your programme suggests who to pair you with and why. Accept to begin, or decline with a reason for your coordinator.
      </p>
      {query.isPending ? <LoadingState label="Loading your proposals…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && shown.length === 0 ? (
        <div className="empty">
          <p className="empty__title">No proposals waiting for you.</p>
          <p>
            When a coordinator publishes a match for you, it appears here and you get an email.{" "}
            <Link to="/programmes">Your programmes</Link>
          </p>
        </div>
      ) : null}
      {shown.map((relationship) => (
        <ProposalResponse
          key={relationship.id}
          relationship={relationship}
          onAnswered={() => setAnswered((current) => new Set(current).add(relationship.id))}
        />
      ))}
    </>
  );
}
