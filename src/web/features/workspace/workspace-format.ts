import { sideWord } from "../../../core/programme-modes";
import type { MyRelationship, Session } from "./workspace-api";

/** "Tue 19 Oct 2027, 18:00–19:00" in the viewer's zone. */
export function formatSessionTime(s: Pick<Session, "startsAt" | "endsAt">, timeZone: string): string {
  const start = new Date(s.startsAt);
  const day = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone }).format(
    start,
  );
  const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone });
  return `${day}, ${time.format(start)}–${time.format(new Date(s.endsAt))}`;
}

/** The zone name people read: "Europe/London" → "Europe/London", "America/New_York" → "America/New York". */
export const zoneLabel = (zone: string) => zone.replaceAll("_", " ");

/** The session's own local time, shown when it differs from the viewer's zone. */
export function sessionLocalTime(s: Pick<Session, "localStartTime" | "localEndTime" | "timeZone">): string {
  return `${s.localStartTime}–${s.localEndTime} ${zoneLabel(s.timeZone)}`;
}

export const sessionStatusLabels: Record<Session["status"], string> = {
  scheduled: "Scheduled",
  held: "Held",
  missed: "Missed",
  cancelled: "Cancelled",
};

export const agendaLabels: Record<Session["agenda"], string> = {
  none: "No agenda yet",
  draft: "Agenda drafted (only you can see it)",
  shared: "Agenda shared",
  not_shared: "Agenda not shared yet",
};

export const pairStatusLabels: Record<MyRelationship["status"], string> = {
  proposed: "Proposed",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  ended: "Ended early",
  declined: "Declined",
};

export const sideLabel = (side: "mentor" | "mentee", type: "mentoring" | "coaching") => sideWord(type, side);

export function formatDay(isoDate: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}
