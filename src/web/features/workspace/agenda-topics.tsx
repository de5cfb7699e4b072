import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { type Agenda, raiseTopic, withdrawTopic, workspaceKeys } from "./workspace-api";
import { formatInstant } from "./workspace-format";
import { useViewerTimeZone } from "./workspace-layout";

/**
 * Coaching: the coach owns the agenda; the coachee adds the topics they want to raise
 * beside it, and the coach sees them straight away, shared agenda or not.
 */
export function Topics({ agenda, pairId, sessionId, partner }: { agenda: Agenda; pairId: string; sessionId: string; partner: string }) {
  const queryClient = useQueryClient();
  const zone = useViewerTimeZone(pairId);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const saved = (next: Agenda, message: string) => {
    queryClient.setQueryData(workspaceKeys.agenda(pairId, sessionId), next);
    announce(message);
  };
  const add = useMutation({
    mutationFn: () => raiseTopic(pairId, sessionId, body.trim()),
    onSuccess: (next) => {
      setBody("");
      saved(next, `Topic added. ${partner} can see it.`);
    },
    onError: (e) => setError(isApiError(e) ? (e.fieldIssues[0]?.message ?? e.message) : "That didn't work. Try again."),
  });
  const remove = useMutation({
    mutationFn: (topicId: string) => withdrawTopic(pairId, sessionId, topicId),
    onSuccess: (next) => saved(next, "Topic taken back."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!body.trim()) {
      setError("Write the topic");
      return;
    }
    add.mutate();
  };
  return (
    <section className="card" aria-labelledby="topics-title">
      <h2 id="topics-title">Topics I want to raise</h2>
      {agenda.topics.length === 0 ? (
        <p className="muted">
          {agenda.canRaiseTopics ? "Nothing yet. Add what you would like to bring up." : "The coachee has not added any topics."}
        </p>
      ) : (
        <ul className="comment-list" aria-label="Topics">
          {agenda.topics.map((t) => (
            <li key={t.id}>
              <p className="comment__by">
                {t.mine ? "You" : t.author.name} <span className="muted">· {formatInstant(t.createdAt, zone)}</span>
              </p>
              <p className="prose">{t.body}</p>
              {t.mine && agenda.canRaiseTopics ? (
                <button type="button" className="button button--link" onClick={() => remove.mutate(t.id)} disabled={remove.isPending}>
                  Take it back<span className="visually-hidden">: {t.body}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {agenda.canRaiseTopics ? (
        <form className="form" onSubmit={submit} noValidate aria-label="Raise a topic">
          <TextAreaField
            id="agenda-topic"
            label="A topic to raise"
            value={body}
            onChange={setBody}
            error={error}
            rows={2}
            maxLength={1000}
          />
          <button type="submit" className="button button--secondary" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add the topic"}
          </button>
        </form>
      ) : null}
    </section>
  );
}
