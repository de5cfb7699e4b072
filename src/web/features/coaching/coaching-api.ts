import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CoachDashboard,
  CoachingOverview,
  CoachList,
  CoachProfile,
  CoachProfileUpdate,
  Engagement,
  EngagementAssign,
  Exercise,
  ExerciseCreate,
  ExerciseList,
  ExerciseUpdate,
  ExtensionCreate,
  MyShortlist,
  OutcomeBoard,
  OutcomeCreate,
  OutcomeUpdate,
  Package,
  PackageCreate,
  PackageList,
  PackageUpdate,
  PlanTemplate,
  PlanTemplateCreate,
  PlanTemplateList,
  PlanTemplateUpdate,
  RatingForm,
  RatingRequestsSent,
  SessionPlan,
  SessionSummary,
  Shortlist,
  ShortlistCreate,
  ShortlistSummaryList,
  ShortlistsMade,
  SponsoredList,
  StakeholderCreate,
  StakeholderList,
} from "../../../contracts/coaching";
import { api } from "../../lib/api";

export type EngagementT = z.infer<typeof Engagement>;
export type OutcomeBoardT = z.infer<typeof OutcomeBoard>;
export type OutcomeT = OutcomeBoardT["outcomes"][number];
export type SessionPlanT = z.infer<typeof SessionPlan>;
export type ExerciseT = z.infer<typeof Exercise>;
export type SummaryT = z.infer<typeof SessionSummary>;
export type ShortlistT = z.infer<typeof Shortlist>;
export type CoachProfileT = z.infer<typeof CoachProfile>;
export type PackageT = z.infer<typeof Package>;
export type TemplateT = z.infer<typeof PlanTemplate>;
export type OverviewT = z.infer<typeof CoachingOverview>;
export type DashboardT = z.infer<typeof CoachDashboard>;
export type SponsoredT = z.infer<typeof SponsoredList>;
export type StakeholdersT = z.infer<typeof StakeholderList>;
export type RatingFormT = z.infer<typeof RatingForm>;
export type Phase = "baseline" | "midpoint" | "final";

const id = encodeURIComponent;
const eng = (engagementId: string) => `/api/engagements/${id(engagementId)}`;
const prog = (programmeId: string) => `/api/programmes/${id(programmeId)}/coaching`;

/** Every query of one engagement starts with coachingKeys.engagement(id), so one change can refresh them all. */
export const coachingKeys = {
  all: ["coaching"] as const,
  engagement: (engagementId: string) => ["coaching", "engagement", engagementId] as const,
  outcomes: (engagementId: string) => ["coaching", "engagement", engagementId, "outcomes"] as const,
  plan: (engagementId: string) => ["coaching", "engagement", engagementId, "plan"] as const,
  exercises: (engagementId: string, status: string, page: number) =>
    ["coaching", "engagement", engagementId, "exercises", status, page] as const,
  summary: (engagementId: string, sessionId: string) => ["coaching", "engagement", engagementId, "summary", sessionId] as const,
  stakeholders: (engagementId: string) => ["coaching", "engagement", engagementId, "stakeholders"] as const,
  programme: (programmeId: string) => ["coaching", "programme", programmeId] as const,
  overview: (programmeId: string, search: Record<string, unknown>) => ["coaching", "programme", programmeId, "overview", search] as const,
  packages: (programmeId: string) => ["coaching", "programme", programmeId, "packages"] as const,
  coaches: (programmeId: string) => ["coaching", "programme", programmeId, "coaches"] as const,
  coach: (programmeId: string, enrolmentId: string) => ["coaching", "programme", programmeId, "coach", enrolmentId] as const,
  templates: (programmeId: string) => ["coaching", "programme", programmeId, "templates"] as const,
  shortlists: (programmeId: string, page: number) => ["coaching", "programme", programmeId, "shortlists", page] as const,
  myShortlist: (programmeId: string) => ["coaching", "programme", programmeId, "my-shortlist"] as const,
  dashboard: ["coaching", "dashboard"] as const,
  sponsored: (page: number) => ["coaching", "sponsored", page] as const,
};

// ---- One engagement

export const engagementQuery = (engagementId: string) =>
  queryOptions({
    queryKey: coachingKeys.engagement(engagementId),
    queryFn: ({ signal }) => api<EngagementT>(eng(engagementId), { signal }),
  });
export const completeEngagement = (engagementId: string) => api<EngagementT>(`${eng(engagementId)}/complete`, { method: "POST", body: {} });
export const extendEngagement = (engagementId: string, body: z.input<typeof ExtensionCreate>) =>
  api<EngagementT>(`${eng(engagementId)}/extensions`, { method: "POST", body });
export const setSponsor = (engagementId: string, email: string | null) =>
  api<EngagementT>(`${eng(engagementId)}/sponsor`, { method: "PUT", body: { email } });

export const sessionPlanQuery = (engagementId: string) =>
  queryOptions({
    queryKey: coachingKeys.plan(engagementId),
    queryFn: ({ signal }) => api<SessionPlanT>(`${eng(engagementId)}/session-plan`, { signal }),
  });
export const saveSessionPlan = (engagementId: string, version: number, entries: { title: string; purpose: string; activities: string }[]) =>
  api<SessionPlanT>(`${eng(engagementId)}/session-plan`, { method: "PUT", body: { version, entries } });
export const planFromTemplate = (engagementId: string, version: number, templateId: string) =>
  api<SessionPlanT>(`${eng(engagementId)}/session-plan/from-template`, { method: "POST", body: { version, templateId } });

export const EXERCISES_PER_PAGE = 20;
export const exercisesQuery = (engagementId: string, status: "open" | "done" | "all", page: number) =>
  queryOptions({
    queryKey: coachingKeys.exercises(engagementId, status, page),
    queryFn: ({ signal }) =>
      api<z.infer<typeof ExerciseList>>(`${eng(engagementId)}/exercises`, {
        signal,
        query: { status, limit: EXERCISES_PER_PAGE, offset: (page - 1) * EXERCISES_PER_PAGE },
      }),
  });
export const assignExercise = (engagementId: string, body: z.input<typeof ExerciseCreate>) =>
  api<ExerciseT>(`${eng(engagementId)}/exercises`, { method: "POST", body });
export const updateExercise = (engagementId: string, exerciseId: string, body: z.input<typeof ExerciseUpdate>) =>
  api<ExerciseT>(`${eng(engagementId)}/exercises/${id(exerciseId)}`, { method: "PATCH", body });
export const removeExercise = (engagementId: string, exerciseId: string) =>
  api<{ ok: true }>(`${eng(engagementId)}/exercises/${id(exerciseId)}`, { method: "DELETE" });

export const summaryQuery = (engagementId: string, sessionId: string) =>
  queryOptions({
    queryKey: coachingKeys.summary(engagementId, sessionId),
    queryFn: ({ signal }) => api<SummaryT>(`${eng(engagementId)}/sessions/${id(sessionId)}/summary`, { signal }),
  });
export const saveSummary = (engagementId: string, sessionId: string, version: number, body: string) =>
  api<SummaryT>(`${eng(engagementId)}/sessions/${id(sessionId)}/summary`, { method: "PUT", body: { version, body } });
export const shareSummary = (engagementId: string, sessionId: string) =>
  api<SummaryT>(`${eng(engagementId)}/sessions/${id(sessionId)}/summary/share`, { method: "POST", body: {} });

export const outcomesQuery = (engagementId: string) =>
  queryOptions({
    queryKey: coachingKeys.outcomes(engagementId),
    queryFn: ({ signal }) => api<OutcomeBoardT>(`${eng(engagementId)}/outcomes`, { signal }),
  });
export const defineOutcome = (engagementId: string, body: z.input<typeof OutcomeCreate>) =>
  api<OutcomeBoardT>(`${eng(engagementId)}/outcomes`, { method: "POST", body });
export const updateOutcome = (engagementId: string, outcomeId: string, body: z.input<typeof OutcomeUpdate>) =>
  api<OutcomeBoardT>(`${eng(engagementId)}/outcomes/${id(outcomeId)}`, { method: "PATCH", body });
export const removeOutcome = (engagementId: string, outcomeId: string) =>
  api<OutcomeBoardT>(`${eng(engagementId)}/outcomes/${id(outcomeId)}`, { method: "DELETE" });
export const agreeOutcomes = (engagementId: string) => api<OutcomeBoardT>(`${eng(engagementId)}/agreement`, { method: "POST", body: {} });
export const rateOutcome = (engagementId: string, outcomeId: string, phase: Phase, value: number) =>
  api<OutcomeBoardT>(`${eng(engagementId)}/outcomes/${id(outcomeId)}/measurements/${phase}`, { method: "PUT", body: { value } });

export const stakeholdersQuery = (engagementId: string) =>
  queryOptions({
    queryKey: coachingKeys.stakeholders(engagementId),
    queryFn: ({ signal }) => api<StakeholdersT>(`${eng(engagementId)}/stakeholders`, { signal }),
  });
export const addStakeholder = (engagementId: string, body: z.input<typeof StakeholderCreate>) =>
  api<StakeholdersT>(`${eng(engagementId)}/stakeholders`, { method: "POST", body });
export const removeStakeholder = (engagementId: string, stakeholderId: string) =>
  api<StakeholdersT>(`${eng(engagementId)}/stakeholders/${id(stakeholderId)}`, { method: "DELETE" });
export const requestRatings = (engagementId: string, phase: Phase) =>
  api<z.infer<typeof RatingRequestsSent>>(`${eng(engagementId)}/rating-requests`, { method: "POST", body: { phase } });

// ---- A programme's coaching

export const packagesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: coachingKeys.packages(programmeId),
    queryFn: ({ signal }) => api<z.infer<typeof PackageList>>(`${prog(programmeId)}/packages`, { signal }),
  });
export const createPackage = (programmeId: string, body: z.input<typeof PackageCreate>) =>
  api<PackageT>(`${prog(programmeId)}/packages`, { method: "POST", body });
export const updatePackage = (packageId: string, body: z.input<typeof PackageUpdate>) =>
  api<PackageT>(`/api/coaching/packages/${id(packageId)}`, { method: "PATCH", body });

export const coachesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: coachingKeys.coaches(programmeId),
    queryFn: ({ signal }) => api<z.infer<typeof CoachList>>(`${prog(programmeId)}/coaches`, { signal }),
  });
export const coachQuery = (programmeId: string, enrolmentId: string) =>
  queryOptions({
    queryKey: coachingKeys.coach(programmeId, enrolmentId),
    queryFn: ({ signal }) => api<CoachProfileT>(`${prog(programmeId)}/coaches/${id(enrolmentId)}`, { signal }),
  });
export const updateCoach = (programmeId: string, enrolmentId: string, body: z.input<typeof CoachProfileUpdate>) =>
  api<CoachProfileT>(`${prog(programmeId)}/coaches/${id(enrolmentId)}`, { method: "PUT", body });

export const templatesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: coachingKeys.templates(programmeId),
    queryFn: ({ signal }) => api<z.infer<typeof PlanTemplateList>>(`${prog(programmeId)}/plan-templates`, { signal }),
  });
export const createTemplate = (programmeId: string, body: z.input<typeof PlanTemplateCreate>) =>
  api<TemplateT>(`${prog(programmeId)}/plan-templates`, { method: "POST", body });
export const updateTemplate = (templateId: string, body: z.input<typeof PlanTemplateUpdate>) =>
  api<TemplateT>(`/api/coaching/plan-templates/${id(templateId)}`, { method: "PATCH", body });

export const OVERVIEW_PER_PAGE = 25;
export type OverviewSearch = { stage?: string; atRisk?: "true"; sort?: "risk" | "coachee" | "ends"; page?: number };
export const overviewQuery = (programmeId: string, search: OverviewSearch) =>
  queryOptions({
    queryKey: coachingKeys.overview(programmeId, search),
    queryFn: ({ signal }) =>
      api<OverviewT>(`${prog(programmeId)}/overview`, {
        signal,
        query: {
          stage: search.stage,
          atRisk: search.atRisk,
          sort: search.sort,
          limit: OVERVIEW_PER_PAGE,
          offset: ((search.page ?? 1) - 1) * OVERVIEW_PER_PAGE,
        },
      }),
  });
export const SHORTLISTS_PER_PAGE = 25;
export const shortlistsQuery = (programmeId: string, page: number) =>
  queryOptions({
    queryKey: coachingKeys.shortlists(programmeId, page),
    queryFn: ({ signal }) =>
      api<z.infer<typeof ShortlistSummaryList>>(`${prog(programmeId)}/shortlists`, {
        signal,
        query: { limit: SHORTLISTS_PER_PAGE, offset: (page - 1) * SHORTLISTS_PER_PAGE },
      }),
  });
export const makeShortlists = (programmeId: string, body: z.input<typeof ShortlistCreate>) =>
  api<z.infer<typeof ShortlistsMade>>(`${prog(programmeId)}/shortlists`, { method: "POST", body });
export const assignCoach = (programmeId: string, body: z.input<typeof EngagementAssign>) =>
  api<EngagementT>(`${prog(programmeId)}/engagements`, { method: "POST", body });

export const myShortlistQuery = (programmeId: string) =>
  queryOptions({
    queryKey: coachingKeys.myShortlist(programmeId),
    queryFn: ({ signal }) => api<z.infer<typeof MyShortlist>>(`${prog(programmeId)}/my-shortlist`, { signal }),
  });
export const pickCoach = (shortlistId: string, coachEnrolmentId: string) =>
  api<ShortlistT>(`/api/coaching/shortlists/${id(shortlistId)}/pick`, { method: "POST", body: { coachEnrolmentId } });
export const planChemistryCall = (shortlistId: string, body: { coachEnrolmentId: string; at: string; minutes: number }) =>
  api<ShortlistT>(`/api/coaching/shortlists/${id(shortlistId)}/chemistry-calls`, { method: "POST", body });
export const markChemistryCall = (shortlistId: string, callId: string, status: "held" | "cancelled") =>
  api<{ id: string; status: string }>(`/api/coaching/shortlists/${id(shortlistId)}/chemistry-calls/${id(callId)}`, {
    method: "PATCH",
    body: { status },
  });

// ---- One's own screens

export const dashboardQuery = queryOptions({
  queryKey: coachingKeys.dashboard,
  queryFn: ({ signal }) => api<DashboardT>("/api/coaching/dashboard", { signal }),
});
export const SPONSORED_PER_PAGE = 10;
export const sponsoredQuery = (page: number) =>
  queryOptions({
    queryKey: coachingKeys.sponsored(page),
    queryFn: ({ signal }) =>
      api<SponsoredT>("/api/coaching/sponsored", { signal, query: { limit: SPONSORED_PER_PAGE, offset: (page - 1) * SPONSORED_PER_PAGE } }),
  });

// ---- A stakeholder's link (no account)

const rating = (engagementId: string, token: string) => `/api/stakeholder-ratings/${id(engagementId)}/${id(token)}`;
export const ratingFormQuery = (engagementId: string, token: string) =>
  queryOptions({
    queryKey: ["rating-form", engagementId, token],
    queryFn: ({ signal }) => api<RatingFormT>(rating(engagementId, token), { signal }),
    retry: false,
  });
export const submitRating = (engagementId: string, token: string, ratings: { outcomeId: string; value: number }[]) =>
  api<{ ok: true }>(rating(engagementId, token), { method: "POST", body: { ratings } });
