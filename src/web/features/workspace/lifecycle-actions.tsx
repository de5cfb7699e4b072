import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { END_CATEGORIES, END_CATEGORY_LABELS, type EndCategory } from "../../../core/relationships/status";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { SelectField } from "../../components/select-field";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { completePair, endPair, type MyRelationship, pausePair, resumePair, type WorkspaceOverview, workspaceKeys } from "./workspace-api";

type Dialog = "pause" | "resume" | "end" | "complete" | null;

// "Rematched by the coordinator" is the coordinator's to choose, not the pair's.
const categories = END_CATEGORIES.filter((c) => c !== "rematch").map((c) => ({ value: c, label: END_CATEGORY_LABELS[c] }));

/** Pause, resume, end early, complete: each one confirmed, each one said out loud when done. */
export function LifecycleActions({ pairId, overview }: { pairId: string; overview: WorkspaceOverview }) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const endNoteRef = useRef<HTMLTextAreaElement>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState("");
  const [category, setCategory] = useState<EndCategory>("schedule");
  const r = overview.relationship;
  const continuing = r.status === "completed" && r.continuing;

  const change = useMutation({
    mutationFn: (action: Exclude<Dialog, null>): Promise<MyRelationship> => {
      if (action === "pause") return pausePair(pairId, note.trim());
      if (action === "resume") return resumePair(pairId, note.trim());
      if (action === "end") return endPair(pairId, { category, ...(note.trim() ? { note: note.trim() } : {}) });
      return completePair(pairId);
    },
    onSuccess: async (updated, action) => {
      setDialog(null);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.mine, exact: true });
      announce(
        action === "pause"
          ? `Paused. ${r.partner.name} has been told.`
          : action === "resume"
            ? `Resumed. ${r.partner.name} has been told.`
            : updated.status === "ended"
              ? "The relationship has ended. Upcoming sessions are cancelled."
              : "The relationship is complete.",
      );
      headingRef.current?.focus();
    },
  });
  const open = (d: Dialog) => {
    change.reset();
    setNote("");
    setDialog(d);
  };

  if (!r.writable) return null;
  return (
    <section className="card" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title" ref={headingRef} tabIndex={-1}>
        {r.status === "paused" ? "Paused for now" : continuing ? "Meeting after the programme" : "Taking a break or stopping"}
      </h2>
      <p className="muted">
        {r.status === "paused"
          ? "Nothing is lost while you are paused. Resume when you are both ready to meet again."
          : continuing
            ? "You chose to keep meeting after the programme. Either of you can stop at any time."
            : "Busy stretch? Pause for a while. If this pair isn't working, you can end it — your coordinator can help you find what's next."}
      </p>
      <div className="actions-row">
        {r.status === "active" ? (
          <button type="button" className="button button--secondary" onClick={() => open("pause")}>
            Pause
          </button>
        ) : null}
        {r.status === "paused" ? (
          <button type="button" className="button button--primary" onClick={() => open("resume")}>
            Resume
          </button>
        ) : null}
        {overview.continuation.open && !continuing ? (
          <button type="button" className="button button--secondary" onClick={() => open("complete")}>
            Complete the relationship
          </button>
        ) : null}
        <button type="button" className="button button--danger-outline" onClick={() => open("end")}>
          {continuing ? "Stop meeting" : "End early"}
        </button>
      </div>

      <ConfirmDialog
        open={dialog === "pause" || dialog === "resume"}
        title={dialog === "resume" ? "Resume the relationship?" : "Pause the relationship?"}
        confirmLabel={dialog === "resume" ? "Resume" : "Pause"}
        pendingLabel={dialog === "resume" ? "Resuming…" : "Pausing…"}
        pending={change.isPending}
        error={change.isError ? change.error.message : undefined}
        initialFocusRef={noteRef}
        onConfirm={() => dialog && change.mutate(dialog)}
        onCancel={() => setDialog(null)}
      >
        <p>{r.partner.name} gets an email. While paused you can still write notes and agendas, but not schedule sessions.</p>
        <TextAreaField
          id="lifecycle-note"
          label="A note for your partner (optional)"
          hint="Shown in your workspace, not in the email."
          value={note}
          onChange={setNote}
          rows={3}
          maxLength={1000}
          ref={noteRef}
        />
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "end"}
        title={continuing ? "Stop meeting?" : "End the relationship early?"}
        confirmLabel={continuing ? "Stop meeting" : "End the relationship"}
        pendingLabel="Ending…"
        variant="danger"
        pending={change.isPending}
        error={change.isError ? change.error.message : undefined}
        onConfirm={() => change.mutate("end")}
        onCancel={() => setDialog(null)}
      >
        <p>
          Upcoming sessions are cancelled in both calendars and {r.partner.name} is told. The workspace stays readable but can no longer be
          changed.
          {continuing ? "" : " Your coordinator learns only that it ended and the general reason you pick — never your note."}
        </p>
        <SelectField
          id="end-category"
          label="The main reason"
          value={category}
          options={categories}
          onChange={(v) => setCategory(v as EndCategory)}
        />
        <TextAreaField
          id="end-note"
          label="In your own words (optional)"
          hint="Only the two of you can read this."
          value={note}
          onChange={setNote}
          rows={3}
          maxLength={2000}
          ref={endNoteRef}
        />
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === "complete"}
        title="Complete the relationship?"
        confirmLabel="Complete"
        pendingLabel="Completing…"
        pending={change.isPending}
        error={change.isError ? change.error.message : undefined}
        onConfirm={() => change.mutate("complete")}
        onCancel={() => setDialog(null)}
      >
        <p>
          This finishes the relationship for both of you without waiting for the question about continuing. Upcoming sessions are cancelled
          and the workspace becomes read-only.
        </p>
      </ConfirmDialog>
    </section>
  );
}
