import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { rulesFor } from "../../../core/programme-modes";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { ProposalResponse } from "../matching/proposal-response";
import { CalendarFeedPanel } from "./calendar-feed-panel";
import { type MyRelationship, myPairsQuery } from "./workspace-api";
import { pairStatusLabels, sideLabel } from "./workspace-format";
import "./workspace.css";

/** Every pair the person is in, on either side, with a way into each workspace. */
export function PairsPage() {
  const query = useQuery(myPairsQuery);
  const kinds = [...new Set((query.data ?? []).map((p) => rulesFor(p.programme.type).words.pairs))];
  const title = `My ${kinds.length ? kinds.join(" and ") : "pairs"}`;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {query.isPending ? (
        <LoadingState label="Loading your pairs…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No pairs yet</h2>
          <p>
            Once a programme matches you with someone — a mentor, a mentee, a coach or a coachee — they appear here with your shared
            workspace.
          </p>
        </div>
      ) : (
        <ul className="card-list" aria-label="Your pairs">
          {query.data.map((pair) => (
            <li key={pair.id}>
              <PairCard pair={pair} />
            </li>
          ))}
        </ul>
      )}
      <CalendarFeedPanel />
    </>
  );
}

function PairCard({ pair }: { pair: MyRelationship }) {
  const partnerRole = sideLabel(pair.side === "mentee" ? "mentor" : "mentee", pair.programme.type);
  const open = pair.status !== "proposed" && pair.status !== "declined";
  return (
    <article className="card pair-card" aria-labelledby={`pair-${pair.id}`}>
      <h2 className="pair-card__title" id={`pair-${pair.id}`}>
        {open ? (
          <Link to="/pairs/$pairId" params={{ pairId: pair.id }}>
            {pair.partner.name}
          </Link>
        ) : (
          pair.partner.name
        )}
      </h2>
      <p className="pair-card__meta">
        Your {partnerRole} in {pair.programme.name} ·{" "}
        <span className={`badge badge--pair-${pair.status}`}>
          {pairStatusLabels[pair.status]}
          {pair.status === "completed" && pair.continuing ? ", continuing" : ""}
        </span>
      </p>
      {pair.status === "proposed" ? <ProposedPairSlot pair={pair} /> : null}
      {open ? (
        <p className="pair-card__actions">
          <Link to="/pairs/$pairId" params={{ pairId: pair.id }} className="button button--secondary button--small">
            Open the {rulesFor(pair.programme.type).words.pair === "pair" ? "workspace" : rulesFor(pair.programme.type).words.pair}
            <span className="visually-hidden"> with {pair.partner.name}</span>
          </Link>
        </p>
      ) : null}
    </article>
  );
}

/** Answering a proposed pair (why, accept, decline with a reason) is the matching feature's part. */
function ProposedPairSlot({ pair }: { pair: MyRelationship }) {
  return (
    <div className="pair-card__proposal" data-slot="proposal-response">
      <ProposalResponse relationship={pair} embedded />
    </div>
  );
}
