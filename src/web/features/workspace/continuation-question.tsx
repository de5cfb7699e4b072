import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { announce } from "../../lib/announce";
import { answerContinuation, type WorkspaceOverview, workspaceKeys } from "./workspace-api";
import { formatDay } from "./workspace-format";

/**
 * At the end of the term each person says whether to keep meeting. Both yes keeps the
 * workspace open; a no closes it for both, so that answer is confirmed first.
 */
export function ContinuationQuestion({ pairId, overview }: { pairId: string; overview: WorkspaceOverview }) {
  const queryClient = useQueryClient();
  const [confirmNo, setConfirmNo] = useState(false);
  const { relationship: r, continuation } = overview;
  const answer = useMutation({
    mutationFn: (yes: boolean) => answerContinuation(pairId, yes),
    onSuccess: async (updated, yes) => {
      setConfirmNo(false);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.mine, exact: true });
      announce(
        updated.continuing
          ? "You both chose to continue. Your workspace stays open."
          : yes
            ? "Your answer is saved. We'll keep going once your partner answers."
            : "Your relationship is now complete.",
      );
    },
  });
  if (!r.writable || r.status === "completed") return null;
  if (!continuation.open)
    return (
      <p className="muted">From {formatDay(continuation.opensOn)} you will both be asked whether to keep meeting after the programme.</p>
    );
  const partner = r.partner.name;
  return (
    <section className="card" aria-labelledby="continue-title">
      <h2 id="continue-title">Keep meeting after the programme?</h2>
      {continuation.mine === true ? (
        <p>
          You said yes. {continuation.partnerAnswered ? "" : `Waiting for ${partner} to answer.`} If {partner} says no, the relationship
          completes and becomes read-only.
        </p>
      ) : (
        <>
          <p>
            The term is ending. If you both want to, you can keep using this workspace after the programme. If either of you says no, the
            relationship completes and the workspace becomes read-only.
          </p>
          {continuation.partnerAnswered ? <p>{partner} has answered.</p> : null}
          <div className="actions-row">
            <button type="button" className="button button--primary" disabled={answer.isPending} onClick={() => answer.mutate(true)}>
              {answer.isPending && answer.variables ? "Saving…" : "Yes, let's continue"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmNo(true)}>
              No, finish with the programme
            </button>
          </div>
          {answer.isError && !confirmNo ? (
            <p className="field__error" role="alert">
              {answer.error.message}
            </p>
          ) : null}
        </>
      )}
      <ConfirmDialog
        open={confirmNo}
        title="Finish with the programme?"
        confirmLabel="Finish and complete"
        pendingLabel="Completing…"
        variant="danger"
        pending={answer.isPending}
        error={answer.isError ? answer.error.message : undefined}
        onConfirm={() => answer.mutate(false)}
        onCancel={() => setConfirmNo(false)}
      >
        <p>The relationship completes for both of you, upcoming sessions are cancelled, and the workspace becomes read-only.</p>
      </ConfirmDialog>
    </section>
  );
}
