import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { SelectField } from "../../components/select-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/dates";
import type { IntakeRoleName } from "../enrolment/enrolment-api";
import { intakeRoleLabels } from "../enrolment/enrolment-labels";
import { participantKeys, resendInvitation, revokeInvitation, type SentInvitation, sentInvitationsQuery } from "./participants-api";

const PAGE = 20;
const stateLabels: Record<SentInvitation["state"], string> = { pending: "Waiting", expired: "Expired", accepted: "Accepted" };
const filters = [
  { value: "", label: "All" },
  { value: "pending", label: "Waiting" },
  { value: "expired", label: "Expired" },
  { value: "accepted", label: "Accepted" },
];

/** What happened to the invitations already sent: resend a lost or expired one, revoke a mistake. */
export function SentInvitations({ programmeId }: { programmeId: string }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState("");
  const [offset, setOffset] = useState(0);
  const [revoking, setRevoking] = useState<SentInvitation | null>(null);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const query = useQuery(sentInvitationsQuery(programmeId, { state: state || undefined, limit: PAGE, offset }));

  const refresh = () => queryClient.invalidateQueries({ queryKey: participantKeys.all(programmeId) });
  const resend = useMutation({
    mutationFn: (invitation: SentInvitation) => resendInvitation(programmeId, invitation.id),
    onSuccess: async (_answer, invitation) => {
      const text = `A new invitation was sent to ${invitation.email}. The earlier link no longer works.`;
      setMessage({ kind: "success", text });
      announce(text);
      await refresh();
    },
    onError: (error) => setMessage({ kind: "error", text: isApiError(error) ? error.message : "The invitation could not be sent." }),
  });
  const revoke = useMutation({
    mutationFn: (invitation: SentInvitation) => revokeInvitation(programmeId, invitation.id),
    onSuccess: async (_answer, invitation) => {
      setRevoking(null);
      const text = `The invitation to ${invitation.email} was revoked; its link no longer works.`;
      setMessage({ kind: "success", text });
      announce(text);
      await refresh();
    },
  });

  const page = query.data;
  return (
    <section aria-labelledby="sent-invitations-title" className="card">
      <h2 id="sent-invitations-title">Invitations sent</h2>
      <SelectField
        id="invitation-state"
        label="Show"
        value={state}
        options={filters}
        onChange={(value) => {
          setState(value);
          setOffset(0);
        }}
      />
      {message ? (
        <p className={`notice notice--${message.kind}`} role={message.kind === "error" ? "alert" : undefined}>
          {message.text}
        </p>
      ) : null}
      {query.isPending ? (
        <LoadingState label="Loading invitations…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} title="The invitations couldn't be loaded" />
      ) : page && page.items.length === 0 ? (
        <p>{state ? "No invitations in this state." : "No invitations have been sent yet. Invitations you send appear here."}</p>
      ) : page ? (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Invitations sent, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">State</th>
                  <th scope="col">Sent</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{intakeRoleLabels[invitation.role as IntakeRoleName]}</td>
                    <td>
                      {stateLabels[invitation.state]}
                      <span className="data-table__sub">
                        {invitation.state === "accepted" && invitation.acceptedAt
                          ? formatDateTime(invitation.acceptedAt)
                          : invitation.state === "pending"
                            ? `until ${formatDateTime(invitation.expiresAt)}`
                            : `on ${formatDateTime(invitation.expiresAt)}`}
                      </span>
                    </td>
                    <td className="data-table__nowrap">
                      {formatDateTime(invitation.createdAt)}
                      {invitation.invitedBy ? <span className="data-table__sub">by {invitation.invitedBy}</span> : null}
                    </td>
                    <td className="data-table__nowrap">
                      {invitation.state === "accepted" ? null : (
                        <span className="actions-row actions-row--tight">
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={resend.isPending}
                            onClick={() => resend.mutate(invitation)}
                          >
                            Send again<span className="visually-hidden"> to {invitation.email}</span>
                          </button>
                          <button type="button" className="button button--danger button--small" onClick={() => setRevoking(invitation)}>
                            Revoke<span className="visually-hidden"> the invitation to {invitation.email}</span>
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.total > PAGE ? (
            <nav className="pagination" aria-label="Invitation pages">
              <button
                type="button"
                className="button button--secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                Previous<span className="visually-hidden"> page</span>
              </button>
              <p className="pagination__status">
                Page {offset / PAGE + 1} of {Math.ceil(page.total / PAGE)}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={offset + PAGE >= page.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                Next<span className="visually-hidden"> page</span>
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke invitation"
        pendingLabel="Revoking…"
        variant="danger"
        pending={revoke.isPending}
        error={revoke.isError ? (isApiError(revoke.error) ? revoke.error.message : "The invitation could not be revoked.") : undefined}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        <p>The link sent to {revoking?.email} will stop working. You can invite them again later; they get a new email then.</p>
      </ConfirmDialog>
    </section>
  );
}
