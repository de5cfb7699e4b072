import { useMutation } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { PageHeading } from "../../components/page-heading";
import { unsubscribe } from "./growth-api";

const route = getRouteApi("/_public/unsubscribe/$token");

/**
 * Where the link at the bottom of a reminder lands. It asks before acting: link scanners
 * in mail systems open links, and opening must not unsubscribe anyone.
 */
export function UnsubscribePage() {
  const { token } = route.useParams();
  const done = useRef<HTMLHeadingElement>(null);
  const stop = useMutation({ mutationFn: () => unsubscribe(token) });
  useEffect(() => {
    if (stop.isSuccess) done.current?.focus();
  }, [stop.isSuccess]);
  if (stop.isSuccess) {
    return (
      <>
        <PageHeading>Unsubscribed</PageHeading>
        <div className="notice notice--success" role="status">
          <h2 className="notice__title" ref={done} tabIndex={-1}>
            You will no longer get: {stop.data.label}
          </h2>
          <p>Invitations, password resets and session invitations still arrive.</p>
        </div>
        <p>
          Changed your mind? Switch it back on under <Link to="/account">Account → Email reminders</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>Stop these emails?</PageHeading>
      <p>This switches off the kind of reminder this link came with. Other emails are not affected.</p>
      {stop.isError ? (
        <div className="notice notice--error" role="alert">
          <p>{stop.error.message}</p>
        </div>
      ) : null}
      <div className="actions-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => stop.mutate()}
          disabled={stop.isPending}
          aria-busy={stop.isPending || undefined}
        >
          {stop.isPending ? "Unsubscribing…" : "Unsubscribe"}
        </button>
        <Link to="/account">Choose in your account instead</Link>
      </div>
    </>
  );
}
