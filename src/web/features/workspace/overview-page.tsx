import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { rulesFor } from "../../../core/programme-modes";
import { PageHeading } from "../../components/page-heading";
import { EngagementOverview } from "../coaching/engagement-overview";
import { ActionItemsSection } from "./action-items-section";
import { ContinuationQuestion } from "./continuation-question";
import { LifecycleActions } from "./lifecycle-actions";
import { overviewQuery, type WorkspaceOverview } from "./workspace-api";
import { formatDay, formatInstant, formatSessionTime, zoneLabel } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

const route = getRouteApi("/_app/pairs/$pairId/");

const eventLabels: Record<WorkspaceOverview["events"][number]["kind"], string> = {
  paused: "paused the relationship",
  resumed: "resumed the relationship",
  ended: "ended the relationship early",
  completed: "completed the relationship",
  continuing: "You both chose to keep meeting after the term",
  closed: "stopped meeting after the term",
  continuation_answered: "answered whether to continue",
};

function eventText(e: WorkspaceOverview["events"][number], mySide: string, partner: string): string {
  if (e.kind === "continuing") return "You both chose to keep meeting after the term.";
  if (!e.by) return e.kind === "completed" ? "The relationship was completed." : `Someone ${eventLabels[e.kind]}.`;
  return `${e.by === mySide ? "You" : partner} ${eventLabels[e.kind]}.`;
}

/** The workspace's front page: where the term is, what is next, and what needs doing. */
export function OverviewPage() {
  const { pairId } = route.useParams();
  const { data } = useQuery(overviewQuery(pairId));
  const zone = useViewerTimeZone(pairId);
  // The layout shows loading and errors; it renders this page only once the overview is there.
  if (!data) return null;
  const { relationship: r, term, plan } = data;
  const partner = r.partner.name;
  // A coaching engagement has a package and outcomes where mentoring has a term and goals.
  if (rulesFor(r.programme.type).duration.kind === "package")
    return (
      <>
        <PageHeading title={`Engagement with ${partner}`}>Your coaching engagement with {partner}</PageHeading>
        <EngagementOverview pairId={pairId} overview={data} />
      </>
    );
  return (
    <>
      <PageHeading title={`Workspace with ${partner}`}>Your workspace with {partner}</PageHeading>

      <div className="two-columns">
        <div>
          <section className="card" aria-labelledby="term-title">
            <h2 id="term-title">
              {term.state === "running"
                ? `Week ${term.week} of ${term.weeks}`
                : term.state === "not_started"
                  ? "Before the term"
                  : "After the term"}
            </h2>
            {term.state === "not_started" ? (
              <p>
                The programme starts on {formatDay(term.start)} ({term.startsInDays === 1 ? "tomorrow" : `in ${term.startsInDays} days`}). A
                good moment to agree your plan.
              </p>
            ) : term.state === "over" ? (
              <p>The programme's term ended on {formatDay(term.end)}.</p>
            ) : (
              <>
                {term.phase ? <p className="workspace__phase">{term.phase.name}</p> : null}
                {term.focus ? <p>{term.focus}</p> : null}
              </>
            )}
          </section>

          {data.resource ? (
            <section className="card" aria-labelledby="resource-title">
              <h2 id="resource-title">This week: {data.resource.title}</h2>
              <p className="prose">{data.resource.body}</p>
              {data.resource.links.length > 0 ? (
                <ul className="resource__links">
                  {data.resource.links.map((link) => (
                    <li key={link.url}>
                      <a href={link.url} rel="noreferrer" target="_blank">
                        {link.label}
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}

          <ActionItemsSection pairId={pairId} writable={r.writable} side={r.side} />
        </div>

        <div>
          <section className="card" aria-labelledby="next-title">
            <h2 id="next-title">Next session</h2>
            {data.nextSession ? (
              <>
                <p>
                  <Link to="/pairs/$pairId/sessions/$sessionId" params={{ pairId, sessionId: data.nextSession.id }}>
                    {formatSessionTime(data.nextSession, zone)}
                  </Link>
                </p>
                <p className="muted">Times in {zoneLabel(zone)}.</p>
              </>
            ) : (
              <p>
                Nothing planned yet.{" "}
                {r.writable ? (
                  <Link to="/pairs/$pairId/sessions" params={{ pairId }}>
                    Schedule a session
                  </Link>
                ) : null}
              </p>
            )}
          </section>

          <section className="card" aria-labelledby="plan-title">
            <h2 id="plan-title">Your plan</h2>
            <p>
              {plan.version === 0
                ? "You have not written your mentoring plan yet."
                : plan.acknowledgedByMe && plan.acknowledgedByPartner
                  ? "You have both agreed to the plan."
                  : plan.acknowledgedByMe
                    ? `You agreed to the plan; ${partner} has not yet.`
                    : plan.acknowledgedByPartner
                      ? `${partner} agreed to the plan; it needs your agreement too.`
                      : "Neither of you has agreed to the latest version yet."}
            </p>
            <p>
              <Link to="/pairs/$pairId/plan" params={{ pairId }}>
                {plan.version === 0 ? "Write the plan" : "Open the plan"}
              </Link>
            </p>
          </section>

          {r.status === "ended" ? (
            <section className="card" aria-labelledby="ended-title">
              <h2 id="ended-title">Why it ended</h2>
              {data.endNote ? <p className="prose">{data.endNote}</p> : <p className="muted">No note was left.</p>}
              <p className="muted">Your coordinator was told only that it ended and the general reason, never this note.</p>
            </section>
          ) : null}

          <ContinuationQuestion pairId={pairId} overview={data} />
          <LifecycleActions pairId={pairId} overview={data} />

          {data.events.length > 0 ? (
            <section className="card" aria-labelledby="events-title">
              <h2 id="events-title">What happened</h2>
              <ul className="timeline">
                {data.events.map((e) => (
                  <li key={`${e.kind}-${e.at}`}>
                    <span className="muted">{formatInstant(e.at, zone)}</span> {eventText(e, r.side, partner)}
                    {e.note ? <q className="timeline__note">{e.note}</q> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
