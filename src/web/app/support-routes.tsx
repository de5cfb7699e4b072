import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { oneOf, optionalString, pageNumber } from "./search-params";

/**
 * The support loop's pages (features/surveys, check-ins, alerts, support): coordinators'
 * surveys, check-ins, alert queue and settings inside a programme; a respondent's one-click
 * survey page (no sign-in) and their list of open surveys.
 */
export const alertStates = ["open", "acknowledged", "snoozed", "resolved", "unresolved"] as const;
export type AlertSearch = { state?: (typeof alertStates)[number]; type?: string; assignee?: string; page?: number };

export function supportPublicRoutes<P extends AnyRoute>(publicRoute: P) {
  const answerSurveyRoute = createRoute({
    getParentRoute: () => publicRoute,
    path: "/s/$token",
    component: lazyRouteComponent(() => import("../features/surveys/answer-survey-page"), "AnswerSurveyPage"),
  });
  return [answerSurveyRoute] as const;
}

export function supportAppRoutes<A extends AnyRoute>(appRoute: A) {
  const mySurveysRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/surveys",
    component: lazyRouteComponent(() => import("../features/surveys/my-surveys-page"), "MySurveysPage"),
  });
  const surveysRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/surveys",
    component: lazyRouteComponent(() => import("../features/surveys/surveys-page"), "SurveysPage"),
  });
  const newSurveyRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/surveys/new",
    component: lazyRouteComponent(() => import("../features/surveys/survey-builder-page"), "NewSurveyPage"),
  });
  const editSurveyRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/surveys/$surveyId/edit",
    component: lazyRouteComponent(() => import("../features/surveys/survey-builder-page"), "EditSurveyPage"),
  });
  const surveyResultsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/surveys/$surveyId",
    component: lazyRouteComponent(() => import("../features/surveys/survey-results-page"), "SurveyResultsPage"),
  });
  const checkInsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/check-ins",
    validateSearch: (search: Record<string, unknown>): { page?: number; show?: "attention" } => ({
      page: pageNumber(search.page),
      show: oneOf(search.show, ["attention"] as const),
    }),
    component: lazyRouteComponent(() => import("../features/check-ins/check-ins-page"), "CheckInsPage"),
  });
  const pairCheckInsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/check-ins/$relationshipId",
    component: lazyRouteComponent(() => import("../features/check-ins/pair-check-ins-page"), "PairCheckInsPage"),
  });
  const alertsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/alerts",
    validateSearch: (search: Record<string, unknown>): AlertSearch => ({
      state: oneOf(search.state, alertStates),
      type: optionalString(search.type, 40),
      assignee: optionalString(search.assignee, 40),
      page: pageNumber(search.page),
    }),
    component: lazyRouteComponent(() => import("../features/alerts/alerts-page"), "AlertsPage"),
  });
  const alertRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/alerts/$alertId",
    component: lazyRouteComponent(() => import("../features/alerts/alert-page"), "AlertPage"),
  });
  const supportSettingsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: "/programmes/$programmeId/support-settings",
    component: lazyRouteComponent(() => import("../features/support/support-settings-page"), "SupportSettingsPage"),
  });
  return [
    mySurveysRoute,
    surveysRoute,
    newSurveyRoute,
    editSurveyRoute,
    surveyResultsRoute,
    checkInsRoute,
    pairCheckInsRoute,
    alertsRoute,
    alertRoute,
    supportSettingsRoute,
  ] as const;
}
