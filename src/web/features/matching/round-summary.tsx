import type { RoundSummary } from "./matching-api";
import { describeMatched, FACTORS, factorLabels, formatScore, plural } from "./matching-labels";
import { ScoreChart } from "./score-chart";

const seconds = (ms: number) => `${(ms / 1000).toLocaleString(undefined, { maximumFractionDigits: 1 })} s`;

/** The round at a glance: who got matched, how well, with which settings, and how long it took. */
export function RoundSummaryCard({ round }: { round: RoundSummary }) {
  const { stats, settings } = round;
  const unmatched = stats.mentees - stats.matched;
  return (
    <section aria-labelledby="round-summary-title" className="card">
      <h2 id="round-summary-title">Summary</h2>
      <dl className="stat-list">
        <div>
          <dt>Matched</dt>
          <dd>{describeMatched(stats.matched, stats.mentees)}</dd>
        </div>
        <div>
          <dt>Unmatched</dt>
          <dd>{plural(unmatched, "mentee")}</dd>
        </div>
        <div>
          <dt>Average score</dt>
          <dd>{formatScore(stats.averageScore)} of 100</dd>
        </div>
        <div>
          <dt>Mentors</dt>
          <dd>
            {plural(stats.mentors, "mentor")} with {plural(stats.capacity, "place")}
          </dd>
        </div>
      </dl>
      <ScoreChart histogram={stats.scoreHistogram} />
      <details className="round-settings">
        <summary>Settings and timing</summary>
        <dl className="details">
          <div>
            <dt>Weights</dt>
            <dd>
              <ul className="inline-list">
                {FACTORS.map((f) => (
                  <li key={f}>
                    {factorLabels[f].label}: {settings.weights[f] ?? "–"}
                    {settings.weights[f] === 10 ? " (must match)" : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>Candidates</dt>
            <dd>
              {settings.k} per mentee; {stats.candidatePairs.toLocaleString()} pairs weighed in all
            </dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{settings.requireSharedLanguage ? "A shared language is required" : "No shared language required"}</dd>
          </div>
          <div>
            <dt>Time taken</dt>
            <dd>
              {seconds(stats.millis.total)} (solving {seconds(stats.millis.solve)})
            </dd>
          </div>
        </dl>
      </details>
    </section>
  );
}
