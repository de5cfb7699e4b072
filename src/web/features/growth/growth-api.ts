import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Debrief,
  DebriefEntry,
  DebriefUpdate,
  Goal,
  GoalChange,
  GoalComment,
  GoalCreate,
  GoalList,
  GoalUpdate,
  Introduction,
  IntroductionCreate,
  IntroductionUpdate,
  NotificationSettings,
  NotificationSettingsUpdate,
  PairHealth,
  PairsHealthPage,
  Reflection,
  ReflectionCreate,
  Swot,
  SwotUpdate,
  UnsubscribeResult,
  WeeklyPrompt,
} from "../../../contracts/growth";
import { api } from "../../lib/api";

export type GoalT = z.infer<typeof Goal>;
export type GoalListT = z.infer<typeof GoalList>;
export type GoalChangeT = z.infer<typeof GoalChange>;
export type GoalCommentT = z.infer<typeof GoalComment>;
export type SwotT = z.infer<typeof Swot>;
export type ReflectionT = z.infer<typeof Reflection>;
export type WeeklyPromptT = z.infer<typeof WeeklyPrompt>;
export type DebriefT = z.infer<typeof Debrief>;
export type DebriefEntryT = z.infer<typeof DebriefEntry>;
export type IntroductionT = z.infer<typeof Introduction>;
export type NotificationSettingsT = z.infer<typeof NotificationSettings>;
export type PairHealthT = z.infer<typeof PairHealth>;
type Page<T> = { items: T[]; total: number; limit: number; offset: number };

const id = encodeURIComponent;
const base = (pairId: string) => `/api/relationships/${id(pairId)}`;

/**
 * Keys start with the workspace's ["relationships", pairId] so a lifecycle change there
 * (pause, end) refreshes these pages too.
 */
export const growthKeys = {
  all: (pairId: string) => ["relationships", pairId, "growth"] as const,
  goals: (pairId: string, page: number) => ["relationships", pairId, "growth", "goals", page] as const,
  goal: (pairId: string, goalId: string) => ["relationships", pairId, "growth", "goal", goalId] as const,
  swot: (pairId: string) => ["relationships", pairId, "growth", "swot"] as const,
  prompt: (pairId: string) => ["relationships", pairId, "growth", "prompt"] as const,
  reflections: (pairId: string, page: number) => ["relationships", pairId, "growth", "reflections", page] as const,
  debrief: (pairId: string) => ["relationships", pairId, "growth", "debrief"] as const,
  introductions: (pairId: string, page: number) => ["relationships", pairId, "growth", "introductions", page] as const,
  notifications: ["me", "notifications"] as const,
  pairsHealth: (programmeId: string, sort: string, page: number, status: string) =>
    ["programmes", programmeId, "pairs-health", sort, page, status] as const,
};

// ---- Goals

export const GOALS_PER_PAGE = 20;
export const goalsQuery = (pairId: string, page: number) =>
  queryOptions({
    queryKey: growthKeys.goals(pairId, page),
    queryFn: ({ signal }) =>
      api<GoalListT>(`${base(pairId)}/goals`, { signal, query: { limit: GOALS_PER_PAGE, offset: (page - 1) * GOALS_PER_PAGE } }),
  });
export const goalQuery = (pairId: string, goalId: string) =>
  queryOptions({
    queryKey: growthKeys.goal(pairId, goalId),
    queryFn: ({ signal }) => api<GoalT>(`${base(pairId)}/goals/${id(goalId)}`, { signal }),
  });
export const goalHistoryQuery = (pairId: string, goalId: string) =>
  queryOptions({
    queryKey: [...growthKeys.goal(pairId, goalId), "history"] as const,
    queryFn: ({ signal }) => api<GoalChangeT[]>(`${base(pairId)}/goals/${id(goalId)}/history`, { signal }),
  });
export const goalCommentsQuery = (pairId: string, goalId: string) =>
  queryOptions({
    queryKey: [...growthKeys.goal(pairId, goalId), "comments"] as const,
    queryFn: ({ signal }) => api<GoalCommentT[]>(`${base(pairId)}/goals/${id(goalId)}/comments`, { signal }),
  });
export const createGoal = (pairId: string, body: z.input<typeof GoalCreate>) =>
  api<GoalT>(`${base(pairId)}/goals`, { method: "POST", body });
export const updateGoal = (pairId: string, goalId: string, body: z.input<typeof GoalUpdate>) =>
  api<GoalT>(`${base(pairId)}/goals/${id(goalId)}`, { method: "PATCH", body });
export const addGoalComment = (pairId: string, goalId: string, body: string) =>
  api<GoalCommentT>(`${base(pairId)}/goals/${id(goalId)}/comments`, { method: "POST", body: { body } });
export const deleteGoalComment = (pairId: string, goalId: string, commentId: string) =>
  api<void>(`${base(pairId)}/goals/${id(goalId)}/comments/${id(commentId)}`, { method: "DELETE" });

// ---- SWOT

export const swotQuery = (pairId: string) =>
  queryOptions({ queryKey: growthKeys.swot(pairId), queryFn: ({ signal }) => api<SwotT>(`${base(pairId)}/swot`, { signal }) });
export const saveSwot = (pairId: string, body: z.input<typeof SwotUpdate>) => api<SwotT>(`${base(pairId)}/swot`, { method: "PUT", body });
export const shareSwot = (pairId: string, shared: boolean) =>
  api<SwotT>(`${base(pairId)}/swot/sharing`, { method: "PUT", body: { shared } });

// ---- Reflections

export const REFLECTIONS_PER_PAGE = 10;
export const promptQuery = (pairId: string) =>
  queryOptions({
    queryKey: growthKeys.prompt(pairId),
    queryFn: ({ signal }) => api<WeeklyPromptT>(`${base(pairId)}/reflections/prompt`, { signal }),
  });
export const reflectionsQuery = (pairId: string, page: number) =>
  queryOptions({
    queryKey: growthKeys.reflections(pairId, page),
    queryFn: ({ signal }) =>
      api<Page<ReflectionT>>(`${base(pairId)}/reflections`, {
        signal,
        query: { limit: REFLECTIONS_PER_PAGE, offset: (page - 1) * REFLECTIONS_PER_PAGE },
      }),
  });
export const createReflection = (pairId: string, body: z.input<typeof ReflectionCreate>) =>
  api<ReflectionT>(`${base(pairId)}/reflections`, { method: "POST", body });
export const updateReflection = (pairId: string, reflectionId: string, version: number, body: string) =>
  api<ReflectionT>(`${base(pairId)}/reflections/${id(reflectionId)}`, { method: "PATCH", body: { version, body } });
export const shareReflection = (pairId: string, reflectionId: string, shared: boolean) =>
  api<ReflectionT>(`${base(pairId)}/reflections/${id(reflectionId)}/sharing`, { method: "PUT", body: { shared } });
export const deleteReflection = (pairId: string, reflectionId: string) =>
  api<void>(`${base(pairId)}/reflections/${id(reflectionId)}`, { method: "DELETE" });

// ---- Debrief

export const debriefQuery = (pairId: string) =>
  queryOptions({ queryKey: growthKeys.debrief(pairId), queryFn: ({ signal }) => api<DebriefT>(`${base(pairId)}/debrief`, { signal }) });
export const saveDebrief = (pairId: string, body: z.input<typeof DebriefUpdate>) =>
  api<DebriefEntryT>(`${base(pairId)}/debrief`, { method: "PUT", body });
export const shareDebrief = (pairId: string, shared: boolean) =>
  api<DebriefEntryT>(`${base(pairId)}/debrief/sharing`, { method: "PUT", body: { shared } });

// ---- Introductions

export const INTRODUCTIONS_PER_PAGE = 20;
export const introductionsQuery = (pairId: string, page: number) =>
  queryOptions({
    queryKey: growthKeys.introductions(pairId, page),
    queryFn: ({ signal }) =>
      api<Page<IntroductionT>>(`${base(pairId)}/introductions`, {
        signal,
        query: { limit: INTRODUCTIONS_PER_PAGE, offset: (page - 1) * INTRODUCTIONS_PER_PAGE },
      }),
  });
export const openIntroduction = (pairId: string, body: z.input<typeof IntroductionCreate>) =>
  api<IntroductionT>(`${base(pairId)}/introductions`, { method: "POST", body });
export const updateIntroduction = (pairId: string, introductionId: string, body: z.input<typeof IntroductionUpdate>) =>
  api<IntroductionT>(`${base(pairId)}/introductions/${id(introductionId)}`, { method: "PATCH", body });
export const deleteIntroduction = (pairId: string, introductionId: string) =>
  api<void>(`${base(pairId)}/introductions/${id(introductionId)}`, { method: "DELETE" });

// ---- Mail settings and unsubscribe

export const notificationsQuery = queryOptions({
  queryKey: growthKeys.notifications,
  queryFn: ({ signal }) => api<NotificationSettingsT>("/api/me/notifications", { signal }),
});
export const saveNotifications = (body: z.input<typeof NotificationSettingsUpdate>) =>
  api<NotificationSettingsT>("/api/me/notifications", { method: "PUT", body });
export const unsubscribe = (token: string) =>
  api<z.infer<typeof UnsubscribeResult>>(`/api/unsubscribe/${id(token)}`, { method: "POST", body: {} });

// ---- Coordinators

export const PAIRS_HEALTH_PER_PAGE = 25;
export type PairsHealthSort = "risk" | "last_session" | "mentee";
export const pairsHealthQuery = (programmeId: string, sort: PairsHealthSort, page: number, status: "live" | "all" = "live") =>
  queryOptions({
    queryKey: growthKeys.pairsHealth(programmeId, sort, page, status),
    queryFn: ({ signal }) =>
      api<z.infer<typeof PairsHealthPage>>(`/api/programmes/${id(programmeId)}/pairs-health`, {
        signal,
        query: { sort, status, limit: PAIRS_HEALTH_PER_PAGE, offset: (page - 1) * PAIRS_HEALTH_PER_PAGE },
      }),
  });
