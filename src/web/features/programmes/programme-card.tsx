import { Link } from "@tanstack/react-router";
import { describeTermLength, formatDate } from "../../lib/dates";
import { programmeTypeLabels, roleLabels, statusLabels } from "./programme-labels";
import type { Programme } from "./programmes-api";

/** One programme in the list: its name links to it, the essentials underneath. */
export function ProgrammeCard({ programme }: { programme: Programme }) {
  return (
    <article className="card programme-card">
      <h3 className="programme-card__title">
        <Link to="/programmes/$programmeId" params={{ programmeId: programme.id }}>
          {programme.name}
        </Link>
      </h3>
      <p className="programme-card__meta">
        <span className={`badge badge--${programme.type}`}>{programmeTypeLabels[programme.type]}</span>
        <span className={`badge badge--status-${programme.status}`}>{statusLabels[programme.status]}</span>
        {programme.myRole ? <span className="programme-card__role">You: {roleLabels[programme.myRole]}</span> : null}
      </p>
      <p className="programme-card__term">
        {formatDate(programme.termStart)} – {formatDate(programme.termEnd)}{" "}
        <span className="muted">({describeTermLength(programme.termStart, programme.termEnd)})</span>
      </p>
    </article>
  );
}
