import type { MailMessage } from "../../platform/mail.js";

type Who = { email: string; name: string };
/** The programme, its words for the two sides, and the reader's link. */
type Where = { programme: string; giver: string; receiver: string; link: string };

const lines = (...parts: string[]) => parts.join("\n");
const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** The mentee's message is for the mentor's eyes: it travels only in this email's body, never in a subject or a log line. */
export const newRequestEmail = (mentor: Who, w: Where & { mentee: string; message: string; expiresAt: Date }): MailMessage => ({
  to: mentor.email,
  subject: `${w.mentee} would like you as their ${w.giver}`,
  text: lines(
    `Hello ${mentor.name},`,
    "",
    `${w.mentee} has asked you to be their ${w.giver} in ${w.programme}. In their words:`,
    "",
    ...w.message.split("\n").map((l) => `  ${l}`),
    "",
    `Please accept or decline by ${day(w.expiresAt)}; after that the request lapses. If you decline, say why in a sentence: ${w.mentee} will read it.`,
    "",
    w.link,
  ),
});

export const requestAcceptedEmail = (mentee: Who, w: Where & { mentor: string; closedOthers: number }): MailMessage => ({
  to: mentee.email,
  subject: `${w.mentor} accepted your request`,
  text: lines(
    `Hello ${mentee.name},`,
    "",
    `Good news: ${w.mentor} will be your ${w.giver} in ${w.programme}. You lead from here: suggest a first meeting and what you would like to talk about.`,
    ...(w.closedOthers > 0
      ? [
          "",
          `Your other ${w.closedOthers === 1 ? "request was" : `${w.closedOthers} requests were`} withdrawn, and those ${w.giver}s were told.`,
        ]
      : []),
    "",
    w.link,
  ),
});

export const requestDeclinedEmail = (mentee: Who, w: Where & { mentor: string; reason: string }): MailMessage => ({
  to: mentee.email,
  subject: `${w.mentor} can't take your request`,
  text: lines(
    `Hello ${mentee.name},`,
    "",
    `${w.mentor} has declined your request in ${w.programme}. Their reason:`,
    "",
    ...w.reason.split("\n").map((l) => `  ${l}`),
    "",
    `Other ${w.giver}s are waiting to hear from you:`,
    w.link,
  ),
});

export type WithdrawnBecause = "mentee" | "matched";

export const requestWithdrawnEmail = (mentor: Who, w: Where & { mentee: string; because: WithdrawnBecause }): MailMessage => ({
  to: mentor.email,
  subject: `${w.mentee}'s request is no longer open`,
  text: lines(
    `Hello ${mentor.name},`,
    "",
    w.because === "matched"
      ? `${w.mentee} has been matched with another ${w.giver} in ${w.programme}, so their request to you is closed. Nothing more for you to do.`
      : `${w.mentee} withdrew their request to you in ${w.programme}. Nothing more for you to do.`,
    "",
    w.link,
  ),
});

export const requestClosedMentorFullEmail = (mentee: Who, w: Where & { mentor: string }): MailMessage => ({
  to: mentee.email,
  subject: `${w.mentor} has no places left`,
  text: lines(
    `Hello ${mentee.name},`,
    "",
    `${w.mentor} has just filled their last place in ${w.programme}, so your request to them is closed. It doesn't count against your request limit any more.`,
    "",
    `Pick another ${w.giver} here:`,
    w.link,
  ),
});

export const requestExpiredEmail = (mentee: Who, w: Where & { mentor: string }): MailMessage => ({
  to: mentee.email,
  subject: `Your request to ${w.mentor} expired`,
  text: lines(
    `Hello ${mentee.name},`,
    "",
    `${w.mentor} didn't answer your request in ${w.programme} in time, so it has expired and no longer counts against your limit.`,
    `You can ask them again or choose another ${w.giver}:`,
    w.link,
  ),
});

export const requestLapsedEmail = (mentor: Who, w: Where & { mentee: string }): MailMessage => ({
  to: mentor.email,
  subject: `${w.mentee}'s request has lapsed`,
  text: lines(
    `Hello ${mentor.name},`,
    "",
    `The request ${w.mentee} sent you in ${w.programme} went unanswered and has now expired. ${w.mentee} has been told and may choose another ${w.giver}.`,
    "",
    `If you are too busy to take anyone on, you can pause yourself on your enrolment page so nobody else asks for now.`,
    w.link,
  ),
});
