import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { rulesFor } from "../../../core/programme-modes";
import { Combobox } from "../../components/combobox";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { isApiError } from "../../lib/api";
import { type DirectoryEntry, directoryQuery } from "../participants/participants-api";
import type { Programme } from "../programmes/programmes-api";
import { type CoordinatorPair, pairByHand } from "./matching-api";

const label = (p: DirectoryEntry) => `${p.name} (${p.email})`;

/** A searchable pick of one approved person of one role, by name or email. */
function PersonPicker({
  programmeId,
  id,
  role,
  text,
  onText,
  onPick,
  error,
}: {
  programmeId: string;
  id: string;
  role: string;
  text: string;
  onText: (text: string) => void;
  onPick: (person: DirectoryEntry | null) => void;
  error?: string;
}) {
  const q = text.trim();
  const query = useQuery({
    ...directoryQuery(programmeId, { q, role, status: "approved", limit: 8, offset: 0 }),
    enabled: q.length > 0,
  });
  const people = q ? (query.data?.items ?? []) : [];
  return (
    <Combobox
      id={id}
      label={role === "mentee" || role === "coachee" ? `The ${role}` : `Their ${role}`}
      hint="Type part of a name or email, then choose from the list."
      value={text}
      maxLength={200}
      error={error}
      suggestions={people.map(label)}
      onChange={(value) => {
        onText(value);
        onPick(null);
      }}
      onSelect={(value) => {
        onText(value);
        onPick(people.find((p) => label(p) === value) ?? null);
      }}
    />
  );
}

/**
 * Pairing two people by hand, outside a round — for a late joiner, or a pair the
 * coordinator knows will work. The server applies the same rules as a round (not their own
 * manager, a shared language, not paired before, places left) and says which one failed.
 */
export function PairByHandDialog({
  programme,
  open,
  onClose,
  onPaired,
}: {
  programme: Programme;
  open: boolean;
  onClose: () => void;
  onPaired: (pair: CoordinatorPair) => void;
}) {
  const { giver, receiver } = rulesFor(programme.type).words;
  const [menteeText, setMenteeText] = useState("");
  const [mentorText, setMentorText] = useState("");
  const [mentee, setMentee] = useState<DirectoryEntry | null>(null);
  const [mentor, setMentor] = useState<DirectoryEntry | null>(null);
  const [errors, setErrors] = useState<{ mentee?: string; mentor?: string }>({});
  const mutation = useMutation({
    mutationFn: () => pairByHand(programme.id, { menteeEnrolmentId: mentee?.id ?? "", mentorEnrolmentId: mentor?.id ?? "" }),
    onSuccess: (pair) => {
      reset();
      onPaired(pair);
    },
  });
  const reset = () => {
    setMenteeText("");
    setMentorText("");
    setMentee(null);
    setMentor(null);
    setErrors({});
    mutation.reset();
  };
  const confirm = () => {
    const problems = {
      mentee: mentee ? undefined : `Choose the ${receiver} from the list`,
      mentor: mentor ? undefined : `Choose the ${giver} from the list`,
    };
    setErrors(problems);
    if (problems.mentee || problems.mentor) return;
    mutation.mutate();
  };
  return (
    <ConfirmDialog
      open={open}
      title="Pair two people by hand"
      confirmLabel="Pair them"
      pendingLabel="Pairing…"
      pending={mutation.isPending}
      error={mutation.isError ? (isApiError(mutation.error) ? mutation.error.message : "They could not be paired.") : undefined}
      onConfirm={confirm}
      onCancel={() => {
        reset();
        onClose();
      }}
    >
      <p>
        Both are emailed.{" "}
        {programme.acceptance === "auto"
          ? "The pair starts at once."
          : "The pair starts once both accept; either can decline with a reason you will see."}
      </p>
      <PersonPicker
        programmeId={programme.id}
        id="pair-by-hand-mentee"
        role={receiver}
        text={menteeText}
        onText={setMenteeText}
        onPick={setMentee}
        error={errors.mentee}
      />
      <PersonPicker
        programmeId={programme.id}
        id="pair-by-hand-mentor"
        role={giver}
        text={mentorText}
        onText={setMentorText}
        onPick={setMentor}
        error={errors.mentor}
      />
    </ConfirmDialog>
  );
}
