import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { PageHeading } from "../../components/page-heading";
import { isApiError } from "../../lib/api";
import { useCurrentUser } from "../auth/session";
import { ProgrammeNav } from "./programme-nav";
import { canManageProgramme } from "./programme-permissions";
import { type Programme, programmeQuery } from "./programmes-api";

type ProgrammeSectionProps = {
  programmeId: string;
  /** The page's heading, e.g. "Participants". */
  title: string;
  children: (programme: Programme) => ReactNode;
  /** Pages that only coordinators may use (all of them but "my enrolment"). */
  coordinatorsOnly?: boolean;
  /** Shown under the heading. */
  lead?: (programme: Programme) => ReactNode;
};

/**
 * The frame of every page inside a programme: a way back, the heading, the
 * coordinator's section links, and the loading, missing and not-allowed states.
 */
export function ProgrammeSection({ programmeId, title, children, coordinatorsOnly = true, lead }: ProgrammeSectionProps) {
  const user = useCurrentUser();
  const query = useQuery(programmeQuery(programmeId));
  const programme = query.data;

  if (!programme) {
    if (query.isError) {
      const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
      return (
        <>
          <PageHeading>{missing ? "Programme not found" : title}</PageHeading>
          {missing ? (
            <p>This programme doesn't exist, or you are not part of it.</p>
          ) : (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          )}
          <p>
            <Link to="/programmes">Back to programmes</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <LoadingState label="Loading the programme…" />
      </>
    );
  }

  const manage = canManageProgramme(user, programme);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/programmes/$programmeId" params={{ programmeId: programme.id }}>
          <span aria-hidden="true">← </span>
          {programme.name}
        </Link>
      </p>
      <PageHeading title={`${title} · ${programme.name}`}>{title}</PageHeading>
      <ProgrammeNav programme={programme} manage={manage} />
      {lead ? <div className="lead">{lead(programme)}</div> : null}
      {coordinatorsOnly && !manage ? <p>Only this programme's coordinators can use this page.</p> : children(programme)}
    </>
  );
}
