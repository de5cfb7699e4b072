import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export type CalendarSession = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  status: "scheduled" | "held" | "missed" | "cancelled";
  sequence: number;
  /** The session's page in Grove. */
  url: string;
  partnerName: string;
};

export type CalendarPerson = { name: string; email: string };

/** Stable across every change of a session, so calendars update the one event instead of adding another. */
export const sessionUid = (sessionId: string, baseUrl: string) => `${sessionId}@${new URL(baseUrl).hostname}`;

/**
 * One calendar for session invitations, cancellations and each person's feed. Times go out
 * in UTC: every calendar turns them into its owner's local time, and a series keeps its
 * wall-clock time because each session's instant was computed in the series' zone.
 * Only title, time, place and a link leave Grove — never the agenda or notes.
 */
export function sessionCalendar(options: {
  method: "REQUEST" | "CANCEL" | "PUBLISH";
  sessions: CalendarSession[];
  baseUrl: string;
  /** Invitations need an organizer and attendees for calendars to act on them; a feed does not. */
  organizer?: CalendarPerson;
  attendees?: CalendarPerson[];
  name?: string;
}): string {
  const calendar = ical({
    prodId: { company: "Grove", product: "Grove mentoring", language: "EN" },
    method: ICalCalendarMethod[options.method],
    name: options.name,
  });
  for (const s of options.sessions) {
    calendar.createEvent({
      id: sessionUid(s.id, options.baseUrl),
      sequence: s.sequence,
      start: s.startsAt,
      end: s.endsAt,
      summary: s.title,
      location: s.location || null,
      url: s.url,
      description: `With ${s.partnerName}. Open the session in Grove: ${s.url}`,
      status: s.status === "cancelled" || options.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer ? { name: options.organizer.name, email: options.organizer.email } : null,
      attendees: (options.attendees ?? []).map((a) => ({
        name: a.name,
        email: a.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
      })),
    });
  }
  return calendar.toString();
}
