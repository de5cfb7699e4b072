import { Link } from "@tanstack/react-router";
import type { Programme } from "./programmes-api";

/**
 * The sections of one programme; the current one is marked for screen readers too.
 * Coordinators get every section; participants of a self-match programme get theirs.
 */
export function ProgrammeNav({ programme, manage = true }: { programme: Programme; manage?: boolean }) {
  const params = { programmeId: programme.id };
  const current = { "aria-current": "page" } as const;
  const selfMatch = programme.matchMode === "self";
  const giver = programme.type === "coaching" ? "coach" : "mentor";
  const receiving = programme.myRole === "mentee" || programme.myRole === "coachee";
  const giving = programme.myRole === "mentor" || programme.myRole === "coach";
  const participantLinks = [
    { to: "/programmes/$programmeId", label: "Overview", exact: true },
    ...(receiving
      ? ([
          { to: "/programmes/$programmeId/find-a-mentor", label: `Find a ${giver}`, exact: true },
          { to: "/programmes/$programmeId/my-requests", label: "My requests", exact: true },
        ] as const)
      : []),
    ...(giving ? ([{ to: "/programmes/$programmeId/requests", label: "Requests", exact: true }] as const) : []),
    { to: "/programmes/$programmeId/my-enrolment", label: "Your enrolment", exact: true },
  ] as const;
  if (!manage && !(selfMatch && (receiving || giving))) return null;
  const coordinatorLinks = [
    { to: "/programmes/$programmeId", label: "Overview", exact: true },
    { to: "/programmes/$programmeId/settings", label: "Settings", exact: true },
    { to: "/programmes/$programmeId/forms", label: "Intake forms", exact: true },
    { to: "/programmes/$programmeId/resources", label: "Weekly resources", exact: true },
    { to: "/programmes/$programmeId/participants", label: "Participants", exact: false },
    { to: "/programmes/$programmeId/invite", label: "Invite", exact: true },
    { to: "/programmes/$programmeId/import", label: "Import", exact: true },
    { to: "/programmes/$programmeId/matching", label: "Matching", exact: false },
    { to: "/programmes/$programmeId/pairs-health", label: "Pair health", exact: true },
    { to: "/programmes/$programmeId/alerts", label: "Alerts", exact: false },
    { to: "/programmes/$programmeId/check-ins", label: "Check-ins", exact: false },
    { to: "/programmes/$programmeId/surveys", label: "Surveys", exact: false },
    { to: "/programmes/$programmeId/support-settings", label: "Support settings", exact: true },
    ...(selfMatch ? ([{ to: "/programmes/$programmeId/match-requests", label: "Requests", exact: true }] as const) : []),
  ] as const;
  const links = manage ? coordinatorLinks : participantLinks;
  return (
    <nav className="subnav" aria-label={`Sections of ${programme.name}`}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link
              to={link.to}
              params={params}
              activeOptions={{ exact: link.exact, includeSearch: false }}
              activeProps={{ ...current, className: "subnav__link subnav__link--current" }}
              className="subnav__link"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
