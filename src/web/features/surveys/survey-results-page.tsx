import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { formatDateTime } from "../../lib/dates";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { BarChart } from "./bar-chart";
import { type SurveyResultsT, surveyExportUrl, surveyResultsQuery } from "./surveys-api";
import { rate } from "./surveys-page";
import { TrendChart } from "./trend-chart";
import "./surveys.css";

const route = getRouteApi("/_app/programmes/$programmeId/surveys/$surveyId");

/** A survey's results: response rate, each question as a chart with its table, NPS with n, the pulse by week, free text. */
export function SurveyResultsPage() {
  const { programmeId, surveyId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Survey results">
      {(programme) => <Results programme={programme} surveyId={surveyId} />}
    </ProgrammeSection>
  );
}

function Results({ programme, surveyId }: { programme: Programme; surveyId: string }) {
  const query = useQuery(surveyResultsQuery(programme.id, surveyId));
  if (query.isPending) return <LoadingState label="Loading results…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <>
      <h2>{r.title}</h2>
      <dl className="details">
        <div>
          <dt>Answered</dt>
          <dd>
            {r.responses} of {r.invited} asked ({rate(r.responseRate)})
          </dd>
        </div>
        <div>
          <dt>Names</dt>
          <dd>
            {r.anonymous
              ? `Anonymous: results from ${r.threshold} responses, no names or dates`
              : "Attributed: coordinators see who answered"}
          </dd>
        </div>
      </dl>
      <div className="actions-row">
        <Link
          to="/programmes/$programmeId/surveys/$surveyId/edit"
          params={{ programmeId: programme.id, surveyId }}
          className="button button--secondary"
        >
          Edit survey
        </Link>
        {!r.suppressed && r.responses > 0 ? (
          <a className="button button--secondary" href={surveyExportUrl(programme.id, surveyId)} download>
            Download responses (CSV)
          </a>
        ) : null}
        <Link to="/programmes/$programmeId/surveys" params={{ programmeId: programme.id }}>
          All surveys
        </Link>
      </div>
      {r.suppressed ? (
        <div className="notice notice--warning" role="status">
          <h2 className="notice__title">Not enough responses to show</h2>
          <p>{r.notice}</p>
        </div>
      ) : r.responses === 0 ? (
        <div className="empty">
          <h2 className="empty__title">No answers yet</h2>
          <p>Results appear here as people answer.</p>
        </div>
      ) : (
        <Answers results={r} />
      )}
    </>
  );
}

function Answers({ results: r }: { results: SurveyResultsT }) {
  return (
    <>
      {r.pulseTrend.length > 0 ? (
        <section className="result card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Pulse by week</h2>
          <TrendChart points={r.pulseTrend} />
        </section>
      ) : null}
      {r.questions.map((q, i) => (
        <section key={q.questionId} className="result card" aria-labelledby={`result-${q.questionId}`}>
          <h2 id={`result-${q.questionId}`}>
            {i + 1}. {q.prompt}
          </h2>
          <p className="muted">
            {q.n} {q.n === 1 ? "answer" : "answers"}
            {q.average !== null && q.type !== "nps" ? ` · average ${q.average}` : ""}
          </p>
          {q.nps ? (
            <div className="nps">
              <p>
                <span className="nps__score">{q.nps.score === null ? "—" : q.nps.score > 0 ? `+${q.nps.score}` : q.nps.score}</span> NPS
              </p>
              <p>
                {q.nps.promoters} promoters (9–10) · {q.nps.passives} passives (7–8) · {q.nps.detractors} detractors (0–6) · n = {q.nps.n}
              </p>
            </div>
          ) : null}
          {q.distribution.length > 0 ? <BarChart buckets={q.distribution} caption={`Answers to "${q.prompt}"`} unit="Answers" /> : null}
          {q.type === "short_text" || q.type === "long_text" ? (
            q.textAnswers.length === 0 ? (
              <p className="muted">Nobody wrote anything here.</p>
            ) : (
              <ul className="text-answers">
                {q.textAnswers.map((a, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id and may repeat
                  <li key={j}>
                    <p>{a.text}</p>
                    {a.respondent ? (
                      <p className="muted">
                        {a.respondent.name} ({a.respondent.role}){a.submittedAt ? `, ${formatDateTime(a.submittedAt)}` : ""}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>
      ))}
    </>
  );
}
