import type { MailMessage } from "../../platform/mail.js";

/**
 * The coordinator's daily digest. It says what kind of alert, about which pair, for how
 * long — never anything the pair wrote, nor a survey's free-text answer.
 */
export type DigestLine = { title: string; pair: string; summary: string; age: string };
export type DigestProgramme = { name: string; link: string; fresh: DigestLine[]; overdue: DigestLine[] };

const line = (l: DigestLine) => `  - ${l.title}: ${l.pair}. ${l.summary} (${l.age})`;

export function alertDigestEmail(to: { email: string; name: string }, programmes: DigestProgramme[], unsubscribe: string): MailMessage {
  const fresh = programmes.reduce((n, p) => n + p.fresh.length, 0);
  const overdue = programmes.reduce((n, p) => n + p.overdue.length, 0);
  const parts = [fresh ? `${fresh} new` : null, overdue ? `${overdue} overdue` : null].filter(Boolean).join(", ");
  return {
    to: to.email,
    subject: `Your alerts today: ${parts}`,
    text: [
      `Hello ${to.name},`,
      "",
      ...programmes.flatMap((p) => [
        p.name,
        ...(p.fresh.length ? ["New since yesterday:", ...p.fresh.map(line)] : []),
        ...(p.overdue.length ? ["Waiting longest:", ...p.overdue.map(line)] : []),
        p.link,
        "",
      ]),
      "—",
      "You get this digest because you coordinate a programme on Grove.",
      `Stop these emails: ${unsubscribe}`,
    ].join("\n"),
  };
}
