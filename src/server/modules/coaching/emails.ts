import { PHASE_LABELS, type Phase } from "../../../core/coaching/outcomes.js";
import type { MailMessage } from "../../platform/mail.js";

/**
 * Coaching mail carries names, dates, counts and links — never what coach and coachee
 * wrote (agendas, summaries, exercises, notes), and never the outcomes' wording: mail
 * leaves our hands, and a sponsor's or stakeholder's inbox is not the engagement.
 */
type Who = { email: string; name: string };

const lines = (...parts: (string | false | null | undefined)[]) => parts.filter((p): p is string => typeof p === "string").join("\n");
const footer = (unsubscribe: string, what: string) => [
  "",
  "—",
  `You get ${what} because you coach in a programme on Grove.`,
  `Stop these emails: ${unsubscribe}`,
];

export const shortlistReadyEmail = (to: Who, w: { programme: string; coaches: number; link: string }): MailMessage => ({
  to: to.email,
  subject: `Choose your coach in ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `We picked ${w.coaches} coach${w.coaches === 1 ? "" : "es"} for you in ${w.programme}, each with why we think they fit.`,
    "Read their profiles, have a short chemistry call with any of them if you like (it does not count against your package), then choose one.",
    "",
    w.link,
  ),
});

export const coachPickedEmail = (to: Who, w: { coachee: string; programme: string; link: string }): MailMessage => ({
  to: to.email,
  subject: `${w.coachee} chose you as their coach`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `${w.coachee} chose you as their coach in ${w.programme}. Accept to start the engagement, or decline with a reason for the coordinator.`,
    "",
    w.link,
  ),
});

export const engagementStartedEmail = (
  to: Who,
  w: {
    partner: string;
    partnerRole: "coach" | "coachee";
    programme: string;
    sessions: number;
    weeks: number;
    startDate: string;
    link: string;
  },
): MailMessage => ({
  to: to.email,
  subject: `Your coaching engagement in ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `You and ${w.partner} (your ${w.partnerRole}) start a coaching engagement in ${w.programme} on ${w.startDate}: ${w.sessions} sessions within ${w.weeks} weeks.`,
    w.partnerRole === "coachee"
      ? "You lead it: start the session plan, and agree the outcomes with a baseline in your first session."
      : "Your coach leads the sessions. In the first one you agree together what you want to change and how it is measured.",
    "",
    w.link,
  ),
});

export const sponsorAddedEmail = (to: Who, w: { coachee: string; programme: string; link: string }): MailMessage => ({
  to: to.email,
  subject: `You sponsor ${w.coachee}'s coaching`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `You are the sponsor of ${w.coachee}'s coaching engagement in ${w.programme}.`,
    "You will be asked to agree the outcomes and to rate them at the start and the end. You see the package and the outcomes' numbers; what is said in the sessions stays between coach and coachee.",
    "",
    w.link,
  ),
});

export const ratingRequestEmail = (
  to: { email: string; name: string },
  w: { coachee: string; phase: Phase; link: string; expiresOn: string },
): MailMessage => ({
  to: to.email,
  subject: `${w.coachee} asks for your rating`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `${w.coachee} is being coached and has asked you, among a few people who work with them, for a ${PHASE_LABELS[w.phase].toLowerCase()} rating.`,
    "It takes a minute and needs no account. Your rating is shown only as part of a group average, never on its own.",
    `The link works once, until ${w.expiresOn}:`,
    "",
    w.link,
  ),
});

export const extensionEmail = (to: Who, w: { programme: string; sessions: number; weeks: number; link: string }): MailMessage => ({
  to: to.email,
  subject: `Your coaching package in ${w.programme} was extended`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `The coordinator extended the package${w.sessions ? ` by ${w.sessions} session${w.sessions === 1 ? "" : "s"}` : ""}${w.sessions && w.weeks ? " and" : ""}${w.weeks ? ` by ${w.weeks} week${w.weeks === 1 ? "" : "s"}` : ""}.`,
    "",
    w.link,
  ),
});

export const engagementCompletedEmail = (to: Who, w: { coachee: string; programme: string; link: string }): MailMessage => ({
  to: to.email,
  subject: `Coaching engagement complete: ${w.coachee}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `The coaching engagement of ${w.coachee} in ${w.programme} is complete. Every outcome has its final measurement; the results are in Grove.`,
    "",
    w.link,
  ),
});

export const chemistryCallEmail = (to: Who, w: { coachee: string; when: string; minutes: number; link: string }): MailMessage => ({
  to: to.email,
  subject: `Chemistry call with ${w.coachee}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `${w.coachee}, who has you on their shortlist, planned a ${w.minutes}-minute chemistry call with you on ${w.when}.`,
    "It is a chance to see whether you would work well together; it is not a session and does not count against any package.",
    "",
    w.link,
  ),
});

export const summaryReminderEmail = (to: Who, w: { coachee: string; when: string; link: string; unsubscribe: string }): MailMessage => ({
  to: to.email,
  subject: `Share the summary of your session with ${w.coachee}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Your session with ${w.coachee} on ${w.when} has no shared summary yet. A few lines while it is fresh help your coachee keep going between sessions.`,
    "",
    w.link,
    ...footer(w.unsubscribe, "summary reminders"),
  ),
});

export const measurementReminderEmail = (
  to: Who,
  w: { coachee: string; phase: Phase; missing: number; link: string; unsubscribe: string },
): MailMessage => ({
  to: to.email,
  subject: `${w.missing} outcome${w.missing === 1 ? "" : "s"} of ${w.coachee} ${w.missing === 1 ? "needs" : "need"} a ${PHASE_LABELS[w.phase].toLowerCase()} rating`,
  text: lines(
    `Hello ${to.name},`,
    "",
    w.phase === "final"
      ? `The engagement with ${w.coachee} is closing, and ${w.missing} outcome${w.missing === 1 ? " has" : "s have"} no final measurement. It cannot be completed until each has one.`
      : `${w.missing} outcome${w.missing === 1 ? "" : "s"} of your engagement with ${w.coachee} ${w.missing === 1 ? "has" : "have"} no baseline yet. Record it before the work starts, so the end can be measured against it.`,
    "Record your rating, and ask the coachee, the sponsor and any stakeholders for theirs.",
    "",
    w.link,
    ...footer(w.unsubscribe, "measurement reminders"),
  ),
});
