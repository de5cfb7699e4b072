import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { hasFeature, type ProgrammeType, sideWord } from "../../../core/programme-modes";
import { ErrorState } from "../../components/error-state";
import { LoadingState } from "../../components/loading-state";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { ActionItemList, AddActionItemForm } from "./action-items-section";
import { Topics } from "./agenda-topics";
import { type Agenda, agendaQuery, commentOnAgenda, saveAgenda, shareAgenda, workspaceKeys } from "./workspace-api";
import { formatInstant } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

type Props = {
  pairId: string;
  sessionId: string;
  side: "mentor" | "mentee";
  partner: string;
  writable: boolean;
  open: boolean;
  type: ProgrammeType;
};

/**
 * The session's agenda, written by the side the mode names (the mentee in mentoring, the
 * coach in coaching), with its comments; in coaching the coachee's topics beside it, in
 * mentoring the action items around it.
 */
export function AgendaSection(props: Props) {
  const query = useQuery(agendaQuery(props.pairId, props.sessionId));
  if (query.isPending) return <LoadingState label="Loading the agenda…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const agenda = query.data;
  const { pairId, sessionId, side, writable, type } = props;
  const author = sideWord(type, agenda.author);
  const instead = hasFeature(type, "agendaTopics") ? "you can add the topics you want to raise below" : "you can comment once it is shared";
  return (
    <>
      <section className="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title">Agenda</h2>
        {agenda.author === side ? (
          <AuthorAgenda key={agenda.version} agenda={agenda} {...props} />
        ) : agenda.sections ? (
          <SharedAgenda agenda={agenda} pairId={pairId} />
        ) : (
          <p>
            {props.partner} has not shared an agenda for this session yet. The {author} writes it; {instead}.
          </p>
        )}
        <Comments agenda={agenda} pairId={pairId} sessionId={sessionId} writable={writable} side={side} />
      </section>
      {hasFeature(type, "agendaTopics") ? <Topics agenda={agenda} pairId={pairId} sessionId={sessionId} partner={props.partner} /> : null}
      {hasFeature(type, "actionItems") ? <SessionActionItems agenda={agenda} {...props} /> : null}
    </>
  );
}

function SessionActionItems({ agenda, pairId, sessionId, side, writable }: Props & { agenda: Agenda }) {
  return (
    <section className="card" aria-labelledby="items-title">
      <h2 id="items-title">Action items</h2>
      <h3>Carried into this session</h3>
      <ActionItemList
        pairId={pairId}
        items={agenda.carriedActionItems}
        writable={writable}
        side={side}
        empty="Nothing open from before."
        label="Carried into this session"
      />
      <h3>Agreed in this session</h3>
      <ActionItemList
        pairId={pairId}
        items={agenda.sessionActionItems}
        writable={writable}
        side={side}
        empty="None yet."
        label="Agreed in this session"
      />
      {writable ? <AddActionItemForm pairId={pairId} side={side} sessionId={sessionId} /> : null}
    </section>
  );
}

function SharedAgenda({ agenda, pairId }: { agenda: Agenda; pairId: string }) {
  const zone = useViewerTimeZone(pairId);
  return (
    <>
      {agenda.sharedAt ? <p className="muted">Shared {formatInstant(agenda.sharedAt, zone)}.</p> : null}
      <dl className="agenda">
        {agenda.sections?.map((s) => (
          <div key={s.key}>
            <dt>{s.heading}</dt>
            <dd className="prose">{s.text || <span className="muted">(nothing written)</span>}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function AuthorAgenda({ agenda, pairId, sessionId, partner, writable, open }: Props & { agenda: Agenda }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries((agenda.sections ?? []).map((s) => [s.key, s.text])));
  const [stale, setStale] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.pair(pairId) });

  const save = useMutation({
    mutationFn: async (share: boolean) => {
      const saved = await saveAgenda(pairId, sessionId, agenda.version, text);
      return share && saved.status !== "shared" ? shareAgenda(pairId, sessionId) : saved;
    },
    onSuccess: async (saved, share) => {
      queryClient.setQueryData(workspaceKeys.agenda(pairId, sessionId), saved);
      announce(
        share
          ? `Agenda shared with ${partner}.`
          : saved.status === "shared"
            ? `Saved. ${partner} sees the new version.`
            : "Draft saved. Only you can see it.",
      );
      await refresh();
    },
    onError: (error) => {
      if (isApiError(error, "version_conflict")) setStale(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(false);
  };

  if (!writable || !open)
    return agenda.sections && agenda.status !== "none" ? (
      <SharedAgenda agenda={agenda} pairId={pairId} />
    ) : (
      <p className="muted">No agenda was written.</p>
    );
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Your agenda">
      <p>
        {agenda.status === "shared"
          ? `Shared with ${partner}. Changes you save are shared straight away.`
          : agenda.status === "draft"
            ? `A draft: ${partner} cannot see it until you share it.`
            : "Prepare for the session: write as much or as little as helps. Share it when it's ready."}
      </p>
      {agenda.sections?.map((s) => (
        <TextAreaField
          key={s.key}
          id={`agenda-${s.key}`}
          label={s.heading}
          hint={s.prompt}
          value={text[s.key] ?? ""}
          onChange={(v) => setText((t) => ({ ...t, [s.key]: v }))}
          rows={3}
          maxLength={5000}
        />
      ))}
      {stale ? (
        <div className="notice notice--warning" role="alert">
          <p>
            The agenda was changed elsewhere (another tab?) since you opened it. Your text is still here; copy what you need, then reload.
          </p>
          <button type="button" className="button button--secondary" onClick={() => void refresh()}>
            Reload the agenda
          </button>
        </div>
      ) : null}
      {save.isError && !stale ? (
        <p className="field__error" role="alert">
          {save.error.message}
        </p>
      ) : null}
      <div className="actions-row">
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {save.isPending && !save.variables ? "Saving…" : agenda.status === "shared" ? "Save changes" : "Save draft"}
        </button>
        {agenda.status !== "shared" ? (
          <button type="button" className="button button--primary" disabled={save.isPending} onClick={() => save.mutate(true)}>
            {save.isPending && save.variables ? "Sharing…" : `Save and share with ${partner}`}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Comments({
  agenda,
  pairId,
  sessionId,
  writable,
  side,
}: {
  agenda: Agenda;
  pairId: string;
  sessionId: string;
  writable: boolean;
  side: string;
}) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: () => commentOnAgenda(pairId, sessionId, body),
    onSuccess: (saved) => {
      setBody("");
      queryClient.setQueryData(workspaceKeys.agenda(pairId, sessionId), saved);
      announce("Comment added.");
    },
    onError: (e) => setError(isApiError(e) ? (e.fieldIssues[0]?.message ?? e.message) : "That didn't work. Try again."),
  });
  if (agenda.status !== "shared") return null;
  return (
    <div className="comments">
      <h3>Comments</h3>
      {agenda.comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className="comment-list">
          {agenda.comments.map((c) => (
            <li key={c.id}>
              <p className="comment__by">
                {c.author.side === side ? "You" : c.author.name} <span className="muted">· {formatInstant(c.createdAt, zone)}</span>
              </p>
              <p className="prose">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {writable ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            if (!body.trim()) {
              setError("Write a comment");
              return;
            }
            add.mutate();
          }}
        >
          <TextAreaField
            id="agenda-comment"
            label="Add a comment"
            value={body}
            onChange={setBody}
            error={error}
            rows={2}
            maxLength={2000}
          />
          <button type="submit" className="button button--secondary" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add comment"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
