import { END_CATEGORY_LABELS, type EndCategory } from "../../../core/relationships/status.js";
import type { MailMessage } from "../../platform/mail.js";

// Workspace mail says what happened, when and where — never what the pair wrote
// (agendas, notes, the words behind an early end stay in the workspace).

type Who = { email: string; name: string; timeZone: string | null };

const lines = (...parts: (string | null)[]) => parts.filter((p) => p !== null).join("\n");

/** "Tuesday 19 October 2027, 18:00 (Europe/London)" in the reader's own zone. */
export function whenFor(at: Date, timeZone: string | null, fallbackZone: string): string {
  const zone = timeZone ?? fallbackZone;
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: zone }).format(at);
  return `${text} (${zone})`;
}

type SessionFacts = { title: string; startsAt: Date; timeZone: string; location: string; link: string };

export const sessionInvitationEmail = (
  to: Who,
  partner: string,
  s: SessionFacts,
  change: "scheduled" | "moved",
  ics: string,
  count = 1,
): MailMessage => ({
  to: to.email,
  subject:
    change === "moved"
      ? `Moved: ${s.title} with ${partner}, now ${whenFor(s.startsAt, to.timeZone, s.timeZone)}`
      : count > 1
        ? `${count} sessions with ${partner}, from ${whenFor(s.startsAt, to.timeZone, s.timeZone)}`
        : `${s.title} with ${partner}, ${whenFor(s.startsAt, to.timeZone, s.timeZone)}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    change === "moved"
      ? `Your session with ${partner} has moved to ${whenFor(s.startsAt, to.timeZone, s.timeZone)}.`
      : count > 1
        ? `${count} sessions with ${partner} are in the calendar, the first on ${whenFor(s.startsAt, to.timeZone, s.timeZone)}.`
        : `A session with ${partner} is in the calendar for ${whenFor(s.startsAt, to.timeZone, s.timeZone)}.`,
    s.location ? `Where: ${s.location}` : null,
    "",
    "The attached invitation adds it to your calendar.",
    `Open it in Grove: ${s.link}`,
  ),
  icalEvent: { method: "REQUEST", content: ics, filename: "session.ics" },
});

export const sessionCancelledEmail = (to: Who, partner: string, s: SessionFacts, ics: string, count = 1): MailMessage => ({
  to: to.email,
  subject:
    count > 1
      ? `Cancelled: ${count} sessions with ${partner}`
      : `Cancelled: ${s.title} with ${partner}, ${whenFor(s.startsAt, to.timeZone, s.timeZone)}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    count > 1
      ? `${count} sessions with ${partner}, from ${whenFor(s.startsAt, to.timeZone, s.timeZone)} on, are cancelled.`
      : `The session with ${partner} on ${whenFor(s.startsAt, to.timeZone, s.timeZone)} is cancelled.`,
    "The attached cancellation removes it from your calendar.",
    "",
    `Your workspace: ${s.link}`,
  ),
  icalEvent: { method: "CANCEL", content: ics, filename: "cancel.ics" },
});

export const pairPausedEmail = (to: Who, partner: string, paused: boolean, link: string): MailMessage => ({
  to: to.email,
  subject: paused ? `${partner} paused your mentoring for now` : `${partner} is ready to meet again`,
  text: lines(
    `Hello ${to.name},`,
    "",
    paused
      ? `${partner} has paused your mentoring relationship for a while. Nothing is lost; either of you can resume it in the workspace.`
      : `${partner} has resumed your mentoring relationship. A good moment to plan your next session.`,
    "",
    link,
  ),
});

/** `afterTerm`: a pair that chose to continue after the programme stopped; no coordinator is involved any more. */
export const pairEndedEmail = (to: Who, partner: string, category: EndCategory, link: string, afterTerm = false): MailMessage => ({
  to: to.email,
  subject: afterTerm ? `${partner} has stopped your mentoring sessions` : `${partner} ended your mentoring relationship`,
  text: lines(
    `Hello ${to.name},`,
    "",
    afterTerm
      ? `${partner} has decided to stop meeting (${END_CATEGORY_LABELS[category].toLowerCase()}). Thank you for carrying on after the programme.`
      : `${partner} has ended your mentoring relationship early (${END_CATEGORY_LABELS[category].toLowerCase()}).`,
    afterTerm
      ? "Upcoming sessions are cancelled. Your workspace stays readable."
      : "Upcoming sessions are cancelled. Your workspace stays readable, and your programme coordinator can help you with what comes next.",
    "",
    link,
  ),
});

/** The coordinator learns that a pair ended and the category — nothing the pair wrote. */
export const pairEndedCoordinatorEmail = (
  to: { email: string; name: string },
  pair: { mentor: string; mentee: string; programme: string; category: EndCategory },
  link: string,
): MailMessage => ({
  to: to.email,
  subject: `A pair in ${pair.programme} ended early`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `The mentoring relationship of ${pair.mentee} (mentee) and ${pair.mentor} (mentor) in ${pair.programme} has ended early.`,
    `Category: ${END_CATEGORY_LABELS[pair.category]}.`,
    "",
    "You may want to check in with them, or find a new match.",
    link,
  ),
});
