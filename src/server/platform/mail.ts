import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "pino";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar invitation or cancellation, sent as the text/calendar alternative calendars act on. */
  icalEvent?: { method: "REQUEST" | "CANCEL" | "PUBLISH"; content: string; filename?: string };
  /** Extra headers, e.g. List-Unsubscribe for non-essential mail. */
  headers?: Record<string, string>;
};
/** Who and what a message is for, in the log: ids, never the address. */
export type MailLogContext = { userId?: string; jobId?: number };
export type Mailer = { send(message: MailMessage, log?: MailLogContext): Promise<void>; close(): void };

/**
 * SMTP when GROVE_SMTP_URL is set. Otherwise each message is written as an .eml file
 * under <data dir>/mail so a newcomer can read invitations and reset links without a
 * mail server. Log lines name the subject, the file, and the recipient's account and job
 * ids — never the body (it can hold one-time links) nor the address.
 */
export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string; logger: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(m, log = {}) {
        await transport.sendMail(envelope(options.from, m));
        options.logger.info({ ...log, subject: m.subject }, "mail sent over SMTP");
      },
      close: () => transport.close(),
    };
  }
  const dir = path.join(options.dataDir, "mail");
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(m, log = {}) {
      const info = await transport.sendMail(envelope(options.from, m));
      fs.mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${Math.random().toString(36).slice(2, 8)}.eml`);
      fs.writeFileSync(file, info.message as Buffer);
      options.logger.info({ ...log, subject: m.subject, file }, "mail written to file (no SMTP configured)");
    },
    close() {},
  };
}

const envelope = (from: string, m: MailMessage) => ({
  from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html,
  headers: m.headers,
  icalEvent: m.icalEvent
    ? { method: m.icalEvent.method, content: m.icalEvent.content, filename: m.icalEvent.filename ?? "invite.ics" }
    : undefined,
});
