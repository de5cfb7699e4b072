import { Link } from "@tanstack/react-router";
import type { Programme } from "./programmes-api";

/** The coordinator's sections of one programme; the current one is marked for screen readers too. */
export function ProgrammeNav({ programme }: { programme: Programme }) {
  const params = { programmeId: programme.id };
  const current = { "aria-current": "page" } as const;
  const links = [
    { to: "/programmes/$programmeId", label: "Overview", exact: true },
    { to: "/programmes/$programmeId/settings", label: "Settings", exact: true },
    { to: "/programmes/$programmeId/forms", label: "Intake forms", exact: true },
    { to: "/programmes/$programmeId/resources", label: "Weekly resources", exact: true },
    { to: "/programmes/$programmeId/participants", label: "Participants", exact: false },
    { to: "/programmes/$programmeId/invite", label: "Invite", exact: true },
    { to: "/programmes/$programmeId/import", label: "Import", exact: true },
    { to: "/programmes/$programmeId/matching", label: "Matching", exact: false },
  ] as const;
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
