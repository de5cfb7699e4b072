import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { outcomesQuery, type SponsoredT } from "./coaching-api";
import { Agreement, MyRatings } from "./outcomes-page";

/** What the sponsor does: agree the outcomes, and rate the ones that ask for the sponsor. */
export function SponsorActions({ engagement }: { engagement: SponsoredT["items"][number] }) {
  const needsMe = (engagement.agreement.sponsor === false && !engagement.agreement.agreedAt) || engagement.outcomes.some((o) => o.iRate);
  const live = engagement.stage !== "completed" && engagement.stage !== "ended";
  const query = useQuery({ ...outcomesQuery(engagement.id), enabled: needsMe && live });
  if (!needsMe || !live) return null;
  if (query.isPending) return <LoadingState label="Loading what you can rate…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const board = query.data;
  const mine = board.outcomes.filter((o) => o.mine.group === "sponsor");
  return (
    <div className="coach-card__section">
      {!board.agreement.agreedAt && board.outcomes.length > 0 ? <Agreement pairId={engagement.id} board={board} /> : null}
      {mine.length > 0 ? (
        <section aria-label={`Your ratings for ${engagement.coachee}`}>
          {mine.map((o) => (
            <div key={`${o.id}-${o.version}`} className="outcome">
              <h4>{o.title}</h4>
              <MyRatings pairId={engagement.id} board={board} outcome={o} />
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}
