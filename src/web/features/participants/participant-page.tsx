import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { decisionProblem } from "../../../core/enrolment/status";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import type { OwnEnrolment } from "../enrolment/enrolment-api";
import { directoryStatusLabels, intakeRoleLabels, sourceLabels } from "../enrolment/enrolment-labels";
import { AnswersList } from "../intake/answers-list";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { DecisionDialog, describeDecision } from "./decision-dialog";
import { type Decision, type DirectoryEntry, findDirectoryEntry, participantKeys, participantQuery } from "./participants-api";

const route = getRouteApi("/_app/programmes/$programmeId/participants/$enrolmentId");

export function ParticipantPage() {
  const { programmeId, enrolmentId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Application">
      {(programme) => <Participant programme={programme} enrolmentId={enrolmentId} />}
    </ProgrammeSection>
  );
}

function Participant({ programme, enrolmentId }: { programme: Programme; enrolmentId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(participantQuery(programme.id, enrolmentId));
  const person = useQuery({
    queryKey: [...participantKeys.detail(programme.id, enrolmentId), "person"],
    queryFn: ({ signal }) => findDirectoryEntry(programme.id, enrolmentId, signal),
  });
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  if (query.isPending) return <LoadingState label="Loading the application…" />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <p>
          This application isn't in the programme any more.{" "}
          <Link to="/programmes/$programmeId/participants" params={{ programmeId: programme.id }}>
            Back to participants
          </Link>
        </p>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }

  const enrolment = query.data;
  const entry = person.data ?? null;
  const name = entry?.name ?? "This person";
  const decisions = (["approve", "waitlist", "decline"] as const).filter(
    (decision) => decisionProblem(enrolment.status, decision) === null,
  );

  return (
    <>
      <div role="status" className="flash-region">
        {outcome ? (
          <div className="notice notice--success" tabIndex={-1} ref={outcomeRef}>
            <p>{outcome}</p>
          </div>
        ) : null}
      </div>
      <section aria-labelledby="participant-summary" className="card">
        <h2 id="participant-summary">{entry ? entry.name : person.isPending ? "Loading the name…" : "Participant"}</h2>
        <PersonDetails enrolment={enrolment} entry={entry} />
        {decisions.length > 0 && programme.status !== "archived" ? (
          <div className="actions-row actions-row--tight">
            {decisions.map((decision) => (
              <button
                key={decision}
                type="button"
                className={`button ${decision === "approve" ? "button--primary" : decision === "decline" ? "button--danger-outline" : "button--secondary"}`}
                onClick={() => {
                  setOutcome(null);
                  setDeciding(decision);
                }}
              >
                {decision === "approve" ? "Approve" : decision === "waitlist" ? "Waitlist" : "Decline"}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted">{decisionNote(enrolment)}</p>
        )}
      </section>

      <section aria-labelledby="participant-answers" className="card">
        <h2 id="participant-answers">Answers</h2>
        <p className="muted">
          {enrolment.formVersion
            ? `Given to version ${enrolment.formVersion} of the ${enrolment.role} form, and shown with that version's wording.`
            : "Shown with the current wording of the form."}
        </p>
        <AnswersList questions={enrolment.questions} answers={enrolment.answers} />
      </section>

      <p>
        <Link to="/programmes/$programmeId/participants" params={{ programmeId: programme.id }}>
          <span aria-hidden="true">← </span>All participants
        </Link>
      </p>

      <DecisionDialog
        programmeId={programme.id}
        decision={deciding}
        enrolmentIds={[enrolment.id]}
        names={[name]}
        onCancel={() => setDeciding(null)}
        onDecided={async (decision, count) => {
          setDeciding(null);
          await queryClient.invalidateQueries({ queryKey: participantKeys.all(programme.id) });
          setOutcome(describeDecision(decision, count));
        }}
      />
    </>
  );
}

function decisionNote(enrolment: OwnEnrolment): string {
  switch (enrolment.status) {
    case "declined":
      return "This application was declined; the decision is final.";
    case "withdrawn":
      return "This person withdrew. They can apply again while the programme takes applications.";
    case "invited":
      return "This person has been invited but hasn't accepted yet.";
    default:
      return "";
  }
}

function PersonDetails({ enrolment, entry }: { enrolment: OwnEnrolment; entry: DirectoryEntry | null }) {
  const giving = enrolment.role === "mentor" || enrolment.role === "coach";
  return (
    <dl className="details">
      {entry ? (
        <div>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${entry.email}`}>{entry.email}</a>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Role</dt>
        <dd>{intakeRoleLabels[enrolment.role]}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <span className={`badge badge--enrolment-${enrolment.status}`}>{directoryStatusLabels[enrolment.status]}</span>
          {enrolment.status === "declined" && enrolment.declineReason ? (
            <p className="prose">Reason given: {enrolment.declineReason}</p>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>How they joined</dt>
        <dd>
          {entry ? sourceLabels[entry.source] : "—"}
          {enrolment.appliedAt ? <span className="muted">, {formatDateTime(enrolment.appliedAt)}</span> : null}
        </dd>
      </div>
      <div>
        <dt>Onboarding</dt>
        <dd>
          {enrolment.training.completed} of {enrolment.training.total} modules done
        </dd>
      </div>
      {giving ? (
        <div>
          <dt>Capacity</dt>
          <dd>
            {enrolment.capacity ?? "—"} at once{enrolment.paused ? " (paused: left out of matching)" : ""}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
