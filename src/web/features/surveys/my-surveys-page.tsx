import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { formatDate } from "../../lib/dates";
import { mySurveysQuery } from "./surveys-api";
import "./surveys.css";

/** The surveys waiting for the signed-in person: the same ones their emails link to. */
export function MySurveysPage() {
  const query = useQuery(mySurveysQuery);
  return (
    <>
      <PageHeading>Surveys</PageHeading>
      <p className="lead">
        Short surveys from your programmes' coordinators. Each says before you start whether your name goes with your answers.
      </p>
      {query.isPending ? <LoadingState label="Loading your surveys…" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">Nothing to answer</h2>
          <p>When a coordinator sends a survey it shows up here as well as in your email.</p>
        </div>
      ) : null}
      {query.data && query.data.items.length > 0 ? (
        <ul className="card-list">
          {query.data.items.map((s) => (
            <li key={s.path} className="card">
              <h2 className="programme-card__title">
                <a href={s.path}>{s.title}</a>
              </h2>
              <p className="programme-card__meta">
                {s.programme.name}
                {s.about ? ` · about your time with ${s.about}` : ""} · {s.anonymous ? "anonymous" : "your name is shown"} · open until{" "}
                {formatDate(s.closesAt.slice(0, 10))}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
