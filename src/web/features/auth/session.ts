import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { onCsrfRefresh, rememberCsrfToken } from "../../lib/api";
import { type CurrentUser, fetchSession, type SessionInfo } from "./auth-api";

export const sessionQueryKey = ["session"] as const;

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async () => {
    const session = await fetchSession();
    rememberCsrfToken(session?.csrfToken ?? null);
    return session;
  },
  staleTime: 60_000,
  retry: false,
});

/**
 * Whether the last session ended because the person signed out (then sign-in starts
 * fresh) rather than by expiring (then sign-in returns them to where they were).
 */
let signedOutOnPurpose = false;
export const sessionEndedBySigningOut = () => signedOutOnPurpose;

/** Keep the cache and the CSRF token in step whenever the server hands us a session. */
export function storeSession(queryClient: QueryClient, session: SessionInfo | null): void {
  signedOutOnPurpose = false;
  rememberCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(sessionQueryKey, session);
}

/**
 * Forget the session and everything fetched on its behalf. The signed-in layout sees
 * the session gone and moves to the sign-in page (see app/app-shell.tsx).
 */
export function forgetSession(queryClient: QueryClient, reason: "signed-out" | "expired"): void {
  signedOutOnPurpose = reason === "signed-out";
  rememberCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" && query.queryKey[0] !== "setup" });
  queryClient.setQueryData(sessionQueryKey, null);
}

export function installCsrfRefresh(queryClient: QueryClient): void {
  onCsrfRefresh(async () => {
    const session = await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    return session?.csrfToken ?? null;
  });
}

/**
 * The signed-in person. Only used below the signed-in layout, whose guard has
 * already loaded the session, so the data is always there.
 */
export function useCurrentUser(): CurrentUser {
  const { data } = useQuery(sessionQueryOptions);
  if (!data) throw new Error("useCurrentUser was used outside the signed-in area");
  return data.user;
}

/** Instance admins and anyone who coordinates a programme may start a new one. */
export function canCreateProgrammes(user: CurrentUser): boolean {
  return user.isAdmin || user.memberships.some((membership) => membership.role === "coordinator");
}
