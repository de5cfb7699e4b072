import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { announce } from "../../lib/announce";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { CheckInForm } from "./check-in-form";
import { CheckInHistoryList } from "./check-in-history";
import { checkInHistoryQuery, checkInKeys, deleteCheckIn } from "./check-ins-api";
import { MessageForm, RemindButton } from "./contact-forms";
import "../surveys/surveys.css";

const route = getRouteApi("/_app/programmes/$programmeId/check-ins/$relationshipId");

/** One pair's check-ins: log one, message them, remind them, and read the history. */
export function PairCheckInsPage() {
  const { programmeId, relationshipId } = route.useParams();
  return (
    <ProgrammeSection programmeId={programmeId} title="Pair check-ins">
      {(programme) => <PairCheckIns programme={programme} relationshipId={relationshipId} />}
    </ProgrammeSection>
  );
}

function PairCheckIns({ programme, relationshipId }: { programme: Programme; relationshipId: string }) {
  const query = useQuery(checkInHistoryQuery(programme.id, relationshipId));
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (checkInId: string) => deleteCheckIn(programme.id, relationshipId, checkInId),
    onSuccess: async () => {
      setRemoving(null);
      announce("Check-in deleted.");
      await queryClient.invalidateQueries({ queryKey: checkInKeys.all(programme.id) });
    },
  });
  if (query.isPending) return <LoadingState label="Loading the pair's check-ins…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <h2>
        {query.data.pair.mentee.name} and {query.data.pair.mentor.name}
      </h2>
      <p>
        <Link to="/programmes/$programmeId/check-ins" params={{ programmeId: programme.id }}>
          All check-ins
        </Link>
      </p>
      <div className="two-columns">
        <div>
          <CheckInForm programmeId={programme.id} relationshipId={relationshipId} canWriteNote={query.data.notesVisible} />
          <div className="actions-row">
            <RemindButton programmeId={programme.id} relationshipId={relationshipId} />
          </div>
          <MessageForm programmeId={programme.id} relationshipId={relationshipId} />
        </div>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          {!query.data.notesVisible ? <p className="muted">Notes are shown to this programme's coordinators only.</p> : null}
          <CheckInHistoryList
            history={query.data}
            onDelete={(id) => {
              remove.reset();
              setRemoving(id);
            }}
          />
        </section>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title="Delete this check-in?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        variant="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>Its outcome and note go with it. If it was a planned check-in, the plan shows it as not done again.</p>
      </ConfirmDialog>
    </>
  );
}
