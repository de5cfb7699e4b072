import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, Outlet, useRouterState } from "@tanstack/react-router";
import { rulesFor } from "../../core/programme-modes";
import type { CurrentUser } from "../features/auth/auth-api";
import { sessionEndedBySigningOut, sessionQueryOptions } from "../features/auth/session";
import { useSignOut } from "../features/auth/use-sign-out";
import { useMyParticipantProgrammes } from "../features/enrolment/my-programmes";
import { FlashMessage } from "./flash-message";
import { SkipLink } from "./skip-link";

/** The signed-in frame: brand, navigation by role, the page, and a way out. */
export function AppShell() {
  const { data: session } = useQuery(sessionQueryOptions);
  const href = useRouterState({ select: (state) => state.location.href });
  const signOut = useSignOut("here");
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // The session ended. After signing out, start afresh; after it expired (or was ended
  // on another device), come back here once signed in again.
  if (!session) {
    return <Navigate to="/sign-in" search={{ redirect: sessionEndedBySigningOut() ? undefined : href }} replace />;
  }
  const { user } = session;

  return (
    <div className="shell">
      <SkipLink />
      <header className="shell__header">
        <div className="shell__bar">
          <Link to="/programmes" className="brand brand--link">
            <span className="brand__mark" aria-hidden="true" />
            Grove
          </Link>
          <div className="shell__user">
            <span className="shell__user-name" title={user.email}>
              <span className="visually-hidden">Signed in as </span>
              {user.name}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? "Signing out…" : "Sign out"}
            </button>
          </div>
        </div>
        <nav className="shell__nav" aria-label="Main">
          <ul>
            <li>
              <Link
                to="/programmes"
                // Current on every programme page except one's own enrolment, which has its own entry.
                activeOptions={{ exact: true, includeSearch: false }}
                aria-current={pathname.startsWith("/programmes") && !pathname.endsWith("/my-enrolment") ? "page" : undefined}
              >
                Programmes
              </Link>
            </li>
            <MyEnrolmentNavItem user={user} pathname={pathname} />
            <MyPairsNavItem user={user} />
            <CoachingNavItems user={user} />
            <MySurveysNavItem user={user} />
            {user.isAdmin ? (
              <li>
                <Link to="/users" activeProps={{ "aria-current": "page" }}>
                  Users
                </Link>
              </li>
            ) : null}
            <li>
              <Link to="/account" activeProps={{ "aria-current": "page" }}>
                Account
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="shell__main">
        {signOut.isError ? (
          <p className="notice notice--error" role="alert">
            Signing out didn't work: {signOut.error.message}
          </p>
        ) : null}
        <FlashMessage />
        <Outlet />
      </main>
      <footer className="shell__footer">
        <p>
          Grove · <a href="/api/docs">API reference</a>
        </p>
      </footer>
    </div>
  );
}

/**
 * "My enrolment" for people who applied to or take part in a programme: straight to
 * it when there is one, to a short list when there are several.
 */
function MyEnrolmentNavItem({ user, pathname }: { user: CurrentUser; pathname: string }) {
  const { programmes } = useMyParticipantProgrammes(user);
  if (programmes.length === 0) return null;
  const current = pathname === "/my-enrolment" || pathname.endsWith("/my-enrolment") ? "page" : undefined;
  return (
    <li>
      {programmes.length === 1 ? (
        <Link to="/programmes/$programmeId/my-enrolment" params={{ programmeId: programmes[0].id }} aria-current={current}>
          My enrolment
        </Link>
      ) : (
        <Link to="/my-enrolment" aria-current={current}>
          My enrolments
        </Link>
      )}
    </li>
  );
}

/**
 * "My pairs" for anyone on a side of a pair (a sponsor is not): every pair and its
 * workspace. Called engagements when all of them are coaching.
 */
function MyPairsNavItem({ user }: { user: CurrentUser }) {
  const { programmes } = useMyParticipantProgrammes(user);
  const sides = programmes.filter((p) => p.myRole !== "sponsor");
  if (sides.length === 0) return null;
  const label = `My ${[...new Set(sides.map((p) => rulesFor(p.type).words.pairs))].join(" and ")}`;
  return (
    <li>
      <Link to="/pairs" activeOptions={{ exact: false }} activeProps={{ "aria-current": "page" }}>
        {label}
      </Link>
    </li>
  );
}

/** The coach's dashboard for coaches; the sponsor's screen for sponsors. */
function CoachingNavItems({ user }: { user: CurrentUser }) {
  const { programmes } = useMyParticipantProgrammes(user);
  return (
    <>
      {programmes.some((p) => p.myRole === "coach") ? (
        <li>
          <Link to="/coaching" activeOptions={{ exact: true }} activeProps={{ "aria-current": "page" }}>
            Coaching
          </Link>
        </li>
      ) : null}
      {programmes.some((p) => p.myRole === "sponsor") ? (
        <li>
          <Link to="/coaching/sponsored" activeProps={{ "aria-current": "page" }}>
            Sponsored coaching
          </Link>
        </li>
      ) : null}
    </>
  );
}

/** "Surveys" for anyone taking part: the surveys waiting for them, also reachable from their emails. */
function MySurveysNavItem({ user }: { user: CurrentUser }) {
  const { programmes } = useMyParticipantProgrammes(user);
  if (programmes.length === 0) return null;
  return (
    <li>
      <Link to="/surveys" activeProps={{ "aria-current": "page" }}>
        Surveys
      </Link>
    </li>
  );
}
