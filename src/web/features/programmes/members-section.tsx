import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { announce } from "../../lib/announce";
import { setFlash } from "../../lib/flash";
import { sessionQueryKey, useCurrentUser } from "../auth/session";
import { AddMemberForm } from "./add-member-form";
import { type Member, membersQuery, type Programme, programmeKeys, removeCoordinator } from "./programmes-api";

/**
 * The people who run the programme. Coordinators add and remove each other here; the
 * server keeps at least one. Participants are managed on the Participants page.
 */
export function MembersSection({ programme, canManage }: { programme: Programme; canManage: boolean }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!canManage) return null;
  return (
    <section aria-labelledby="programme-coordinators" className="card">
      <h2 id="programme-coordinators" ref={headingRef} tabIndex={-1}>
        Coordinators
      </h2>
      <CoordinatorRoster programme={programme} onRemoved={() => headingRef.current?.focus()} />
    </section>
  );
}

function CoordinatorRoster({ programme, onRemoved }: { programme: Programme; onRemoved: () => void }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery(membersQuery(programme.id));
  const [removing, setRemoving] = useState<Member | null>(null);

  const mutation = useMutation({
    mutationFn: (member: Member) => removeCoordinator(programme.id, member.userId),
    onSuccess: async (_result, member) => {
      setRemoving(null);
      if (member.userId === user.id && !user.isAdmin) {
        // Without the role the programme is no longer ours to see.
        await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        queryClient.removeQueries({ queryKey: programmeKeys.detail(programme.id) });
        await queryClient.invalidateQueries({ queryKey: ["programmes", "list"] });
        setFlash(`You are no longer a coordinator of “${programme.name}”.`, "/programmes");
        await navigate({ to: "/programmes" });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: programmeKeys.members(programme.id) });
      announce(`${member.name} is no longer a coordinator.`);
      onRemoved();
    },
  });

  if (query.isPending) return <LoadingState label="Loading coordinators…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Coordinators couldn't be loaded" />;
  const coordinators = query.data.filter((member) => member.role === "coordinator");
  const archived = programme.status === "archived";

  return (
    <>
      {coordinators.length === 0 ? (
        <p className="empty">Nobody coordinates this programme yet; instance admins can still manage it.</p>
      ) : (
        <ul className="member-list">
          {coordinators.map((member) => (
            <li key={member.userId} className="member">
              <span className="member__name">
                {member.name}
                {member.userId === user.id ? <span className="muted"> (you)</span> : null}
              </span>
              <span className="member__email">{member.email}</span>
              {archived ? null : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    mutation.reset();
                    setRemoving(member);
                  }}
                >
                  Remove<span className="visually-hidden"> {member.name} as coordinator</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Mentors, mentees and applicants are on the{" "}
        <Link to="/programmes/$programmeId/participants" params={{ programmeId: programme.id }}>
          Participants
        </Link>{" "}
        page.
      </p>
      {archived ? null : <AddMemberForm programmeId={programme.id} />}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? `Remove ${removing.name} as coordinator?` : ""}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        variant="danger"
        pending={mutation.isPending}
        error={mutation.isError ? mutation.error.message : null}
        onConfirm={() => removing && mutation.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing?.userId === user.id
            ? "You will no longer be able to manage this programme, unless another coordinator adds you back."
            : `${removing?.name ?? "They"} will no longer be able to manage “${programme.name}”. Their account stays.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
