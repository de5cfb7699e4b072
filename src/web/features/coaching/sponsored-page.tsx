import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { Pagination } from "../../components/pagination";
import { TableScroll } from "../../components/table-scroll";
import { formatDay } from "../workspace/workspace-format";
import { SPONSORED_PER_PAGE, type SponsoredT, sponsoredQuery } from "./coaching-api";
import { directionLabel, formatValue, STAGE_LABELS, sessionsLeft, targetMetLabel } from "./coaching-labels";
import { SponsorActions } from "./sponsor-actions";
import "./coaching.css";

const route = getRouteApi("/_app/coaching/sponsored");

/**
 * The sponsor's screen: the engagements they sponsor, each with its package and the agreed
 * outcomes' numbers. What is said in the sessions is not here, by design.
 */
export function SponsoredPage() {
  const page = route.useSearch().page ?? 1;
  const query = useQuery(sponsoredQuery(page));
  return (
    <>
      <PageHeading>Coaching you sponsor</PageHeading>
      <p className="lead">
        You see each engagement's package and the outcomes you agreed, with where they started, the target and where they ended. Agendas,
        notes, summaries and exercises stay between coach and coachee.
      </p>
      {query.isPending ? (
        <LoadingState label="Loading the engagements you sponsor…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <div className="empty">
          <h2 className="empty__title">Nothing to show yet</h2>
          <p>When a coordinator names you as the sponsor of someone's coaching, it appears here.</p>
        </div>
      ) : (
        <>
          <ul className="card-list" aria-label="Engagements you sponsor">
            {query.data.items.map((e) => (
              <li key={e.id}>
                <Sponsored engagement={e} />
              </li>
            ))}
          </ul>
          <Pagination
            total={query.data.total}
            limit={SPONSORED_PER_PAGE}
            offset={query.data.offset}
            to="/coaching/sponsored"
            search={(p) => ({ page: p })}
            label="Pages of sponsored engagements"
          />
        </>
      )}
    </>
  );
}

function Sponsored({ engagement: e }: { engagement: SponsoredT["items"][number] }) {
  const headingId = `sponsored-${e.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {e.coachee} with {e.coach}
      </h2>
      <p className="muted">
        {e.programme.name} · <span className={`badge badge--stage-${e.stage}`}>{STAGE_LABELS[e.stage]}</span>
      </p>
      <dl className="details">
        <div>
          <dt>Package</dt>
          <dd>
            {e.package.name}: {sessionsLeft(e.package)}
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>
            {formatDay(e.package.startDate)} to {formatDay(e.package.endsOn)}
          </dd>
        </div>
        {e.package.referencePrice || e.package.costCentre ? (
          <div>
            <dt>For your records</dt>
            <dd>{[e.package.referencePrice, e.package.costCentre && `cost centre ${e.package.costCentre}`].filter(Boolean).join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <h3>Outcomes</h3>
      {e.outcomes.length === 0 ? (
        <p className="muted">No outcomes yet: coach and coachee propose them at the start.</p>
      ) : (
        <TableScroll label={`Outcomes of ${e.coachee}`}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Baseline</th>
                <th scope="col">Target</th>
                <th scope="col">Final</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {e.outcomes.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.title}
                    <div className="data-table__sub">{directionLabel(o.direction)}</div>
                  </td>
                  <td>{formatValue(o, o.baseline)}</td>
                  <td>{formatValue(o, o.target)}</td>
                  <td>{formatValue(o, o.final)}</td>
                  <td>{targetMetLabel(o.targetMet)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <SponsorActions engagement={e} />
    </article>
  );
}
