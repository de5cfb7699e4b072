import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ActionItemCreate } from "../../../contracts/workspace";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { ActionItemList } from "../workspace/action-items-section";
import { actionItemsQuery, createActionItem, workspaceKeys } from "../workspace/workspace-api";

type Side = "mentor" | "mentee";

/**
 * The action items that work towards one goal. They are the workspace's action items
 * (ticked off in sessions too); here they are filtered to the goal and new ones are linked to it.
 */
export function GoalActionItems({ pairId, goalId, writable, side }: { pairId: string; goalId: string; writable: boolean; side: Side }) {
  const query = useQuery(actionItemsQuery(pairId, "all", goalId));
  const items = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="goal-items-title">
      <h2 id="goal-items-title">Action items for this goal</h2>
      {query.isPending ? (
        <LoadingState label="Loading action items…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ActionItemList
          pairId={pairId}
          items={items}
          writable={writable}
          side={side}
          empty="None linked yet. Small steps towards the goal, each with an owner and a date, are what moves it."
          label="Action items for this goal"
        />
      )}
      {writable ? <LinkedItemForm pairId={pairId} goalId={goalId} side={side} /> : null}
      <p className="muted">
        All of the pair's action items are on the{" "}
        <Link to="/pairs/$pairId" params={{ pairId }}>
          overview
        </Link>
        .
      </p>
    </section>
  );
}

function LinkedItemForm({ pairId, goalId, side }: { pairId: string; goalId: string; side: Side }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState<Side>("mentee");
  const [dueOn, setDueOn] = useState("");
  const { errors, clear, validate, showApiError } = useFormErrors();
  const create = useMutation({
    mutationFn: (body: Parameters<typeof createActionItem>[1]) => createActionItem(pairId, body),
    onSuccess: async (item) => {
      setTitle("");
      setDueOn("");
      announce(`Added to this goal: ${item.title}`);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });
    },
    onError: showApiError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(ActionItemCreate, { title, owner, dueOn: dueOn || null, goalId });
    if (body) create.mutate(body);
  };
  return (
    <form className="form add-item" onSubmit={submit} noValidate aria-label="Add an action item for this goal">
      <ErrorSummary
        errors={errors}
        fields={{
          title: { label: "Next step", target: "goal-item-title" },
          owner: { label: "Who", target: "goal-item-owner" },
          dueOn: { label: "Due", target: "goal-item-due" },
        }}
      />
      <div className="form__row">
        <TextField id="goal-item-title" label="Next step" value={title} onChange={setTitle} error={errors.fields.title} maxLength={200} />
        <SelectField
          id="goal-item-owner"
          label="Who"
          value={owner}
          options={[
            { value: "mentee", label: side === "mentee" ? "Me (mentee)" : "Mentee" },
            { value: "mentor", label: side === "mentor" ? "Me (mentor)" : "Mentor" },
          ]}
          onChange={(v) => setOwner(v as Side)}
          error={errors.fields.owner}
        />
        <TextField id="goal-item-due" label="Due (optional)" type="date" value={dueOn} onChange={setDueOn} error={errors.fields.dueOn} />
      </div>
      <SubmitButton pending={create.isPending} pendingLabel="Adding…" variant="secondary">
        Add to this goal
      </SubmitButton>
    </form>
  );
}
