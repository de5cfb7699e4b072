import type { MailMessage } from "../../platform/mail.js";

/** The week's resource for one side, as the coordinators wrote it on the weekly resources screen. */
export const weeklyResourceEmail = (
  to: { email: string; name: string },
  r: {
    programme: string;
    week: number;
    title: string;
    body: string;
    links: { label: string; url: string }[];
    link: string;
    unsubscribe: string;
  },
): MailMessage => ({
  to: to.email,
  subject: `Week ${r.week}: ${r.title}`,
  text: [
    `Hello ${to.name},`,
    "",
    `This week in ${r.programme}:`,
    "",
    r.title,
    r.body,
    ...(r.links.length ? ["", ...r.links.map((l) => `- ${l.label}: ${l.url}`)] : []),
    "",
    r.link,
    "",
    "—",
    `You get the weekly resources because you take part in ${r.programme} on Grove.`,
    `Stop these emails: ${r.unsubscribe}`,
  ].join("\n"),
});
