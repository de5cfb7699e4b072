import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { isApiError } from "../../lib/api";
import { editPair, type MatchPersonRef, type PairEditResult, type RoundDetail } from "./matching-api";

export type MoveTarget = {
  mentee: MatchPersonRef;
  /** The mentor they have in the draft now; null for an unmatched mentee. */
  mentor: MatchPersonRef | null;
};

type MoveDialogProps = {
  programmeId: string;
  round: RoundDetail;
  target: MoveTarget | null;
  onCancel: () => void;
  onDone: (result: PairEditResult, message: string) => void;
};

const UNMATCH = "__unmatched__";

/** The server's refusals usually say nothing changed; add it when one doesn't. */
export const withNothingChanged = (message: string) => (/nothing was changed/i.test(message) ? message : `${message} Nothing was changed.`);

/**
 * Moves a mentee to another mentor in a draft, pairs an unmatched one by hand, or
 * leaves a mentee unmatched. The server checks capacity and every rule; when it
 * refuses, its reason is shown here and nothing changes.
 */
export function MoveDialog({ programmeId, round, target, onCancel, onDone }: MoveDialogProps) {
  const [choice, setChoice] = useState("");
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const selectRef = useRef<HTMLSelectElement>(null);
  const mutation = useMutation({
    mutationFn: (mentorEnrolmentId: string | null) => {
      if (!target) throw new Error("Nothing to move");
      return editPair(programmeId, round.id, target.mentee.enrolmentId, mentorEnrolmentId);
    },
  });
  const reset = mutation.reset;

  // biome-ignore lint/correctness/useExhaustiveDependencies: start afresh for every mentee
  useEffect(() => {
    setChoice("");
    setChoiceError(undefined);
    reset();
  }, [target?.mentee.enrolmentId]);

  const mentors = [...round.mentors].sort((a, b) => a.mentor.name.localeCompare(b.mentor.name));
  const chosenMentor = mentors.find((m) => m.mentor.enrolmentId === choice);

  const confirm = () => {
    if (!target) return;
    if (!choice) {
      setChoiceError("Choose a mentor, or to leave them unmatched");
      selectRef.current?.focus();
      return;
    }
    setChoiceError(undefined);
    const mentorId = choice === UNMATCH ? null : choice;
    mutation.mutate(mentorId, {
      onSuccess: (result) => {
        const message =
          mentorId === null
            ? `${target.mentee.name} is now unmatched in this draft.`
            : `${target.mentee.name} is now paired with ${chosenMentor?.mentor.name ?? "the chosen mentor"} in this draft.`;
        onDone(result, message);
      },
    });
  };

  const refused = mutation.isError ? (
    <>
      <p>{withNothingChanged(mutation.error.message)}</p>
      {isApiError(mutation.error, "stale_round") ? <p>Run the round again to include the latest pool.</p> : null}
    </>
  ) : null;

  return (
    <ConfirmDialog
      open={target !== null}
      title={target ? (target.mentor ? `Move ${target.mentee.name}?` : `Pair ${target.mentee.name} by hand?`) : ""}
      confirmLabel={choice === UNMATCH ? "Leave unmatched" : target?.mentor ? "Move" : "Pair"}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      error={refused}
      initialFocusRef={selectRef}
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      {target ? (
        <>
          <p>
            {target.mentor ? (
              <>
                {target.mentee.name} is paired with {target.mentor.name} in this draft.{" "}
              </>
            ) : (
              <>{target.mentee.name} has no mentor in this draft. </>
            )}
            The change applies to this draft only; a pair set by hand is kept as a lock if you run again.
          </p>
          <div className={`field${choiceError ? " field--invalid" : ""}`}>
            <label htmlFor="move-mentor">{target.mentor ? "New mentor" : "Mentor"}</label>
            <p className="field__hint" id="move-mentor-hint">
              Places used in this draft are shown; Grove refuses a mentor who is full or a pair its rules don't allow.
            </p>
            {choiceError ? (
              <p className="field__error" id="move-mentor-error">
                <span className="visually-hidden">Error: </span>
                {choiceError}
              </p>
            ) : null}
            <select
              id="move-mentor"
              ref={selectRef}
              value={choice}
              onChange={(event) => {
                setChoice(event.target.value);
                setChoiceError(undefined);
                reset();
              }}
              aria-invalid={choiceError ? true : undefined}
              aria-describedby={choiceError ? "move-mentor-hint move-mentor-error" : "move-mentor-hint"}
            >
              <option value="">Choose…</option>
              {target.mentor ? <option value={UNMATCH}>Nobody: leave {target.mentee.name} unmatched</option> : null}
              {mentors
                .filter((m) => m.mentor.enrolmentId !== target.mentor?.enrolmentId)
                .map((m) => (
                  <option key={m.mentor.enrolmentId} value={m.mentor.enrolmentId}>
                    {m.mentor.name}: {m.assigned} of {m.capacity} places used{m.assigned >= m.capacity ? " (full)" : ""}
                  </option>
                ))}
            </select>
          </div>
          {chosenMentor ? (
            <p>
              <Link
                to="/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId"
                params={{ programmeId, roundId: round.id, menteeEnrolmentId: target.mentee.enrolmentId }}
                search={{ mentor: chosenMentor.mentor.enrolmentId }}
              >
                Compare {target.mentee.name} and {chosenMentor.mentor.name} side by side first
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
