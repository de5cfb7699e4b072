import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { StakeholderCreate } from "../../../contracts/coaching";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { addStakeholder, coachingKeys, type Phase, removeStakeholder, requestRatings, stakeholdersQuery } from "./coaching-api";
import { PHASE_LABELS } from "./coaching-labels";

const fields = {
  name: { label: "Name", target: "stakeholder-name" },
  email: { label: "Email", target: "stakeholder-email" },
  relation: { label: "How they work with the coachee", target: "stakeholder-relation" },
};

/**
 * The people around the coachee who rate through a one-time link, without an account. Coach
 * and coachee add them; the coach sends the links. Their ratings are only shown as a group.
 */
export function StakeholdersSection({ engagementId, canRequest }: { engagementId: string; canRequest: boolean }) {
  const queryClient = useQueryClient();
  const query = useQuery(stakeholdersQuery(engagementId));
  const [draft, setDraft] = useState({ name: "", email: "", relation: "" });
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [phase, setPhase] = useState<Phase>("baseline");
  const { errors, clear, validate, showApiError } = useFormErrors();
  const refresh = (data: unknown) => queryClient.setQueryData(coachingKeys.stakeholders(engagementId), data);
  const add = useMutation({
    mutationFn: () => addStakeholder(engagementId, draft),
    onSuccess: (saved) => {
      refresh(saved);
      announce(`${draft.name} added as a stakeholder.`);
      setDraft({ name: "", email: "", relation: "" });
    },
    onError: showApiError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeStakeholder(engagementId, id),
    onSuccess: (saved) => {
      refresh(saved);
      announce(`${removing?.name ?? "The stakeholder"} removed.`);
      setRemoving(null);
    },
  });
  const send = useMutation({
    mutationFn: () => requestRatings(engagementId, phase),
    onSuccess: async (sent) => {
      await queryClient.invalidateQueries({ queryKey: coachingKeys.stakeholders(engagementId) });
      announce(`${sent.sent} rating link${sent.sent === 1 ? "" : "s"} sent.`);
    },
  });
  if (query.isPending) return <LoadingState label="Loading the stakeholders…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const list = query.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (validate(StakeholderCreate, draft)) add.mutate();
  };
  return (
    <section className="card" aria-labelledby="stakeholders-title">
      <h2 id="stakeholders-title">Stakeholders</h2>
      <p className="muted">
        Up to {list.max} people who work with the coachee rate the outcomes that ask for stakeholders, through a link that needs no account
        and works once. Their ratings are shown only as a group average. The sponsor and the coordinator never see who they are.
      </p>
      {list.items.length === 0 ? (
        <p>No stakeholders yet.</p>
      ) : (
        <ul className="card-list" aria-label="Stakeholders">
          {list.items.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> ({s.email}){s.relation ? `, ${s.relation}` : ""}
              <br />
              <span className="muted">
                {s.answered.length ? `Rated: ${s.answered.map((p) => PHASE_LABELS[p]).join(", ")}. ` : "Has not rated yet. "}
                {s.pending.length ? `Link waiting for: ${s.pending.map((p) => PHASE_LABELS[p.phase]).join(", ")}.` : ""}
              </span>{" "}
              {s.answered.length === 0 ? (
                <button type="button" className="button button--link" onClick={() => setRemoving({ id: s.id, name: s.name })}>
                  Remove<span className="visually-hidden"> {s.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.items.length < list.max ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Add a stakeholder">
          <ErrorSummary errors={errors} fields={fields} />
          <h3>Add a stakeholder</h3>
          <TextField
            id="stakeholder-name"
            label="Name"
            value={draft.name}
            onChange={(v) => setDraft((d) => ({ ...d, name: v }))}
            error={errors.fields.name}
          />
          <TextField
            id="stakeholder-email"
            label="Email"
            type="email"
            value={draft.email}
            onChange={(v) => setDraft((d) => ({ ...d, email: v }))}
            error={errors.fields.email}
          />
          <TextField
            id="stakeholder-relation"
            label="How they work with the coachee (optional)"
            hint="For example peer, report or team lead."
            value={draft.relation}
            onChange={(v) => setDraft((d) => ({ ...d, relation: v }))}
            error={errors.fields.relation}
          />
          <SubmitButton pending={add.isPending} pendingLabel="Adding…" variant="secondary">
            Add the stakeholder
          </SubmitButton>
        </form>
      ) : null}
      {canRequest && list.items.length > 0 ? (
        <div className="form form--inline">
          <SelectField
            id="rating-phase"
            label="Ask every stakeholder for"
            value={phase}
            options={(["baseline", "midpoint", "final"] as const).map((p) => ({
              value: p,
              label: `the ${PHASE_LABELS[p].toLowerCase()} rating`,
            }))}
            onChange={(v) => setPhase(v as Phase)}
          />
          <button type="button" className="button button--secondary" onClick={() => send.mutate()} disabled={send.isPending}>
            {send.isPending ? "Sending…" : "Send the rating links"}
          </button>
          {send.isError ? (
            <p className="field__error" role="alert">
              {send.error.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ""}?`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onCancel={() => setRemoving(null)}
      >
        <p>Any rating link sent to them stops working.</p>
      </ConfirmDialog>
    </section>
  );
}
