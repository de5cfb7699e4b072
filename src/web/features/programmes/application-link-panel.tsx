import { Link } from "@tanstack/react-router";
import { CopyField } from "../../components/copy-field";
import { formatDateTime } from "../../lib/dates";
import type { Programme } from "./programmes-api";

/** Where people apply, and whether the link takes applications right now. */
export function ApplicationLinkPanel({ programme, headingLevel = 2 }: { programme: Programme; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const url = `${window.location.origin}/apply/${programme.slug}`;
  const now = Date.now();
  let state: string;
  if (programme.status !== "open") {
    state =
      programme.status === "draft"
        ? "The link starts working once you open applications."
        : "Applications are closed while the programme is past the application stage.";
  } else if (programme.acceptingApplications) {
    state = programme.applicationsCloseAt
      ? `Taking applications until ${formatDateTime(programme.applicationsCloseAt)}.`
      : "Taking applications until you move the programme on to matching.";
  } else if (programme.applicationsOpenAt && Date.parse(programme.applicationsOpenAt) > now) {
    state = `Open, but the link only takes applications from ${formatDateTime(programme.applicationsOpenAt)}.`;
  } else {
    state = "Open, but the application window has closed. Change the window in Settings to take more.";
  }

  return (
    <section aria-labelledby={`application-link-${headingLevel}`} className="card">
      <Heading id={`application-link-${headingLevel}`}>Application link</Heading>
      <p>{state}</p>
      {programme.status === "open" ? (
        <>
          <CopyField
            id={`application-url-${headingLevel}`}
            label="Public application link"
            value={url}
            what="application link"
            hint="Share it anywhere: anyone with the link can apply, and creates their account as they do."
          />
          <p>
            <a href={url} target="_blank" rel="noreferrer">
              Open the application page<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        </>
      ) : null}
      <p className="muted">
        People you{" "}
        <Link to="/programmes/$programmeId/invite" params={{ programmeId: programme.id }}>
          invite
        </Link>{" "}
        or{" "}
        <Link to="/programmes/$programmeId/import" params={{ programmeId: programme.id }}>
          import
        </Link>{" "}
        join without using this link.
      </p>
    </section>
  );
}
