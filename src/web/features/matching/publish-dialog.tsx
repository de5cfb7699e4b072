import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { isApiError } from "../../lib/api";
import type { Programme } from "../programmes/programmes-api";
import { type PublishResult, publishRound, type RoundDetail } from "./matching-api";
import { plural } from "./matching-labels";

type PublishDialogProps = {
  programme: Programme;
  round: RoundDetail;
  open: boolean;
  onCancel: () => void;
  onPublished: (result: PublishResult) => void;
  /** The pool changed since the run: run again with the same settings. */
  onRunAgain: () => Promise<unknown>;
};

/**
 * Publishing turns the draft into real pairs and emails people, so the dialog says who
 * hears what and how pairs start. A draft whose pool has changed is refused by the
 * server (409 stale_round); the dialog then offers to run again.
 */
export function PublishDialog({ programme, round, open, onCancel, onPublished, onRunAgain }: PublishDialogProps) {
  const mutation = useMutation({
    mutationFn: () => publishRound(programme.id, round.id, round.poolFingerprint),
    onSuccess: onPublished,
  });
  const rerun = useMutation({ mutationFn: onRunAgain });
  const { reset } = mutation;
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);

  const pairs = round.pairsTotal;
  const mentors = round.mentors.filter((m) => m.assigned > 0).length;
  const unmatched = round.unmatched.length;
  const twoSided = programme.acceptance === "two_sided";
  const stale = isApiError(mutation.error, "stale_round");

  const error = mutation.isError ? (
    <>
      <p>{mutation.error.message}</p>
      {stale ? (
        <>
          <p>Nothing was published. Run the round again to match the pool as it is now; your settings, locks and exclusions are kept.</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => rerun.mutate()}
            disabled={rerun.isPending}
            aria-busy={rerun.isPending || undefined}
          >
            {rerun.isPending ? "Running again…" : "Run again"}
          </button>
          {rerun.isError ? <p>{rerun.error.message}</p> : null}
        </>
      ) : null}
    </>
  ) : null;

  return (
    <ConfirmDialog
      open={open}
      title="Publish this round?"
      confirmLabel={`Publish ${plural(pairs, "pair")}`}
      pendingLabel="Publishing…"
      pending={mutation.isPending || rerun.isPending}
      error={error}
      onConfirm={() => mutation.mutate()}
      onCancel={onCancel}
    >
      <p>Publishing creates the pairs and sends these emails:</p>
      <ul>
        <li>
          {plural(pairs, "mentee")} and {plural(mentors, "mentor")} learn who they are paired with and why.
        </li>
        {unmatched > 0 ? (
          <li>
            {plural(unmatched, "unmatched mentee")} {unmatched === 1 ? "is" : "are"} told kindly that there is no match for them yet.
          </li>
        ) : null}
      </ul>
      <p>
        {twoSided ? (
          <>
            <strong>Both must accept.</strong> Each pair starts as proposed; it begins when the mentee and the mentor have both accepted.
            Either can decline with a reason that only you read.
          </>
        ) : (
          <>
            <strong>Pairs start at once.</strong> This programme doesn't ask people to accept, so each pair is active as soon as you
            publish.
          </>
        )}
      </p>
      <p>Any other drafts of this programme are discarded. Mentees who already have a pair keep it.</p>
    </ConfirmDialog>
  );
}
