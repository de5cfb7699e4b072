import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { archiveProgramme, type Programme, programmeKeys, restoreProgramme } from "./programmes-api";

type Outcome = "archived" | "restored" | null;

/**
 * Edit, archive and restore for coordinators. Archiving asks first, then offers an
 * immediate Undo (a restore), so a slip costs one click rather than a support request.
 */
export function ProgrammeActions({ programme, canManage }: { programme: Programme; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const bannerRef = useRef<HTMLDivElement>(null);

  const applied = async (updated: Programme, next: Outcome) => {
    queryClient.setQueryData(programmeKeys.detail(updated.id), updated);
    await queryClient.invalidateQueries({ queryKey: ["programmes", "list"] });
    setOutcome(next);
  };

  const archive = useMutation({
    mutationFn: () => archiveProgramme(programme.id),
    onSuccess: async (updated) => {
      setConfirming(false);
      await applied(updated, "archived");
    },
  });
  const restore = useMutation({
    mutationFn: () => restoreProgramme(programme.id),
    onSuccess: (updated) => applied(updated, "restored"),
  });

  // After archiving or undoing, the button that was pressed is gone: move focus to the
  // message that says what happened (and holds the Undo).
  useEffect(() => {
    if (outcome) bannerRef.current?.focus();
  }, [outcome]);

  const archived = programme.status === "archived";

  return (
    <>
      <div role="status" className="flash-region">
        {archived ? (
          <div className="notice notice--warning" ref={bannerRef} tabIndex={-1}>
            <p>
              {outcome === "archived"
                ? `“${programme.name}” has been archived. It no longer appears among active programmes.`
                : "This programme is archived. It is kept for reference and can be restored."}
            </p>
            {canManage ? (
              <button type="button" className="button button--secondary" onClick={() => restore.mutate()} disabled={restore.isPending}>
                {restore.isPending ? "Restoring…" : outcome === "archived" ? "Undo" : "Restore programme"}
                {outcome === "archived" && !restore.isPending ? <span className="visually-hidden"> archiving {programme.name}</span> : null}
              </button>
            ) : null}
          </div>
        ) : outcome === "restored" ? (
          <div className="notice notice--success" ref={bannerRef} tabIndex={-1}>
            <p>“{programme.name}” has been restored.</p>
          </div>
        ) : null}
      </div>
      {restore.isError ? (
        <p className="notice notice--error" role="alert">
          Restoring didn't work: {restore.error.message}
        </p>
      ) : null}

      {canManage && !archived ? (
        <div className="actions-row">
          <Link to="/programmes/$programmeId/edit" params={{ programmeId: programme.id }} className="button button--secondary">
            Edit programme
          </Link>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => {
              archive.reset();
              setConfirming(true);
            }}
          >
            Archive programme
          </button>
        </div>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={`Archive “${programme.name}”?`}
        confirmLabel="Archive"
        pendingLabel="Archiving…"
        variant="danger"
        pending={archive.isPending}
        error={archive.isError ? archive.error.message : null}
        onConfirm={() => archive.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>It will move out of the active list and can no longer be edited. Nothing is deleted: you can restore it at any time.</p>
      </ConfirmDialog>
    </>
  );
}
