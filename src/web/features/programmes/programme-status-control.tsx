import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import { statusLabels } from "./programme-labels";
import { changeProgrammeStatus, type Programme, programmeKeys } from "./programmes-api";

type Status = Programme["status"];
type Move = { to: Exclude<Status, "archived">; label: string; explanation: string };

/** What moving to a status means, in a sentence; the wording depends on where it comes from. */
function describeMove(from: Status, to: Exclude<Status, "archived">): Move {
  switch (to) {
    case "open":
      return {
        to,
        label: from === "matching" ? "Reopen applications" : "Open applications",
        explanation: "People can apply through the programme's application link until you close it.",
      };
    case "draft":
      return { to, label: "Back to draft", explanation: "Applications close and you can keep shaping the programme." };
    case "matching":
      return {
        to,
        label: "Close applications and match",
        explanation: "No new applications are taken while you pair people up.",
      };
    case "running":
      return { to, label: "Start the term", explanation: "The pairs begin meeting; the term is under way." };
    case "completed":
      return {
        to,
        label: "Mark as completed",
        explanation: "The term is over. This can't be reversed, though you can still archive it later.",
      };
  }
}

/**
 * The programme's status and, for coordinators, the next steps in its life as
 * buttons, each confirmed first.
 */
export function ProgrammeStatusControl({ programme, canManage }: { programme: Programme; canManage: boolean }) {
  const queryClient = useQueryClient();
  const statusRef = useRef<HTMLSpanElement>(null);
  const [pending, setPending] = useState<Move | null>(null);
  const moves = programme.nextStatuses
    .filter((status): status is Move["to"] => status !== "archived")
    .map((status) => describeMove(programme.status, status));

  const mutation = useMutation({
    mutationFn: (move: Move) => changeProgrammeStatus(programme.id, { status: move.to, version: programme.version }),
    onSuccess: async (updated) => {
      setPending(null);
      queryClient.setQueryData(programmeKeys.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["programmes", "list"] });
      announce(`“${updated.name}” is now: ${statusLabels[updated.status]}.`);
      // The button that was pressed has gone with the old status; land on the new one.
      statusRef.current?.focus();
    },
    onError: (error) => {
      // Someone else moved it first: show the current state behind the dialog.
      if (isApiError(error, "version_conflict") || isApiError(error, "invalid_transition")) {
        void queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programme.id) });
      }
    },
  });

  return (
    <>
      <span ref={statusRef} tabIndex={-1}>
        {statusLabels[programme.status]}
      </span>
      {programme.archivedAt ? <span className="muted"> since {formatDateTime(programme.archivedAt)}</span> : null}
      {canManage && moves.length > 0 ? (
        <div className="actions-row actions-row--tight">
          {moves.map((move) => (
            <button
              key={move.to}
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                mutation.reset();
                setPending(move);
              }}
            >
              {move.label}
            </button>
          ))}
        </div>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending ? `${pending.label}?` : ""}
        confirmLabel={pending?.label ?? ""}
        pendingLabel="Saving…"
        pending={mutation.isPending}
        error={mutation.isError ? mutation.error.message : null}
        onConfirm={() => pending && mutation.mutate(pending)}
        onCancel={() => setPending(null)}
      >
        <p>
          “{programme.name}” moves from <strong>{statusLabels[programme.status]}</strong> to{" "}
          <strong>{pending ? statusLabels[pending.to] : ""}</strong>. {pending?.explanation}
        </p>
      </ConfirmDialog>
    </>
  );
}
