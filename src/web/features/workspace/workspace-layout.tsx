import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, Outlet } from "@tanstack/react-router";
import { hasFeature, type ProgrammeType, rulesFor, type WorkspaceFeature } from "../../../core/programme-modes";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { isApiError } from "../../lib/api";
import { browserTimeZone } from "../../lib/dates";
import { ProposalResponse } from "../matching/proposal-response";
import { overviewQuery, type WorkspaceOverview } from "./workspace-api";
import { pairStatusLabels, sideLabel } from "./workspace-format";
import "./workspace.css";

const route = getRouteApi("/_app/pairs/$pairId");

type Section = { to: string; label: string; exact: boolean; feature?: WorkspaceFeature };

/**
 * The workspace's sections, in order; each mode shows the ones it has (mentoring's goals
 * and reflections, coaching's session plan, outcomes and exercises). A section is added
 * here and as a child route of /pairs/$pairId in app/routes.tsx; nothing else changes.
 */
export const WORKSPACE_SECTIONS: readonly Section[] = [
  { to: "/pairs/$pairId", label: "Overview", exact: true },
  { to: "/pairs/$pairId/plan", label: "Plan", exact: true },
  { to: "/pairs/$pairId/session-plan", label: "Session plan", exact: true, feature: "sessionPlan" },
  { to: "/pairs/$pairId/sessions", label: "Sessions", exact: false },
  { to: "/pairs/$pairId/outcomes", label: "Outcomes", exact: true, feature: "outcomes" },
  { to: "/pairs/$pairId/exercises", label: "Exercises", exact: false, feature: "exercises" },
  { to: "/pairs/$pairId/goals", label: "Goals", exact: false, feature: "goals" },
  { to: "/pairs/$pairId/reflections", label: "Reflections", exact: false, feature: "reflections" },
  { to: "/pairs/$pairId/swot", label: "SWOT", exact: false, feature: "swot" },
  { to: "/pairs/$pairId/introductions", label: "Introductions", exact: false, feature: "introductions" },
];

/** The sections of a pair's workspace in its programme's mode; coaching calls its plan the agreement. */
export const sectionsFor = (type: ProgrammeType) =>
  WORKSPACE_SECTIONS.filter((s) => !s.feature || hasFeature(type, s.feature)).map((s) =>
    s.to === "/pairs/$pairId/plan" ? { ...s, label: rulesFor(type).words.planSection } : s,
  );

/** The frame of one pair's workspace: who it is with, its state, the sections, and the page. */
export function WorkspaceLayout() {
  const { pairId } = route.useParams();
  const query = useQuery(overviewQuery(pairId));
  if (!query.data) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <>
        <Breadcrumb />
        {query.isError ? (
          <>
            <PageHeading>{missing ? "Pair not found" : "Workspace"}</PageHeading>
            {missing ? (
              <p>There is no pair here that you are part of. Pick one from your pairs.</p>
            ) : (
              <ErrorState error={query.error} onRetry={() => void query.refetch()} />
            )}
          </>
        ) : (
          <>
            <PageHeading>Workspace</PageHeading>
            <LoadingState label="Loading the workspace…" />
          </>
        )}
      </>
    );
  }
  const { relationship } = query.data;
  return (
    <>
      <Breadcrumb />
      <p className="workspace__with">
        With {relationship.partner.name}, your{" "}
        {sideLabel(relationship.side === "mentee" ? "mentor" : "mentee", relationship.programme.type)} in {relationship.programme.name} ·{" "}
        <span className={`badge badge--pair-${relationship.status}`}>
          {pairStatusLabels[relationship.status]}
          {relationship.status === "completed" && relationship.continuing ? ", continuing" : ""}
        </span>
      </p>
      <WorkspaceNav pairId={pairId} partner={relationship.partner.name} type={relationship.programme.type} />
      <ClosedNotice overview={query.data} />
      <Outlet />
    </>
  );
}

function Breadcrumb() {
  return (
    <p className="breadcrumb">
      <Link to="/pairs">
        <span aria-hidden="true">← </span>My pairs
      </Link>
    </p>
  );
}

function WorkspaceNav({ pairId, partner, type }: { pairId: string; partner: string; type: ProgrammeType }) {
  return (
    <nav className="subnav" aria-label={`Workspace with ${partner}`}>
      <ul>
        {sectionsFor(type).map((section) => (
          <li key={section.to}>
            <Link
              // Sections from other features register their own routes; the router fills in $pairId for any of them.
              to={section.to as "/pairs/$pairId"}
              params={{ pairId }}
              activeOptions={{ exact: section.exact, includeSearch: false }}
              activeProps={{ "aria-current": "page", className: "subnav__link subnav__link--current" }}
              className="subnav__link"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ClosedNotice({ overview }: { overview: WorkspaceOverview }) {
  const r = overview.relationship;
  if (r.writable) return null;
  // The "your match" email links here: a proposal is answered right where it lands.
  if (r.status === "proposed") {
    return (
      <>
        <div className="notice notice--warning" role="note">
          <p>This pair has not started yet: the workspace opens once you both accept.</p>
        </div>
        <ProposalResponse relationship={r} />
      </>
    );
  }
  const what = rulesFor(r.programme.type).words.pair === "engagement" ? "engagement" : "relationship";
  const why = `${r.status === "ended" ? `This ${what} ended early.` : r.status === "completed" ? `This ${what} is complete.` : `This ${what} is ${r.status}.`} You can read everything here, but nothing can be changed any more.`;
  return (
    <div className="notice notice--warning" role="note">
      <p>{why}</p>
    </div>
  );
}

/** The zone to show times in: the person's intake answer, else the browser's. */
export function useViewerTimeZone(pairId: string): string {
  const { data } = useQuery(overviewQuery(pairId));
  return data?.timeZone ?? browserTimeZone();
}
