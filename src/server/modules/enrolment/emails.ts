import type { MailMessage } from "../../platform/mail.js";

type Who = { email: string; name: string };
type Where = { programme: string; link: string };

const lines = (...parts: string[]) => parts.join("\n");

export const applicationReceivedEmail = (to: Who, w: Where, options: { newAccount?: boolean } = {}): MailMessage => ({
  to: to.email,
  subject: `We received your application to ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Thank you for applying to ${w.programme}. A coordinator will review it and you will hear from us by email.`,
    ...(options.newAccount ? ["", "Your Grove account is ready: sign in with this email address and the password you chose."] : []),
    "",
    `Meanwhile you can start the short onboarding: ${w.link}`,
  ),
});

/**
 * Someone sent an application form with an address that already has an account. Nothing
 * was applied for: the sender may not be the owner. The owner can sign in and apply.
 */
export const accountExistsEmail = (to: Who, w: Where & { resetLink: string }): MailMessage => ({
  to: to.email,
  subject: `Your application to ${w.programme}: please sign in first`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Someone, most likely you, filled in the application form for ${w.programme} with this email address.`,
    "This address already has a Grove account, so nothing was sent in yet. Sign in and apply from here:",
    w.link,
    "",
    `If you never chose a password or have forgotten it, set one here: ${w.resetLink}`,
    "If it was not you, you can ignore this email; nothing has changed in your account.",
  ),
});

export const approvedEmail = (to: Who, w: Where): MailMessage => ({
  to: to.email,
  subject: `You are in: ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Your place in ${w.programme} is confirmed.`,
    "Before matching, please finish the short onboarding modules:",
    w.link,
  ),
});

export const declinedEmail = (to: Who, w: Where, reason: string): MailMessage => ({
  to: to.email,
  subject: `About your application to ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Thank you for applying to ${w.programme}. This time we cannot offer you a place.`,
    "",
    `The coordinator's note: ${reason}`,
  ),
});

export const waitlistedEmail = (to: Who, w: Where): MailMessage => ({
  to: to.email,
  subject: `You are on the waitlist for ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `${w.programme} is full for now, so your application is on the waitlist. We will email you if a place opens up.`,
    "",
    w.link,
  ),
});

export const invitationEmail = (to: { email: string }, w: Where & { role: string; inviter: string; expiresDays: number }): MailMessage => ({
  to: to.email,
  subject: `${w.inviter} invites you to ${w.programme}`,
  text: lines(
    "Hello,",
    "",
    `${w.inviter} invites you to join ${w.programme} as a ${w.role}.`,
    w.role === "sponsor"
      ? `Open this link within ${w.expiresDays} days to accept. As a sponsor you agree and follow the outcomes of the coaching you sponsor; what is said in the sessions stays between coach and coachee.`
      : `Open this link within ${w.expiresDays} days to accept and tell us a little about yourself:`,
    "",
    w.link,
    "",
    "If you were not expecting this, you can ignore it.",
  ),
});

export const trainingReminderEmail = (to: Who, w: Where & { remaining: number }): MailMessage => ({
  to: to.email,
  subject: `A reminder: onboarding for ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `You have ${w.remaining} short onboarding module${w.remaining === 1 ? "" : "s"} left before matching in ${w.programme}.`,
    "",
    w.link,
  ),
});

export const importedWelcomeEmail = (to: Who, w: Where & { setPasswordLink: string; days: number }): MailMessage => ({
  to: to.email,
  subject: `Welcome to ${w.programme}`,
  text: lines(
    `Hello ${to.name},`,
    "",
    `Your coordinator added you to ${w.programme} on Grove.`,
    `Choose a password within ${w.days} days to sign in:`,
    "",
    w.setPasswordLink,
    "",
    `Then start the short onboarding: ${w.link}`,
  ),
});
