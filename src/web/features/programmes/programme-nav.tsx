import { Link } from "@tanstack/react-router";
import { rulesFor } from "../../../core/programme-modes";
import type { Programme } from "./programmes-api";

type NavLink = { to: string; label: string; exact: boolean };

/**
 * The sections of one programme; the current one is marked for screen readers too.
 * Coordinators get every section the programme's mode has (matching rounds and weekly
 * resources in mentoring; packages, coaches and the coaching overview in coaching);
 * participants get theirs.
 */
export function ProgrammeNav({ programme, manage = true }: { programme: Programme; manage?: boolean }) {
  const params = { programmeId: programme.id };
  const current = { "aria-current": "page" } as const;
  const rules = rulesFor(programme.type);
  const coaching = rules.duration.kind === "package";
  const selfMatch = programme.matchMode === "self" && rules.pairing.includes("self_match");
  const receiving = programme.myRole === rules.roles.receiver;
  const giving = programme.myRole === rules.roles.giver;
  const participantLinks: NavLink[] = [
    { to: "/programmes/$programmeId", label: "Overview", exact: true },
    ...(coaching && receiving ? [{ to: "/programmes/$programmeId/choose-a-coach", label: "Choose your coach", exact: true }] : []),
    ...(coaching && giving ? [{ to: "/programmes/$programmeId/coaching/templates", label: "Session-plan templates", exact: true }] : []),
    ...(selfMatch && receiving
      ? [
          { to: "/programmes/$programmeId/find-a-mentor", label: `Find a ${rules.words.giver}`, exact: true },
          { to: "/programmes/$programmeId/my-requests", label: "My requests", exact: true },
        ]
      : []),
    ...(selfMatch && giving ? [{ to: "/programmes/$programmeId/requests", label: "Requests", exact: true }] : []),
    { to: "/programmes/$programmeId/my-enrolment", label: "Your enrolment", exact: true },
  ];
  if (!manage && !((selfMatch || coaching) && (receiving || giving))) return null;
  const coordinatorLinks: NavLink[] = [
    { to: "/programmes/$programmeId", label: "Overview", exact: true },
    { to: "/programmes/$programmeId/settings", label: "Settings", exact: true },
    { to: "/programmes/$programmeId/forms", label: "Intake forms", exact: true },
    ...(rules.features.weeklyResources ? [{ to: "/programmes/$programmeId/resources", label: "Weekly resources", exact: true }] : []),
    { to: "/programmes/$programmeId/participants", label: "Participants", exact: false },
    { to: "/programmes/$programmeId/invite", label: "Invite", exact: true },
    { to: "/programmes/$programmeId/import", label: "Import", exact: true },
    ...(rules.pairing.includes("round")
      ? [{ to: "/programmes/$programmeId/matching", label: "Matching", exact: false }]
      : [
          { to: "/programmes/$programmeId/coaching", label: "Coaching", exact: true },
          { to: "/programmes/$programmeId/coaching/packages", label: "Packages", exact: true },
          { to: "/programmes/$programmeId/coaching/coaches", label: "Coaches", exact: false },
          { to: "/programmes/$programmeId/coaching/templates", label: "Templates", exact: true },
        ]),
    // Sessions, agendas and plan agreement are the same metadata in both modes.
    {
      to: "/programmes/$programmeId/pairs-health",
      label: `${rules.words.pair[0].toUpperCase()}${rules.words.pair.slice(1)} health`,
      exact: true,
    },
    { to: "/programmes/$programmeId/alerts", label: "Alerts", exact: false },
    { to: "/programmes/$programmeId/check-ins", label: "Check-ins", exact: false },
    { to: "/programmes/$programmeId/surveys", label: "Surveys", exact: false },
    { to: "/programmes/$programmeId/support-settings", label: "Support settings", exact: true },
    ...(selfMatch ? [{ to: "/programmes/$programmeId/match-requests", label: "Requests", exact: true }] : []),
  ];
  const links = manage ? coordinatorLinks : participantLinks;
  return (
    <nav className="subnav" aria-label={`Sections of ${programme.name}`}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <Link
              // Every link here is a route under /programmes/$programmeId; the router fills the id in.
              to={link.to as "/programmes/$programmeId"}
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
