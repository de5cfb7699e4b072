import type { MailMessage } from "../../platform/mail.js";

/**
 * Survey invitations and their one reminder. They carry the survey's title, the pair's
 * other person's name and the link — never an answer, and nothing a pair wrote.
 */
type Who = { email: string; name: string };

const lines = (...parts: (string | null)[]) => parts.filter((p) => p !== null).join("\n");
const dayOf = (d: Date) => d.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

export type SurveyMail = {
  programme: string;
  title: string;
  about: string | null;
  anonymous: boolean;
  questions: number;
  closesAt: Date;
  link: string;
  unsubscribe: string;
};

const privacy = (anonymous: boolean) =>
  anonymous
    ? "It is anonymous: your answers are stored without your name, and coordinators only see totals once at least five people have answered."
    : "Your coordinator will see your name with your answers, so they can follow up if you need them to.";

const body = (to: Who, m: SurveyMail, opening: string) =>
  lines(
    `Hello ${to.name},`,
    "",
    opening,
    m.about ? `It is about your time with ${m.about}.` : null,
    `${m.questions} question${m.questions === 1 ? "" : "s"}, a minute or two. ${privacy(m.anonymous)}`,
    "",
    `Answer here, no sign-in needed: ${m.link}`,
    "",
    `The link is yours alone, so please do not forward it. It closes on ${dayOf(m.closesAt)}.`,
    "",
    "—",
    `You get survey emails because you take part in ${m.programme} on Grove.`,
    `Stop these emails: ${m.unsubscribe}`,
  );

export const surveyInvitationEmail = (to: Who, m: SurveyMail): MailMessage => ({
  to: to.email,
  subject: `${m.title}: a few questions from ${m.programme}`,
  text: body(to, m, `The coordinators of ${m.programme} would like to hear how things are going: "${m.title}".`),
});

export const surveyReminderEmail = (to: Who, m: SurveyMail): MailMessage => ({
  to: to.email,
  subject: `Reminder: ${m.title}`,
  text: body(to, m, `A gentle reminder: "${m.title}" is still waiting for your answers. This is the only reminder.`),
});
