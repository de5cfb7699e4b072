import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { sessionQueryOptions } from "../features/auth/session";
import { setupStatusQueryOptions } from "../features/setup/setup-api";
import { AppShell } from "./app-shell";
import { NotFoundPage } from "./not-found-page";
import { PublicLayout } from "./public-layout";
import { RootErrorPage } from "./root-error-page";
import { RootLayout } from "./root-layout";
import { oneOf, optionalString, pageNumber, safeRedirect } from "./search-params";

export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  // A brand-new instance has nobody to sign in as: everything leads to first-run setup.
  beforeLoad: async ({ context, location }) => {
    const setup = await context.queryClient.ensureQueryData(setupStatusQueryOptions);
    if (setup.needsSetup && location.pathname !== "/setup") throw redirect({ to: "/setup", replace: true });
  },
  notFoundComponent: NotFoundPage,
  errorComponent: RootErrorPage,
});

// ---- Before signing in -------------------------------------------------------------

const publicRoute = createRoute({ getParentRoute: () => rootRoute, id: "_public", component: PublicLayout });

const setupRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.ensureQueryData(setupStatusQueryOptions);
    if (!setup.needsSetup) throw redirect({ to: "/", replace: true });
  },
  component: lazyRouteComponent(() => import("../features/setup/setup-page"), "SetupPage"),
});

const signInRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (session) throw redirect({ href: search.redirect ?? "/programmes", replace: true });
  },
  component: lazyRouteComponent(() => import("../features/auth/sign-in-page"), "SignInPage"),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(() => import("../features/auth/forgot-password-page"), "ForgotPasswordPage"),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: optionalString(search.token) }),
  component: lazyRouteComponent(() => import("../features/auth/reset-password-page"), "ResetPasswordPage"),
});

// ---- Signed in ---------------------------------------------------------------------

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  },
  component: AppShell,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/programmes", replace: true });
  },
});

export const programmeStatuses = ["active", "archived", "all"] as const;
export type ProgrammeListSearch = { q?: string; status?: (typeof programmeStatuses)[number]; page?: number };

const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes",
  validateSearch: (search: Record<string, unknown>): ProgrammeListSearch => ({
    q: optionalString(search.q, 100),
    status: oneOf(search.status, programmeStatuses),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import("../features/programmes/programme-list-page"), "ProgrammeListPage"),
});

const newProgrammeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/new",
  component: lazyRouteComponent(() => import("../features/programmes/programme-create-page"), "ProgrammeCreatePage"),
});

const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId",
  component: lazyRouteComponent(() => import("../features/programmes/programme-detail-page"), "ProgrammeDetailPage"),
});

const editProgrammeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/edit",
  component: lazyRouteComponent(() => import("../features/programmes/programme-edit-page"), "ProgrammeEditPage"),
});

export type UserListSearch = { q?: string; page?: number };

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/users",
  validateSearch: (search: Record<string, unknown>): UserListSearch => ({
    q: optionalString(search.q, 100),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import("../features/users/users-page"), "UsersPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account",
  component: lazyRouteComponent(() => import("../features/account/account-page"), "AccountPage"),
});

export const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([setupRoute, signInRoute, forgotPasswordRoute, resetPasswordRoute]),
  appRoute.addChildren([homeRoute, programmesRoute, newProgrammeRoute, programmeRoute, editProgrammeRoute, usersRoute, accountRoute]),
]);
