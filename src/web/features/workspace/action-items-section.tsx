import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ActionItemCreate } from "../../../contracts/workspace";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { type ActionItem, actionItemsQuery, createActionItem, deleteActionItem, updateActionItem, workspaceKeys } from "./workspace-api";
import { formatDay } from "./workspace-format";

type Side = "mentor" | "mentee";

/** The pair's open action items, on the overview. */
export function ActionItemsSection({ pairId, writable, side }: { pairId: string; writable: boolean; side: Side }) {
  const query = useQuery(actionItemsQuery(pairId, "open"));
  return (
    <section className="card" aria-labelledby="items-title">
      <h2 id="items-title">Open action items</h2>
      {query.isPending ? (
        <LoadingState label="Loading action items…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ActionItemList
          pairId={pairId}
          items={query.data.items}
          writable={writable}
          side={side}
          empty="Nothing open. Add what you agree to do next."
        />
      )}
      {writable ? <AddActionItemForm pairId={pairId} side={side} /> : null}
    </section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

export function ActionItemList({
  pairId,
  items,
  writable,
  side,
  empty,
  label = "Action items",
}: {
  pairId: string;
  items: ActionItem[];
  writable: boolean;
  side: Side;
  empty: string;
  label?: string;
}) {
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<ActionItem | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });
  const toggle = useMutation({
    mutationFn: (item: ActionItem) => updateActionItem(pairId, item.id, { done: !item.done }),
    onSuccess: async (item) => {
      announce(item.done ? `Done: ${item.title}` : `Open again: ${item.title}`);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (item: ActionItem) => deleteActionItem(pairId, item.id),
    onSuccess: async () => {
      announce("Action item removed.");
      setRemoving(null);
      await refresh();
    },
  });
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="action-items" aria-label={label}>
        {items.map((item) => {
          const overdue = !item.done && item.dueOn !== null && item.dueOn < today();
          return (
            <li key={item.id} className={`action-item${item.done ? " action-item--done" : ""}`}>
              <input
                type="checkbox"
                id={`item-${item.id}`}
                checked={item.done}
                disabled={!writable || toggle.isPending}
                onChange={() => toggle.mutate(item)}
              />
              <label htmlFor={`item-${item.id}`}>
                {item.title}
                <span className="action-item__meta">
                  {item.owner === side ? "You" : item.owner === "mentee" ? "Mentee" : "Mentor"}
                  {item.dueOn ? ` · due ${formatDay(item.dueOn)}` : ""}
                  {overdue ? " · overdue" : ""}
                </span>
              </label>
              {writable ? (
                <button type="button" className="button button--link" onClick={() => setRemoving(item)}>
                  Remove<span className="visually-hidden"> {item.title}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {toggle.isError ? (
        <p className="field__error" role="alert">
          {toggle.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this action item?"
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>“{removing?.title}” will be gone for both of you. To keep it, tick it off as done instead.</p>
      </ConfirmDialog>
    </>
  );
}

export function AddActionItemForm({ pairId, side, sessionId }: { pairId: string; side: Side; sessionId?: string }) {
  const queryClient = useQueryClient();
  const formId = useId();
  const [title, setTitle] = useState("");
  // The mentee drives: by default the mentee owns what the pair agrees.
  const [owner, setOwner] = useState<Side>("mentee");
  const [dueOn, setDueOn] = useState("");
  const { errors, clear, validate, showApiError } = useFormErrors();
  const create = useMutation({
    mutationFn: (body: Parameters<typeof createActionItem>[1]) => createActionItem(pairId, body),
    onSuccess: async (item) => {
      setTitle("");
      setDueOn("");
      announce(`Added: ${item.title}`);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });
    },
    onError: showApiError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(ActionItemCreate, { title, owner, dueOn: dueOn || null, ...(sessionId ? { sessionId } : {}) });
    if (body) create.mutate(body);
  };
  const ids = { title: `${formId}-title`, owner: `${formId}-owner`, dueOn: `${formId}-due` };
  return (
    <form className="form add-item" onSubmit={submit} noValidate aria-label="Add an action item">
      <ErrorSummary
        errors={errors}
        fields={{
          title: { label: "What needs doing", target: ids.title },
          owner: { label: "Who", target: ids.owner },
          dueOn: { label: "Due", target: ids.dueOn },
        }}
      />
      <div className="form__row">
        <TextField id={ids.title} label="What needs doing" value={title} onChange={setTitle} error={errors.fields.title} maxLength={200} />
        <SelectField
          id={ids.owner}
          label="Who"
          value={owner}
          options={[
            { value: "mentee", label: side === "mentee" ? "Me (mentee)" : "Mentee" },
            { value: "mentor", label: side === "mentor" ? "Me (mentor)" : "Mentor" },
          ]}
          onChange={(v) => setOwner(v as Side)}
          error={errors.fields.owner}
        />
        <TextField id={ids.dueOn} label="Due (optional)" type="date" value={dueOn} onChange={setDueOn} error={errors.fields.dueOn} />
      </div>
      <SubmitButton pending={create.isPending} pendingLabel="Adding…" variant="secondary">
        Add action item
      </SubmitButton>
    </form>
  );
}
