import type { MailMessage } from "../../platform/mail.js";

type Who = { email: string; name: string };

const lines = (...parts: (string | undefined)[]) => parts.filter((p): p is string => p !== undefined).join("\n");

/** Both accepted: the pair starts. */
export const pairStartedEmail = (to: Who, partner: Who, w: { programme: string; link: string; pair?: string }): MailMessage => ({
  to: to.email,
  subject: `You and ${partner.name} are on: ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `${partner.name} has accepted too, so your ${w.pair ?? "pairing"} in ${w.programme} has started.`,
    "",
    "A good first step is to agree when and how you will meet. Your shared space is here:",
    w.link,
  ),
});

/**
 * To the other person when a proposal is declined. Neutral on purpose: the reason is for the
 * coordinator, who finds both people a better fit.
 */
export const proposalDeclinedEmail = (to: Who, partner: Who, w: { programme: string }): MailMessage => ({
  to: to.email,
  subject: `Your proposed pairing in ${w.programme} will not go ahead`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `The pairing with ${partner.name} that we proposed in ${w.programme} will not go ahead. Proposals sometimes do not work out for reasons of timing or fit, and it is not a judgement on you.`,
    "",
    "Your coordinator has been told and will look at another match. There is nothing you need to do now.",
  ),
});

/** To each coordinator: a place to refill. The reason is in the pairs list, not in an email. */
export const proposalDeclinedCoordinatorEmail = (
  to: Who,
  w: { programme: string; mentee: string; mentor: string; decliner: string; link: string; pair?: string; page?: string },
): MailMessage => ({
  to: to.email,
  subject: `A proposed ${w.pair ?? "pair"} was declined in ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `${w.decliner} declined the proposed ${w.pair ?? "pairing"} of ${w.mentee} with ${w.mentor} in ${w.programme}. Both are free to be matched again.`,
    "",
    `The reason they gave, and what to do next, are on the programme's ${w.page ?? "matching page"}:`,
    w.link,
  ),
});

/** A coordinator ended the pair to match both people again: nobody's fault, and said so. */
export const rematchEmail = (to: Who, partner: Who, w: { programme: string; note?: string }): MailMessage => ({
  to: to.email,
  subject: `A new match for you in ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Your coordinator has ended your pairing with ${partner.name} in ${w.programme} so that each of you can be matched again. This is a normal part of running a programme and nobody's fault.`,
    ...(w.note ? ["", "A note from your coordinator:", w.note] : []),
    "",
    "You keep your place in the programme, and you will hear from us when your new match is ready.",
  ),
});
