import type { checkIns, supportContacts } from "./tables.js";

export type CheckInRow = typeof checkIns.$inferSelect;
export type ContactRow = typeof supportContacts.$inferSelect;

/** A check-in; the note only for someone the policy lets read it. */
export const presentCheckIn = (c: CheckInRow, loggedBy: string | null, showNote: boolean) => ({
  id: c.id,
  relationshipId: c.relationshipId,
  plannedWeek: c.plannedWeek,
  happenedOn: c.happenedOn,
  with: c.with,
  outcome: c.outcome,
  note: showNote ? c.note : null,
  followUpOn: c.followUpOn,
  loggedBy,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
});

export const presentContact = (c: ContactRow, sentBy: string | null) => ({
  id: c.id,
  kind: c.kind,
  to: c.to,
  subject: c.subject,
  body: c.body,
  sentBy,
  sentAt: c.sentAt.toISOString(),
});
