import type { MailMessage } from "../../platform/mail.js";

/**
 * Nudges and digests. They carry names, dates and counts — never what the pair wrote
 * (agendas, notes, goals, reflections, SWOT): mail leaves our hands and sits in inboxes.
 * Each ends with a link to switch that kind of mail off.
 */
type Who = { email: string; name: string };

const lines = (...parts: string[]) => parts.join("\n");
const footer = (unsubscribe: string, what: string) => [
  "",
  "—",
  `You get ${what} because you take part in a programme on Grove.`,
  `Stop these emails: ${unsubscribe}`,
];

/** Why the agenda matters, to its author in each mode. */
const AGENDA_WHY = {
  mentoring: "A few lines on what you want from the session help your mentor come prepared — and it is your session to steer.",
  coaching: "Share it ahead so your coachee can read it and add the topics they want to raise before you meet.",
} as const;

export const agendaReminderEmail = (
  to: Who,
  w: { partner: string; when: string; link: string; unsubscribe: string; mode: keyof typeof AGENDA_WHY },
): MailMessage => ({
  to: to.email,
  subject: `Your agenda for ${w.when} is not shared yet`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `You meet ${w.partner} on ${w.when}. Your agenda for that session is not shared yet.`,
    AGENDA_WHY[w.mode],
    "",
    w.link,
    ...footer(w.unsubscribe, "agenda reminders"),
  ),
});

export const followUpReminderEmail = (
  to: Who,
  w: { overdue: number; oldestDue: string; link: string; unsubscribe: string },
): MailMessage => ({
  to: to.email,
  subject: `${w.overdue} action item${w.overdue === 1 ? " is" : "s are"} past due`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `You have ${w.overdue} open action item${w.overdue === 1 ? "" : "s"} past the due date (the oldest was due ${w.oldestDue}).`,
    "Tick off what you did, move the date of what is still coming, or take it to your next session.",
    "",
    w.link,
    ...footer(w.unsubscribe, "follow-up reminders"),
  ),
});

export const reflectionPromptEmail = (to: Who, w: { week: number; prompt: string; link: string; unsubscribe: string }): MailMessage => ({
  to: to.email,
  subject: `Week ${w.week}: a question to reflect on`,
  text: lines(
    `Hello ${to.name},`,
    "",
    "This week's question, if you have five minutes:",
    "",
    `  ${w.prompt}`,
    "",
    "What you write stays private unless you choose to share it with your mentor.",
    w.link,
    ...footer(w.unsubscribe, "a weekly reflection prompt"),
  ),
});

export type DigestPair = { mentee: string; nextSessionAt: string | null; agendaShared: boolean };

export const mentorDigestEmail = (
  to: Who,
  w: { pairs: DigestPair[]; waiting: number; link: string; unsubscribe: string },
): MailMessage => ({
  to: to.email,
  subject: w.waiting > 0 ? `Your week: ${w.waiting} agenda${w.waiting === 1 ? "" : "s"} shared with you` : "Your week in mentoring",
  text: lines(
    `Hello ${to.name},`,
    "",
    ...w.pairs.map((p) =>
      p.nextSessionAt
        ? `- ${p.mentee}: next session ${p.nextSessionAt}${p.agendaShared ? " — agenda shared, ready to read" : " — no agenda yet"}`
        : `- ${p.mentee}: no session booked`,
    ),
    "",
    w.waiting > 0
      ? `${w.waiting} agenda${w.waiting === 1 ? " is" : "s are"} waiting for you before the next session${w.waiting === 1 ? "" : "s"}.`
      : "No agendas are waiting for you right now.",
    w.link,
    ...footer(w.unsubscribe, "a weekly digest"),
  ),
});
