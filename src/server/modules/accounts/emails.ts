import type { MailMessage } from "../../platform/mail.js";

export function passwordResetEmail(user: { email: string; name: string }, link: string, ttlMinutes: number): MailMessage {
  return {
    to: user.email,
    subject: "Reset your Grove password",
    text: [
      `Hello ${user.name},`,
      "",
      "Someone (hopefully you) asked to reset the password of your Grove account.",
      `Open this link within ${ttlMinutes} minutes to choose a new one:`,
      "",
      link,
      "",
      "The link works once. If you did not ask for it, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}
