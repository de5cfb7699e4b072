import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { GoalCommentCreate } from "../../../contracts/growth";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SubmitButton } from "../../components/submit-button";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { formatInstant } from "../workspace/workspace-format";
import { useViewerTimeZone } from "../workspace/workspace-layout";
import { addGoalComment, deleteGoalComment, type GoalCommentT, goalCommentsQuery, growthKeys } from "./growth-api";

/** The conversation on a goal: how the mentor takes part without rewriting the mentee's words. */
export function GoalComments({
  pairId,
  goalId,
  writable,
  side,
}: {
  pairId: string;
  goalId: string;
  writable: boolean;
  side: "mentor" | "mentee";
}) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const query = useQuery(goalCommentsQuery(pairId, goalId));
  const [body, setBody] = useState("");
  const [removing, setRemoving] = useState<GoalCommentT | null>(null);
  const { errors, clear, validate, showApiError } = useFormErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.all(pairId) });
  const add = useMutation({
    mutationFn: (text: string) => addGoalComment(pairId, goalId, text),
    onSuccess: async () => {
      setBody("");
      announce("Comment added.");
      await refresh();
    },
    onError: showApiError,
  });
  const remove = useMutation({
    mutationFn: (c: GoalCommentT) => deleteGoalComment(pairId, goalId, c.id),
    onSuccess: async () => {
      setRemoving(null);
      announce("Comment deleted.");
      await refresh();
      document.getElementById("comments-title")?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const parsed = validate(GoalCommentCreate, { body });
    if (parsed) add.mutate(parsed.body);
  };
  return (
    <section className="card" aria-labelledby="comments-title">
      <h2 id="comments-title" tabIndex={-1}>
        Comments
      </h2>
      {query.isPending ? (
        <LoadingState label="Loading comments…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="muted">
          {side === "mentor" ? "No comments yet. A question or an experience of yours can help more than advice." : "No comments yet."}
        </p>
      ) : (
        <ul className="comment-list">
          {query.data.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__by">
                <strong>{c.mine ? "You" : (c.author?.name ?? "Someone")}</strong>{" "}
                <span className="muted">{formatInstant(c.createdAt, zone)}</span>
              </p>
              <p className="prose">{c.body}</p>
              {c.mine && writable ? (
                <button type="button" className="button button--link" onClick={() => setRemoving(c)}>
                  Delete<span className="visually-hidden"> your comment from {formatInstant(c.createdAt, zone)}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {writable ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Comment on this goal">
          <ErrorSummary errors={errors} fields={{ body: { label: "Comment", target: "goal-comment" } }} />
          <TextAreaField
            id="goal-comment"
            label="Add a comment"
            value={body}
            onChange={setBody}
            error={errors.fields.body}
            rows={3}
            maxLength={2000}
          />
          <SubmitButton pending={add.isPending} pendingLabel="Adding…" variant="secondary">
            Add comment
          </SubmitButton>
        </form>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Delete your comment?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>It will be gone for both of you.</p>
      </ConfirmDialog>
    </section>
  );
}
