import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { formatDateTime } from "../../lib/dates";
import { roundsQuery } from "./matching-api";
import { FACTORS, factorLabels, formatScore, roundStatusLabels } from "./matching-labels";
import "./matching.css";

/** Every round of the programme, newest first: drafts to review, the published one, discarded ones. */
export function RoundsList({ programmeId }: { programmeId: string }) {
  const query = useQuery(roundsQuery(programmeId));
  const rounds = query.data;

  return (
    <section aria-labelledby="rounds-title" className="card" aria-busy={query.isFetching || undefined}>
      <h2 id="rounds-title">Rounds</h2>
      {query.isPending ? <LoadingState label="Loading the rounds…" /> : null}
      {query.isError && !rounds ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {rounds && rounds.length === 0 ? (
        <div className="empty">
          <p className="empty__title">No rounds yet.</p>
          <p>Run the engine above. Each run is kept as a draft; nobody hears anything until you publish one.</p>
        </div>
      ) : null}
      {rounds && rounds.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it
        <section className="table-scroll table-scroll--contained" aria-labelledby="rounds-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="rounds-caption" className="visually-hidden">
              Matching rounds, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Matched</th>
                <th scope="col">Average score</th>
                <th scope="col">Settings</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Link to="/programmes/$programmeId/matching/$roundId" params={{ programmeId, roundId: round.id }}>
                      {formatDateTime(round.createdAt)}
                      <span className="visually-hidden"> ({roundStatusLabels[round.status]})</span>
                    </Link>
                  </th>
                  <td>
                    <span className={`badge badge--round-${round.status}`}>{roundStatusLabels[round.status]}</span>
                    {round.kind === "open" ? <span className="data-table__sub">Open places only</span> : null}
                  </td>
                  <td className="data-table__nowrap">
                    {round.stats.matched} of {round.stats.mentees}
                    <span className="data-table__sub">{round.stats.mentees - round.stats.matched} unmatched</span>
                  </td>
                  <td>{formatScore(round.stats.averageScore)}</td>
                  <td>
                    <span className="settings-summary">
                      {FACTORS.map((f) => `${factorLabels[f].label} ${round.settings.weights[f] ?? "–"}`).join(", ")}
                    </span>
                    <span className="data-table__sub">
                      {round.settings.k} candidates each;{" "}
                      {round.settings.requireSharedLanguage ? "shared language required" : "any language"}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}
