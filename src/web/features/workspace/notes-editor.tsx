import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { type EditConflict, noteQuery, savePrivateNote, saveSharedNote, workspaceKeys } from "./workspace-api";
import { formatInstant } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

type Kind = "shared" | "private";

/**
 * Notes that are saved against the version they started from. If someone saved in the
 * meantime, nothing is overwritten: both texts are shown and the writer merges them.
 */
export function NotesEditor({
  pairId,
  sessionId,
  kind,
  writable,
}: {
  pairId: string;
  sessionId: string | null;
  kind: Kind;
  writable: boolean;
}) {
  const query = useQuery(noteQuery(pairId, sessionId, kind));
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{kind === "shared" ? "Shared notes" : "Your private notes"}</h2>
      <p className="muted">
        {kind === "shared"
          ? "You both read and edit these."
          : "Only you can ever read these — not your partner, not the coordinator, not an administrator."}
      </p>
      {query.isPending ? (
        <LoadingState label="Loading notes…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Editor pairId={pairId} sessionId={sessionId} kind={kind} writable={writable} saved={query.data} />
      )}
    </section>
  );
}

type Saved = { body: string; version: number; updatedAt: string | null; updatedBy?: { name: string; side: string } | null };

function Editor({
  pairId,
  sessionId,
  kind,
  writable,
  saved,
}: {
  pairId: string;
  sessionId: string | null;
  kind: Kind;
  writable: boolean;
  saved: Saved;
}) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const id = useId();
  const [text, setText] = useState(saved.body);
  const [base, setBase] = useState(saved.version);
  // The saved text the box started from: typing makes the box differ from it.
  const [origin, setOrigin] = useState(saved.body);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const key = kind === "shared" ? workspaceKeys.sharedNote(pairId, sessionId) : workspaceKeys.privateNote(pairId, sessionId);
  const dirty = text !== origin;

  // A newer version arriving (say a refetch after the partner saved) replaces the text
  // only while nothing unsaved is in the box; unsaved text is never thrown away.
  // biome-ignore lint/correctness/useExhaustiveDependencies: react to a new saved version only
  useEffect(() => {
    if (dirty || conflict) return;
    setText(saved.body);
    setOrigin(saved.body);
    setBase(saved.version);
  }, [saved.version, saved.body]);

  const save = useMutation({
    mutationFn: () => (kind === "shared" ? saveSharedNote : savePrivateNote)(pairId, sessionId, base, text),
    onSuccess: (note) => {
      setConflict(null);
      setText(note.body);
      setOrigin(note.body);
      setBase(note.version);
      queryClient.setQueryData(key, note);
      announce("Notes saved.");
    },
    onError: (error) => {
      if (isApiError(error, "edit_conflict")) {
        const details = error.details as EditConflict;
        setConflict(details);
        // From here the box is the merge: saving it replaces the version they have now seen.
        setBase(details.current.version);
      }
    },
  });
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const applyMerge = (merged: string) => {
    if (!conflict) return;
    setText(merged);
    setBase(conflict.current.version);
  };

  if (!writable)
    return saved.body ? <p className="prose notes__readonly">{saved.body}</p> : <p className="muted">No notes were written.</p>;

  return (
    <div className="notes">
      {conflict ? (
        <div className="notice notice--warning notes__conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3 className="notice__title">
            {kind === "shared"
              ? `${conflict.current.updatedBy?.name ?? "Your partner"} saved these notes while you were writing`
              : "These notes were saved from somewhere else while you were writing"}
          </h3>
          <p>
            Nothing is lost. Here is what is saved now; your text is still in the box below. Combine them there (or pick one of the
            buttons), then save.
          </p>
          <p className="notes__label">Saved now (version {conflict.current.version}):</p>
          <blockquote className="prose notes__theirs">{conflict.current.body || "(empty)"}</blockquote>
          <div className="actions-row">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => applyMerge(`${conflict.current.body}\n\n${conflict.yours}`)}
            >
              Keep both (saved text first)
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => applyMerge(conflict.yours)}>
              Keep only mine
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => applyMerge(conflict.current.body)}>
              Keep only the saved text
            </button>
          </div>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>{kind === "shared" ? "Notes you share" : "Notes for yourself"}</label>
        <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={8} maxLength={50_000} />
      </div>
      <div className="actions-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => save.mutate()}
          disabled={save.isPending || (!dirty && !conflict)}
        >
          {save.isPending ? "Saving…" : conflict ? "Save the merged notes" : kind === "shared" ? "Save shared notes" : "Save private notes"}
        </button>
        <span className="muted" role="status">
          {dirty
            ? "Unsaved changes"
            : saved.updatedAt
              ? `Saved ${formatInstant(saved.updatedAt, zone)}${saved.updatedBy ? ` by ${saved.updatedBy.name}` : ""}`
              : ""}
        </span>
      </div>
      {save.isError && !conflict ? (
        <p className="field__error" role="alert">
          {save.error.message}
        </p>
      ) : null}
    </div>
  );
}
