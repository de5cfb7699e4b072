import type { CheckInWith } from "../../../core/alerts/settings.js";
import type { MailMessage } from "../../platform/mail.js";

/**
 * Mail a coordinator sends a pair from Grove. The message is the coordinator's own words;
 * replies go straight to the coordinator. Nothing from the pair's workspace is added.
 */
type Who = { email: string; name: string };

export const recipientsOf = <T>(to: CheckInWith, pair: { mentee: T; mentor: T }) =>
  to === "both" ? [pair.mentee, pair.mentor] : to === "mentee" ? [pair.mentee] : [pair.mentor];

export const coordinatorMessageEmail = (to: Who, m: { from: Who; programme: string; subject: string; body: string }): MailMessage => ({
  to: to.email,
  subject: m.subject,
  text: [
    `Hello ${to.name},`,
    "",
    m.body,
    "",
    "—",
    `${m.from.name}, coordinator of ${m.programme}`,
    "Reply to this email to answer them directly.",
  ].join("\n"),
  headers: { "Reply-To": m.from.email },
});

export const REMINDER_SUBJECT = (programme: string) => `A quick check-in from ${programme}`;

export const pairReminderEmail = (
  to: Who,
  m: { from: Who; programme: string; partner: string; note: string; link: string },
): MailMessage => ({
  to: to.email,
  subject: REMINDER_SUBJECT(m.programme),
  text: [
    `Hello ${to.name},`,
    "",
    `${m.from.name}, who coordinates ${m.programme}, is checking in on how things are going with ${m.partner}.`,
    "If it has been a while, now is a good moment to book your next session. If something is getting in the way, reply to this email — that is exactly what your coordinator is there for.",
    ...(m.note ? ["", m.note] : []),
    "",
    m.link,
  ].join("\n"),
  headers: { "Reply-To": m.from.email },
});
