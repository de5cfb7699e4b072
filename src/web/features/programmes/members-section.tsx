import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { AddMemberForm } from "./add-member-form";
import { roleLabels } from "./programme-labels";
import { membersQuery, type Programme } from "./programmes-api";

/** Who takes part and in which role. Only coordinators (and admins) see the roster. */
export function MembersSection({ programme, canManage }: { programme: Programme; canManage: boolean }) {
  return (
    <section aria-labelledby="programme-members" className="card">
      <h2 id="programme-members">Members</h2>
      {canManage ? (
        <MemberRoster programme={programme} />
      ) : (
        <p className="muted">The list of members is visible to this programme's coordinators.</p>
      )}
    </section>
  );
}

function MemberRoster({ programme }: { programme: Programme }) {
  const query = useQuery(membersQuery(programme.id));
  if (query.isPending) return <LoadingState label="Loading members…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Members couldn't be loaded" />;
  const members = query.data;
  return (
    <>
      {members.length === 0 ? (
        <p className="empty">Nobody has joined yet.</p>
      ) : (
        <ul className="member-list">
          {members.map((member) => (
            <li key={`${member.userId}-${member.role}`} className="member">
              <span className="member__name">{member.name}</span>
              <span className="member__email">{member.email}</span>
              <span className="badge">{roleLabels[member.role]}</span>
            </li>
          ))}
        </ul>
      )}
      {programme.status !== "archived" ? <AddMemberForm programmeId={programme.id} /> : null}
    </>
  );
}
