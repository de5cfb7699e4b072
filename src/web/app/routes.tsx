import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { sessionQueryOptions } from "../features/auth/session";
import {
  validateCompareSearch,
  validatePairDetailSearch,
  validatePairsSearch,
  validateRoundSearch,
} from "../features/matching/matching-search";
import { setupStatusQueryOptions } from "../features/setup/setup-api";
import { AppShell } from "./app-shell";
import { NotFoundPage } from "./not-found-page";
import { PublicLayout, PublicWideLayout } from "./public-layout";
import { RootErrorPage } from "./root-error-page";
import { RootLayout } from "./root-layout";
import { oneOf, optionalString, pageNumber, safeRedirect } from "./search-params";
import { supportAppRoutes, supportPublicRoutes } from "./support-routes";

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

// Where the unsubscribe link of a reminder email lands; it asks before switching anything off.
const unsubscribeRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "/unsubscribe/$token",
  component: lazyRouteComponent(() => import("../features/growth/unsubscribe-page"), "UnsubscribePage"),
});

// Public pages with longer forms (applying, accepting an invitation) get a wider column.
// They work signed in or not: the page itself offers to create an account or sign in.
const publicWideRoute = createRoute({ getParentRoute: () => rootRoute, id: "_public_wide", component: PublicWideLayout });

const applyRoute = createRoute({
  getParentRoute: () => publicWideRoute,
  path: "/apply/$slug",
  component: lazyRouteComponent(() => import("../features/enrolment/apply-page"), "ApplyPage"),
});

const invitationRoute = createRoute({
  getParentRoute: () => publicWideRoute,
  path: "/invitations/$token",
  component: lazyRouteComponent(() => import("../features/enrolment/invitation-page"), "InvitationPage"),
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

const programmeSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/settings",
  component: lazyRouteComponent(() => import("../features/programmes/programme-settings-page"), "ProgrammeSettingsPage"),
});

export const intakeRoles = ["mentor", "mentee", "coach", "coachee", "sponsor"] as const;

const intakeFormsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/forms",
  validateSearch: (search: Record<string, unknown>): { role?: (typeof intakeRoles)[number] } => ({
    role: oneOf(search.role, intakeRoles),
  }),
  component: lazyRouteComponent(() => import("../features/intake/form-builder-page"), "FormBuilderPage"),
});

const resourcesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/resources",
  component: lazyRouteComponent(() => import("../features/resources/resources-page"), "ResourcesPage"),
});

export const enrolmentStatuses = ["invited", "applied", "approved", "waitlisted", "declined", "withdrawn"] as const;
export const directorySorts = ["name", "email", "applied", "status", "role", "experience"] as const;
export type ParticipantSearch = {
  q?: string;
  role?: (typeof intakeRoles)[number];
  status?: (typeof enrolmentStatuses)[number];
  skill?: string;
  timezone?: string;
  training?: "done" | "not_done";
  paused?: "true" | "false";
  sort?: (typeof directorySorts)[number];
  order?: "asc" | "desc";
  page?: number;
};

const participantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/participants",
  validateSearch: (search: Record<string, unknown>): ParticipantSearch => ({
    q: optionalString(search.q, 100),
    role: oneOf(search.role, intakeRoles),
    status: oneOf(search.status, enrolmentStatuses),
    skill: optionalString(search.skill, 60),
    timezone: optionalString(search.timezone, 60),
    training: oneOf(search.training, ["done", "not_done"] as const),
    paused: oneOf(String(search.paused), ["true", "false"] as const),
    sort: oneOf(search.sort, directorySorts),
    order: oneOf(search.order, ["asc", "desc"] as const),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import("../features/participants/directory-page"), "DirectoryPage"),
});

const participantRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/participants/$enrolmentId",
  component: lazyRouteComponent(() => import("../features/participants/participant-page"), "ParticipantPage"),
});

const inviteRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/invite",
  component: lazyRouteComponent(() => import("../features/participants/invite-page"), "InvitePage"),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/import",
  component: lazyRouteComponent(() => import("../features/participants/import-page"), "ImportPage"),
});

const matchingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/matching",
  component: lazyRouteComponent(() => import("../features/matching/matching-page"), "MatchingPage"),
});

const matchingPairsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/matching/pairs",
  validateSearch: validatePairsSearch,
  component: lazyRouteComponent(() => import("../features/matching/pairs-page"), "PairsPage"),
});

const matchingCompareRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/matching/compare",
  validateSearch: validateCompareSearch,
  component: lazyRouteComponent(() => import("../features/matching/compare-page"), "ComparePage"),
});

const matchingRoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/matching/$roundId",
  validateSearch: validateRoundSearch,
  component: lazyRouteComponent(() => import("../features/matching/round-page"), "RoundPage"),
});

const matchingPairRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/matching/$roundId/pairs/$menteeEnrolmentId",
  validateSearch: validatePairDetailSearch,
  component: lazyRouteComponent(() => import("../features/matching/pair-page"), "PairPage"),
});

// The pair workspace: /pairs lists your pairs; /pairs/$pairId is a layout whose sections
// (WORKSPACE_SECTIONS in features/workspace/workspace-layout.tsx) are its child routes.
const pairsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/pairs",
  component: lazyRouteComponent(() => import("../features/workspace/pairs-page"), "PairsPage"),
});

const pairRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/pairs/$pairId",
  component: lazyRouteComponent(() => import("../features/workspace/workspace-layout"), "WorkspaceLayout"),
});

const pairOverviewRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/",
  component: lazyRouteComponent(() => import("../features/workspace/overview-page"), "OverviewPage"),
});

const pairPlanRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/plan",
  component: lazyRouteComponent(() => import("../features/workspace/plan-page"), "PlanPage"),
});

export const sessionWhens = ["upcoming", "past"] as const;

const pairSessionsRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/sessions",
  validateSearch: (search: Record<string, unknown>): { when?: (typeof sessionWhens)[number]; page?: number } => ({
    when: oneOf(search.when, sessionWhens),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import("../features/workspace/sessions-page"), "SessionsPage"),
});

const pairSessionRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/sessions/$sessionId",
  component: lazyRouteComponent(() => import("../features/workspace/session-page"), "SessionPage"),
});

// Growth sections of the workspace (features/growth): goals, reflections and the debrief, SWOT, introductions.
const pairGoalsRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/goals",
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: pageNumber(search.page) }),
  component: lazyRouteComponent(() => import("../features/growth/goals-page"), "GoalsPage"),
});

const pairNewGoalRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/goals/new",
  component: lazyRouteComponent(() => import("../features/growth/goal-new-page"), "GoalNewPage"),
});

const pairGoalRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/goals/$goalId",
  component: lazyRouteComponent(() => import("../features/growth/goal-page"), "GoalPage"),
});

const pairReflectionsRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/reflections",
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: pageNumber(search.page) }),
  component: lazyRouteComponent(() => import("../features/growth/reflections-page"), "ReflectionsPage"),
});

const pairDebriefRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/reflections/debrief",
  component: lazyRouteComponent(() => import("../features/growth/debrief-page"), "DebriefPage"),
});

const pairSwotRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/swot",
  component: lazyRouteComponent(() => import("../features/growth/swot-page"), "SwotPage"),
});

const pairIntroductionsRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/introductions",
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: pageNumber(search.page) }),
  component: lazyRouteComponent(() => import("../features/growth/introductions-page"), "IntroductionsPage"),
});

// Coordinators: how each pair of a programme is doing (metadata only).
export const pairsHealthSorts = ["risk", "last_session", "mentee"] as const;

const pairsHealthRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/pairs-health",
  validateSearch: (search: Record<string, unknown>): { sort?: (typeof pairsHealthSorts)[number]; page?: number; show?: "all" } => ({
    sort: oneOf(search.sort, pairsHealthSorts),
    page: pageNumber(search.page),
    show: oneOf(search.show, ["all"] as const),
  }),
  component: lazyRouteComponent(() => import("../features/growth/pairs-health-page"), "PairsHealthPage"),
});

const myEnrolmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/my-enrolment",
  component: lazyRouteComponent(() => import("../features/enrolment/my-enrolment-page"), "MyEnrolmentPage"),
});

// Self-match: a mentee finds and asks mentors; a mentor answers; coordinators see how it goes.
const pageSearch = (search: Record<string, unknown>): { page?: number } => ({ page: pageNumber(search.page) });

const findMentorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/find-a-mentor",
  validateSearch: pageSearch,
  component: lazyRouteComponent(() => import("../features/self-match/find-mentor-page"), "FindMentorPage"),
});

const myRequestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/my-requests",
  validateSearch: pageSearch,
  component: lazyRouteComponent(() => import("../features/self-match/my-requests-page"), "MyRequestsPage"),
});

const requestsInboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/requests",
  validateSearch: pageSearch,
  component: lazyRouteComponent(() => import("../features/self-match/inbox-page"), "InboxPage"),
});

const requestSummaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/match-requests",
  component: lazyRouteComponent(() => import("../features/self-match/request-summary-page"), "RequestSummaryPage"),
});

const myEnrolmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/my-enrolment",
  component: lazyRouteComponent(() => import("../features/enrolment/my-enrolments-page"), "MyEnrolmentsPage"),
});

// ---- Coaching: the coach-led parts of an engagement's workspace, and each role's own screens.
const pairSessionPlanRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/session-plan",
  component: lazyRouteComponent(() => import("../features/coaching/session-plan-page"), "SessionPlanPage"),
});

const pairOutcomesRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/outcomes",
  component: lazyRouteComponent(() => import("../features/coaching/outcomes-page"), "OutcomesPage"),
});

export const exerciseStatuses = ["open", "done", "all"] as const;
const pairExercisesRoute = createRoute({
  getParentRoute: () => pairRoute,
  path: "/exercises",
  validateSearch: (search: Record<string, unknown>): { status?: (typeof exerciseStatuses)[number]; page?: number } => ({
    status: oneOf(search.status, exerciseStatuses),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import("../features/coaching/exercises-page"), "ExercisesPage"),
});

const coachDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/coaching",
  component: lazyRouteComponent(() => import("../features/coaching/coach-dashboard-page"), "CoachDashboardPage"),
});

const sponsoredRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/coaching/sponsored",
  validateSearch: pageSearch,
  component: lazyRouteComponent(() => import("../features/coaching/sponsored-page"), "SponsoredPage"),
});

export const overviewSorts = ["risk", "coachee", "ends"] as const;
export const overviewStages = ["proposed", "contracting", "in_progress", "closing", "completed", "ended"] as const;
export type CoachingOverviewSearch = {
  stage?: (typeof overviewStages)[number];
  atRisk?: "true";
  sort?: (typeof overviewSorts)[number];
  page?: number;
};
const coachingOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/coaching",
  validateSearch: (search: Record<string, unknown>): CoachingOverviewSearch => ({
    stage: oneOf(search.stage, overviewStages),
    atRisk: oneOf(search.atRisk === true ? "true" : search.atRisk, ["true"] as const),
    sort: oneOf(search.sort, overviewSorts),
    page: pageNumber(search.page),
  }),
  component: lazyRouteComponent(() => import("../features/coaching/coaching-overview-page"), "CoachingOverviewPage"),
});

const coachingShortlistsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/coaching/shortlists",
  validateSearch: pageSearch,
  component: lazyRouteComponent(() => import("../features/coaching/shortlists-page"), "ShortlistsPage"),
});

const coachingPackagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/coaching/packages",
  component: lazyRouteComponent(() => import("../features/coaching/packages-page"), "PackagesPage"),
});

const coachingCoachesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/coaching/coaches",
  component: lazyRouteComponent(() => import("../features/coaching/coaches-page"), "CoachesPage"),
});

const coachProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/coaching/coaches/$enrolmentId",
  component: lazyRouteComponent(() => import("../features/coaching/coach-profile-page"), "CoachProfilePage"),
});

const coachingTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/coaching/templates",
  component: lazyRouteComponent(() => import("../features/coaching/templates-page"), "TemplatesPage"),
});

const chooseCoachRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/programmes/$programmeId/choose-a-coach",
  component: lazyRouteComponent(() => import("../features/coaching/choose-coach-page"), "ChooseCoachPage"),
});

// A stakeholder rates through a one-time link, without an account.
const rateRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: "/rate/$engagementId/$token",
  component: lazyRouteComponent(() => import("../features/coaching/rate-page"), "RatePage"),
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
  publicRoute.addChildren([
    setupRoute,
    signInRoute,
    forgotPasswordRoute,
    resetPasswordRoute,
    unsubscribeRoute,
    rateRoute,
    ...supportPublicRoutes(publicRoute),
  ]),
  publicWideRoute.addChildren([applyRoute, invitationRoute]),
  appRoute.addChildren([
    homeRoute,
    programmesRoute,
    newProgrammeRoute,
    programmeRoute,
    editProgrammeRoute,
    programmeSettingsRoute,
    intakeFormsRoute,
    resourcesRoute,
    participantsRoute,
    participantRoute,
    inviteRoute,
    importRoute,
    matchingRoute,
    matchingPairsRoute,
    matchingCompareRoute,
    matchingRoundRoute,
    matchingPairRoute,
    pairsHealthRoute,
    pairsRoute,
    pairRoute.addChildren([
      pairOverviewRoute,
      pairPlanRoute,
      pairSessionsRoute,
      pairSessionRoute,
      pairSessionPlanRoute,
      pairOutcomesRoute,
      pairExercisesRoute,
      pairGoalsRoute,
      pairNewGoalRoute,
      pairGoalRoute,
      pairReflectionsRoute,
      pairDebriefRoute,
      pairSwotRoute,
      pairIntroductionsRoute,
    ]),
    myEnrolmentRoute,
    myEnrolmentsRoute,
    findMentorRoute,
    myRequestsRoute,
    requestsInboxRoute,
    requestSummaryRoute,
    coachDashboardRoute,
    sponsoredRoute,
    coachingOverviewRoute,
    coachingShortlistsRoute,
    coachingPackagesRoute,
    coachingCoachesRoute,
    coachProfileRoute,
    coachingTemplatesRoute,
    chooseCoachRoute,
    usersRoute,
    accountRoute,
    ...supportAppRoutes(appRoute),
  ]),
]);
