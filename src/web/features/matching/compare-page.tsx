import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { Pagination } from "../../components/pagination";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { compareQuery, type RoundComparison, type RoundSummary } from "./matching-api";
import { FACTORS, factorLabels, formatScore, plural, roundStatusLabels } from "./matching-labels";
import "./matching.css";

const route = getRouteApi("/_app/programmes/$programmeId/matching/compare");
const PAGE_SIZE = 25;

export function ComparePage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Compare rounds">
      {(programme) => <Compare programme={programme} />}
    </ProgrammeSection>
  );
}

function Compare({ programme }: { programme: Programme }) {
  const search = route.useSearch();
  const page = search.page ?? 1;
  const a = search.a ?? "";
  const b = search.b ?? "";
  const query = useQuery({
    ...compareQuery(programme.id, { a, b, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    enabled: Boolean(a && b),
  });
  const back = (
    <p>
      <Link to="/programmes/$programmeId/matching" params={{ programmeId: programme.id }}>
        <span aria-hidden="true">← </span>All rounds
      </Link>
    </p>
  );

  if (!a || !b) {
    return (
      <>
        <p>Choose two rounds to compare from a round's page.</p>
        {back}
      </>
    );
  }
  const data = query.data;
  if (!data) {
    if (query.isError) {
      const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
      return (
        <>
          {missing ? <p>One of these rounds doesn't exist in this programme.</p> : <ErrorState error={query.error} />}
          {back}
        </>
      );
    }
    return <LoadingState label="Comparing the rounds…" />;
  }

  return (
    <>
      {back}
      <div className="compare-heads">
        <RoundHead label="A" round={data.a} programmeId={programme.id} />
        <RoundHead label="B" round={data.b} programmeId={programme.id} />
      </div>
      <section aria-labelledby="compare-overview" className="card">
        <h2 id="compare-overview">What changed</h2>
        <dl className="stat-list">
          <div>
            <dt>Same mentor in both</dt>
            <dd>{plural(data.same, "mentee")}</dd>
          </div>
          <div>
            <dt>Different</dt>
            <dd>{plural(data.changed, "mentee")}</dd>
          </div>
          <div>
            <dt>Matched</dt>
            <dd>
              {data.a.stats.matched} in A, {data.b.stats.matched} in B ({signed(data.b.stats.matched - data.a.stats.matched)})
            </dd>
          </div>
          <div>
            <dt>Average score</dt>
            <dd>
              {formatScore(data.a.stats.averageScore)} in A, {formatScore(data.b.stats.averageScore)} in B (
              {signed(data.b.stats.averageScore - data.a.stats.averageScore)})
            </dd>
          </div>
        </dl>
        <SettingsDiff a={data.a} b={data.b} />
      </section>
      <Changes data={data} programmeId={programme.id} page={page} />
    </>
  );
}

const signed = (n: number) => (Math.abs(n) < 0.05 ? "no change" : `${n > 0 ? "+" : "−"}${formatScore(Math.abs(n))}`);

function RoundHead({ label, round, programmeId }: { label: string; round: RoundSummary; programmeId: string }) {
  return (
    <div className="compare-head card">
      <h2 className="compare-head__title">
        Round {label}: <span className={`badge badge--round-${round.status}`}>{roundStatusLabels[round.status]}</span>
      </h2>
      <p>
        Run {formatDateTime(round.createdAt)}. {round.stats.matched} of {plural(round.stats.mentees, "mentee")} matched.
      </p>
      <p>
        <Link to="/programmes/$programmeId/matching/$roundId" params={{ programmeId, roundId: round.id }}>
          Open round {label}
        </Link>
      </p>
    </div>
  );
}

function SettingsDiff({ a, b }: { a: RoundSummary; b: RoundSummary }) {
  const lines: string[] = [];
  for (const f of FACTORS) {
    if (a.settings.weights[f] !== b.settings.weights[f]) {
      lines.push(`${factorLabels[f].label} weight ${a.settings.weights[f] ?? "–"} → ${b.settings.weights[f] ?? "–"}`);
    }
  }
  if (a.settings.k !== b.settings.k) lines.push(`Candidates per mentee ${a.settings.k} → ${b.settings.k}`);
  if (a.settings.requireSharedLanguage !== b.settings.requireSharedLanguage) {
    lines.push(b.settings.requireSharedLanguage ? "Shared language now required" : "Shared language no longer required");
  }
  if (a.settings.locked.length !== b.settings.locked.length)
    lines.push(`Locked pairs ${a.settings.locked.length} → ${b.settings.locked.length}`);
  if (a.settings.excluded.length !== b.settings.excluded.length) {
    lines.push(`Excluded pairs ${a.settings.excluded.length} → ${b.settings.excluded.length}`);
  }
  return (
    <>
      <h3>Settings</h3>
      {lines.length === 0 ? (
        <p className="muted">Same weights and options; any difference comes from locks, exclusions, edits or a changed pool.</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Changes({ data, programmeId, page }: { data: RoundComparison; programmeId: string; page: number }) {
  const search = route.useSearch();
  return (
    <section aria-labelledby="changes-title" className="card">
      <h2 id="changes-title">Mentees whose pair changed ({data.changesTotal.toLocaleString()})</h2>
      {data.changesTotal === 0 ? (
        <p>Every mentee has the same mentor (or none) in both rounds.</p>
      ) : (
        <>
          <p className="muted">Biggest score change first. A dash means no mentor in that round.</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it */}
          <section className="table-scroll table-scroll--contained" aria-labelledby="changes-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="changes-caption" className="visually-hidden">
                Changed pairs: mentor and score in round A and in round B
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mentee</th>
                  <th scope="col">Mentor in A</th>
                  <th scope="col">Mentor in B</th>
                  <th scope="col">Score change</th>
                </tr>
              </thead>
              <tbody>
                {data.changes.map((c) => (
                  <tr key={c.mentee.enrolmentId}>
                    <th scope="row">
                      {c.mentee.name}
                      <span className="data-table__sub">{c.mentee.email}</span>
                    </th>
                    <td>
                      {c.a.mentor ? (
                        <>
                          {c.a.mentor.name}
                          <span className="data-table__sub">score {c.a.score === null ? "–" : formatScore(c.a.score)}</span>
                        </>
                      ) : (
                        <span>
                          —<span className="visually-hidden"> unmatched</span>
                        </span>
                      )}
                    </td>
                    <td>
                      {c.b.mentor ? (
                        <>
                          {c.b.mentor.name}
                          <span className="data-table__sub">score {c.b.score === null ? "–" : formatScore(c.b.score)}</span>
                        </>
                      ) : (
                        <span>
                          —<span className="visually-hidden"> unmatched</span>
                        </span>
                      )}
                    </td>
                    <td className="data-table__nowrap">{describeDelta(c.scoreDelta, c.a.mentor !== null, c.b.mentor !== null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Pagination
            label="Change pages"
            total={data.changesTotal}
            limit={PAGE_SIZE}
            offset={(page - 1) * PAGE_SIZE}
            to={`/programmes/${programmeId}/matching/compare`}
            search={(target) => ({ ...search, page: target > 1 ? target : undefined })}
          />
        </>
      )}
    </section>
  );
}

/** In words as well as a sign, so it reads the same with or without colour. */
function describeDelta(delta: number | null, inA: boolean, inB: boolean): string {
  if (!inA && inB) return "Newly matched";
  if (inA && !inB) return "No longer matched";
  if (delta === null || Math.abs(delta) < 0.05) return "Same score";
  return delta > 0 ? `Up ${formatScore(delta)}` : `Down ${formatScore(-delta)}`;
}
