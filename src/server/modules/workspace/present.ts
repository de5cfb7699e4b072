import type { ActionItem, Session } from "../../../contracts/workspace.js";
import { isLateCancellation } from "../../../core/workspace/cancellation.js";
import type { Side } from "./access.js";
import type { actionItems, pairSessions } from "./tables.js";

export type SessionRow = typeof pairSessions.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;
export type AgendaState = "none" | "draft" | "shared";

/** A draft agenda is its author's own (the mentee's, or the coach's): to the other it is simply not shared yet. */
export const agendaAs = (state: AgendaState, side: Side, author: Side) => (side !== author && state !== "shared" ? "not_shared" : state);

export function presentSession(
  s: SessionRow,
  side: Side,
  agenda: AgendaState,
  noticeHours: number | null,
  agendaAuthor: Side,
  now = new Date(),
): Session {
  return {
    id: s.id,
    relationshipId: s.relationshipId,
    seriesId: s.seriesId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timeZone: s.timeZone,
    localDate: s.localDate,
    localStartTime: s.localStartTime,
    localEndTime: s.localEndTime,
    location: s.location,
    status: s.status,
    lateCancellation: s.status === "cancelled" ? (s.lateCancellation ?? false) : null,
    cancelledBy: s.cancelledBySide,
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    sequence: s.sequence,
    agenda: agendaAs(agenda, side, agendaAuthor),
    cancellationRule: {
      noticeHours,
      lateIfCancelledNow: s.status === "scheduled" && isLateCancellation(s.startsAt, now, noticeHours),
    },
  };
}

export const presentActionItem = (a: ActionItemRow): ActionItem => ({
  id: a.id,
  relationshipId: a.relationshipId,
  sessionId: a.sessionId,
  goalId: a.goalId,
  title: a.title,
  owner: a.owner,
  dueOn: a.dueOn,
  done: a.doneAt !== null,
  doneAt: a.doneAt?.toISOString() ?? null,
  createdBy: a.createdBySide,
  createdAt: a.createdAt.toISOString(),
});
