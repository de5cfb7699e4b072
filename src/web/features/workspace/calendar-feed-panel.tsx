import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { CopyField } from "../../components/copy-field";
import { announce } from "../../lib/announce";
import { calendarFeedQuery, issueCalendarFeed, revokeCalendarFeed, workspaceKeys } from "./workspace-api";
import { formatInstant } from "./workspace-format";

/**
 * A private calendar address with every session of every pair, for any calendar app.
 * Only a hash is stored, so the address is shown once; replacing it breaks the old one.
 */
export function CalendarFeedPanel() {
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery);
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"replace" | "revoke" | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const issue = useMutation({
    mutationFn: issueCalendarFeed,
    onSuccess: async (created) => {
      setUrl(created.url);
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.calendarFeed });
      announce("Your calendar address is ready to copy.");
    },
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: async () => {
      setUrl(null);
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.calendarFeed });
      statusRef.current?.focus();
    },
  });
  const active = feed.data?.active ?? false;

  return (
    <section className="card" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">Your sessions in your calendar</h2>
      <p>
        Subscribe to a private address in Google Calendar, Outlook or Apple Calendar and every session of every pair shows up there, kept up
        to date. It carries titles, times and places only — never agendas or notes.
      </p>
      <p ref={statusRef} tabIndex={-1} className="muted">
        {feed.isPending
          ? "Checking your calendar address…"
          : active && feed.data?.createdAt
            ? `Your calendar address is on (made ${formatInstant(feed.data.createdAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}).`
            : "You have no calendar address."}
      </p>
      {url ? (
        <CopyField
          id="calendar-feed-url"
          label="Your calendar address"
          value={url}
          what="calendar address"
          hint="Copy it now: it is shown only this once. Anyone with it can see your session times."
        />
      ) : null}
      <div className="actions-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => (active ? setConfirm("replace") : issue.mutate())}
          disabled={issue.isPending}
        >
          {issue.isPending ? "Making an address…" : active ? "Make a new address" : "Make a calendar address"}
        </button>
        {active ? (
          <button type="button" className="button button--danger-outline" onClick={() => setConfirm("revoke")}>
            Turn the address off
          </button>
        ) : null}
      </div>
      {issue.isError && confirm === null ? (
        <p className="field__error" role="alert">
          {issue.error.message}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirm === "replace"}
        title="Make a new calendar address?"
        confirmLabel="Make a new address"
        pendingLabel="Making…"
        pending={issue.isPending}
        error={issue.isError ? issue.error.message : undefined}
        onConfirm={() => issue.mutate()}
        onCancel={() => setConfirm(null)}
      >
        <p>The old address stops working at once. Calendars subscribed to it need the new one.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "revoke"}
        title="Turn your calendar address off?"
        confirmLabel="Turn it off"
        pendingLabel="Turning off…"
        variant="danger"
        pending={revoke.isPending}
        error={revoke.isError ? revoke.error.message : undefined}
        onConfirm={() => revoke.mutate()}
        onCancel={() => setConfirm(null)}
      >
        <p>Calendars subscribed to it stop getting your sessions. You can make a new address any time.</p>
      </ConfirmDialog>
    </section>
  );
}
