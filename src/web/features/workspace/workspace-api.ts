import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { MyRelationship } from "../../../contracts/relationships";
import type {
  ActionItem,
  ActionItemCreate,
  ActionItemList,
  ActionItemUpdate,
  Agenda,
  CalendarFeedCreated,
  CalendarFeedStatus,
  CancelledSessions,
  EditConflictDetails,
  EndBody,
  Plan,
  PlanEdit,
  PlanHistory,
  PrivateNote,
  ScheduledSessions,
  Session,
  SessionList,
  SessionReschedule,
  SessionSchedule,
  SharedNote,
  WorkspaceOverview,
} from "../../../contracts/workspace";
import { api } from "../../lib/api";

export type { ActionItem, Agenda, MyRelationship, Plan, Session, SharedNote, WorkspaceOverview };
export type PrivateNoteT = z.infer<typeof PrivateNote>;
export type PlanHistoryPage = z.infer<typeof PlanHistory>;
export type SessionPage = z.infer<typeof SessionList>;
export type ActionItemPage = z.infer<typeof ActionItemList>;
export type EditConflict = z.infer<typeof EditConflictDetails>;

const id = encodeURIComponent;
const base = (pairId: string) => `/api/relationships/${id(pairId)}`;

/** Every query of one pair starts with workspaceKeys.pair(id), so a change can refresh them all. */
export const workspaceKeys = {
  /** The same key as matching uses for GET /api/relationships, so both share one cache entry. */
  mine: ["relationships"] as const,
  pair: (pairId: string) => ["relationships", pairId] as const,
  overview: (pairId: string) => ["relationships", pairId, "overview"] as const,
  plan: (pairId: string) => ["relationships", pairId, "plan"] as const,
  planHistory: (pairId: string, page: number) => ["relationships", pairId, "plan", "history", page] as const,
  sessions: (pairId: string, when: string, page: number) => ["relationships", pairId, "sessions", when, page] as const,
  session: (pairId: string, sessionId: string) => ["relationships", pairId, "session", sessionId] as const,
  agenda: (pairId: string, sessionId: string) => ["relationships", pairId, "session", sessionId, "agenda"] as const,
  sharedNote: (pairId: string, sessionId: string | null) => ["relationships", pairId, "notes", "shared", sessionId] as const,
  privateNote: (pairId: string, sessionId: string | null) => ["relationships", pairId, "notes", "private", sessionId] as const,
  actionItems: (pairId: string, status: string) => ["relationships", pairId, "action-items", status] as const,
  calendarFeed: ["calendar-feed"] as const,
};

export const myPairsQuery = queryOptions({
  queryKey: workspaceKeys.mine,
  queryFn: ({ signal }) => api<MyRelationship[]>("/api/relationships", { signal }),
});

export const overviewQuery = (pairId: string) =>
  queryOptions({
    queryKey: workspaceKeys.overview(pairId),
    queryFn: ({ signal }) => api<WorkspaceOverview>(`${base(pairId)}/overview`, { signal }),
  });

// ---- Lifecycle

export const pausePair = (pairId: string, note: string) =>
  api<MyRelationship>(`${base(pairId)}/pause`, { method: "POST", body: note ? { note } : {} });
export const resumePair = (pairId: string, note: string) =>
  api<MyRelationship>(`${base(pairId)}/resume`, { method: "POST", body: note ? { note } : {} });
export const endPair = (pairId: string, body: z.input<typeof EndBody>) =>
  api<MyRelationship>(`${base(pairId)}/end`, { method: "POST", body });
export const completePair = (pairId: string) => api<MyRelationship>(`${base(pairId)}/complete`, { method: "POST", body: {} });
export const answerContinuation = (pairId: string, wantsToContinue: boolean) =>
  api<MyRelationship>(`${base(pairId)}/continuation`, { method: "POST", body: { continue: wantsToContinue } });

// ---- Plan

export const planQuery = (pairId: string) =>
  queryOptions({ queryKey: workspaceKeys.plan(pairId), queryFn: ({ signal }) => api<Plan>(`${base(pairId)}/plan`, { signal }) });
export const PLAN_HISTORY_PER_PAGE = 10;
export const planHistoryQuery = (pairId: string, page: number) =>
  queryOptions({
    queryKey: workspaceKeys.planHistory(pairId, page),
    queryFn: ({ signal }) =>
      api<PlanHistoryPage>(`${base(pairId)}/plan/history`, {
        signal,
        query: { limit: PLAN_HISTORY_PER_PAGE, offset: (page - 1) * PLAN_HISTORY_PER_PAGE },
      }),
  });
export const editPlan = (pairId: string, body: z.input<typeof PlanEdit>) => api<Plan>(`${base(pairId)}/plan`, { method: "PATCH", body });
export const acknowledgePlan = (pairId: string, version: number) =>
  api<Plan>(`${base(pairId)}/plan/acknowledge`, { method: "POST", body: { version } });

// ---- Sessions

export const SESSIONS_PER_PAGE = 20;
export const sessionsQuery = (pairId: string, when: "upcoming" | "past", page: number) =>
  queryOptions({
    queryKey: workspaceKeys.sessions(pairId, when, page),
    queryFn: ({ signal }) =>
      api<SessionPage>(`${base(pairId)}/sessions`, {
        signal,
        query: { when, limit: SESSIONS_PER_PAGE, offset: (page - 1) * SESSIONS_PER_PAGE },
      }),
  });
export const sessionQuery = (pairId: string, sessionId: string) =>
  queryOptions({
    queryKey: workspaceKeys.session(pairId, sessionId),
    queryFn: ({ signal }) => api<Session>(`${base(pairId)}/sessions/${id(sessionId)}`, { signal }),
  });
export const scheduleSessions = (pairId: string, body: z.input<typeof SessionSchedule>) =>
  api<z.infer<typeof ScheduledSessions>>(`${base(pairId)}/sessions`, { method: "POST", body });
export const rescheduleSession = (pairId: string, sessionId: string, body: z.input<typeof SessionReschedule>) =>
  api<Session>(`${base(pairId)}/sessions/${id(sessionId)}`, { method: "PATCH", body });
export const cancelSession = (pairId: string, sessionId: string, scope: "this" | "following") =>
  api<z.infer<typeof CancelledSessions>>(`${base(pairId)}/sessions/${id(sessionId)}/cancel`, { method: "POST", body: { scope } });
export const recordOutcome = (pairId: string, sessionId: string, outcome: "held" | "missed") =>
  api<Session>(`${base(pairId)}/sessions/${id(sessionId)}/outcome`, { method: "POST", body: { outcome } });

// ---- Agenda

export const agendaQuery = (pairId: string, sessionId: string) =>
  queryOptions({
    queryKey: workspaceKeys.agenda(pairId, sessionId),
    queryFn: ({ signal }) => api<Agenda>(`${base(pairId)}/sessions/${id(sessionId)}/agenda`, { signal }),
  });
export const saveAgenda = (pairId: string, sessionId: string, version: number, sections: Record<string, string>) =>
  api<Agenda>(`${base(pairId)}/sessions/${id(sessionId)}/agenda`, { method: "PUT", body: { version, sections } });
export const shareAgenda = (pairId: string, sessionId: string) =>
  api<Agenda>(`${base(pairId)}/sessions/${id(sessionId)}/agenda/share`, { method: "POST", body: {} });
export const commentOnAgenda = (pairId: string, sessionId: string, body: string) =>
  api<Agenda>(`${base(pairId)}/sessions/${id(sessionId)}/agenda/comments`, { method: "POST", body: { body } });
export const raiseTopic = (pairId: string, sessionId: string, body: string) =>
  api<Agenda>(`${base(pairId)}/sessions/${id(sessionId)}/agenda/topics`, { method: "POST", body: { body } });
export const withdrawTopic = (pairId: string, sessionId: string, topicId: string) =>
  api<Agenda>(`${base(pairId)}/sessions/${id(sessionId)}/agenda/topics/${id(topicId)}`, { method: "DELETE" });

// ---- Notes

/** Shared or private notes in one shape (private notes have no updatedBy: they are always yours). */
export type NoteView = PrivateNoteT & { updatedBy?: SharedNote["updatedBy"] };
export const noteQuery = (pairId: string, sessionId: string | null, kind: "shared" | "private") =>
  queryOptions({
    queryKey: kind === "shared" ? workspaceKeys.sharedNote(pairId, sessionId) : workspaceKeys.privateNote(pairId, sessionId),
    queryFn: ({ signal }) => api<NoteView>(`${base(pairId)}/notes/${kind}`, { signal, query: { sessionId } }),
  });
export const saveSharedNote = (pairId: string, sessionId: string | null, baseVersion: number, body: string) =>
  api<SharedNote>(`${base(pairId)}/notes/shared`, { method: "PUT", body: { sessionId, baseVersion, body } });
export const savePrivateNote = (pairId: string, sessionId: string | null, baseVersion: number, body: string) =>
  api<PrivateNoteT>(`${base(pairId)}/notes/private`, { method: "PUT", body: { sessionId, baseVersion, body } });

// ---- Action items

export const actionItemsQuery = (pairId: string, status: "open" | "done" | "all", goalId?: string) =>
  queryOptions({
    queryKey: [...workspaceKeys.actionItems(pairId, status), goalId ?? "any"],
    queryFn: ({ signal }) => api<ActionItemPage>(`${base(pairId)}/action-items`, { signal, query: { status, goalId, limit: 100 } }),
  });
export const createActionItem = (pairId: string, body: z.input<typeof ActionItemCreate>) =>
  api<ActionItem>(`${base(pairId)}/action-items`, { method: "POST", body });
export const updateActionItem = (pairId: string, itemId: string, body: z.input<typeof ActionItemUpdate>) =>
  api<ActionItem>(`${base(pairId)}/action-items/${id(itemId)}`, { method: "PATCH", body });
export const deleteActionItem = (pairId: string, itemId: string) =>
  api<{ ok: true }>(`${base(pairId)}/action-items/${id(itemId)}`, { method: "DELETE" });

// ---- Calendar feed

export const calendarFeedQuery = queryOptions({
  queryKey: workspaceKeys.calendarFeed,
  queryFn: ({ signal }) => api<z.infer<typeof CalendarFeedStatus>>("/api/calendar-feed", { signal }),
});
export const issueCalendarFeed = () => api<z.infer<typeof CalendarFeedCreated>>("/api/calendar-feed", { method: "POST", body: {} });
export const revokeCalendarFeed = () => api<{ ok: true }>("/api/calendar-feed", { method: "DELETE" });
