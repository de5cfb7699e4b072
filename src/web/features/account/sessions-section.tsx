import { useSignOut } from "../auth/use-sign-out";

export function SessionsSection() {
  const here = useSignOut("here");
  const everywhere = useSignOut("everywhere");
  const error = here.error ?? everywhere.error;
  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">Signing out</h2>
      <p>
        Signing out everywhere ends your sessions on every device and browser, including this one, and revokes all your API tokens. Use it
        if you signed in on a shared computer, lost a device, or think someone else has used your account.
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          That didn't work: {error.message}
        </p>
      ) : null}
      <div className="actions-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => here.mutate()}
          disabled={here.isPending || everywhere.isPending}
        >
          {here.isPending ? "Signing out…" : "Sign out"}
        </button>
        <button
          type="button"
          className="button button--danger-outline"
          onClick={() => everywhere.mutate()}
          disabled={here.isPending || everywhere.isPending}
        >
          {everywhere.isPending ? "Signing out everywhere…" : "Sign out everywhere"}
        </button>
      </div>
    </section>
  );
}
