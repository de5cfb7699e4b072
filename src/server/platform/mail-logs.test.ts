import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture } from "../test-support/smtp-capture.js";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../test-support/test-app.js";
import { safeErrorMessage } from "./safe-errors.js";

/** Mail log lines say which account and which job, never the recipient's address. */
describe.each([
  ["over SMTP", true],
  ["to files (no SMTP configured)", false],
])("mail sent %s", (_how, useSmtp) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>> | undefined;
  beforeAll(async () => {
    smtp = useSmtp ? await startSmtpCapture() : undefined;
    t = await createTestApp(smtp ? { GROVE_SMTP_URL: smtp.url } : {});
    await setUpAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
    await smtp?.close();
  });

  it("is logged with the account id and job id, without the address", async () => {
    await new Client(t.app).post("/api/auth/password-resets", { email: ADMIN.email });
    await t.runJobs();
    const line = t.logs.map((l) => JSON.parse(l)).find((l) => /^mail (sent|written)/.test(l.msg));
    expect(line).toMatchObject({ userId: expect.any(String), jobId: expect.any(Number), subject: "Reset your Grove password" });
    expect(line).not.toHaveProperty("to");
    expect(t.logs.join("\n")).not.toContain(ADMIN.email);
  });
});

describe("a failed send's stored and logged error", () => {
  it("does not quote email addresses", () => {
    const err = new Error(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <noor.mentee@example.org>: Recipient address rejected",
    );
    expect(safeErrorMessage(err)).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <[email]>: Recipient address rejected");
  });
});
