import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  await setUpAdmin(t.app);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const linkIn = (text: string) => /http:\/\/grove\.test\/reset-password\?token=([\w-]+)/.exec(text)?.[1];

async function requestReset(email: string) {
  const res = await new Client(t.app).post("/api/auth/password-resets", { email });
  expect(res.statusCode).toBe(202);
  await t.runJobs();
}

describe("password reset by emailed one-time link", () => {
  it("emails a link over SMTP that sets a new password once and signs out every session", async () => {
    const existing = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    await requestReset(ADMIN.email);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.to).toEqual([ADMIN.email]);
    expect(mail.subject).toBe("Reset your Grove password");
    const token = linkIn(mail.text);
    expect(token).toBeDefined();

    const confirm = await new Client(t.app).post("/api/auth/password-resets/confirm", { token, password: "a brand new password" });
    expect(confirm.statusCode).toBe(200);
    expect((await existing.get("/api/auth/session")).statusCode).toBe(401);
    await new Client(t.app).signIn(ADMIN.email, "a brand new password");

    const reuse = await new Client(t.app).post("/api/auth/password-resets/confirm", { token, password: "yet another password" });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe("invalid_token");
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = smtp.messages.length;
    await requestReset("nobody@example.org");
    expect(smtp.messages.length).toBe(before);
  });

  it("refuses an expired link", async () => {
    await requestReset(ADMIN.email);
    const token = linkIn(smtp.messages.at(-1)?.text ?? "");
    await t.ctx.db.execute(sql`update password_resets set expires_at = now() - interval '1 second'`);
    const res = await new Client(t.app).post("/api/auth/password-resets/confirm", { token, password: "whatever password" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/expired/);
  });

  it("keeps the link out of the database once sent, and out of the logs", async () => {
    await requestReset(ADMIN.email);
    const token = linkIn(smtp.messages.at(-1)?.text ?? "") as string;
    const jobs = await queryRows<{ payload: unknown; completed_at: Date | null }>(t.ctx.db, sql`select payload, completed_at from jobs`);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.completed_at !== null)).toBe(true);
    expect(JSON.stringify(jobs)).not.toContain(token);
    const resets = await queryRows<Record<string, unknown>>(t.ctx.db, sql`select * from password_resets`);
    expect(JSON.stringify(resets)).not.toContain(token);
    expect(t.logs.join("\n")).not.toContain(token);
  });

  it("does the same work for a known and an unknown address: one queued job, nothing else until it runs", async () => {
    const snapshot = async () =>
      (
        await queryRows<{ jobs: number; resets: number }>(
          t.ctx.db,
          sql`select (select count(*)::int from jobs where completed_at is null) as jobs, (select count(*)::int from password_resets) as resets`,
        )
      )[0];
    for (const email of [ADMIN.email, "nobody-at-all@example.org"]) {
      const before = await snapshot();
      expect((await new Client(t.app).post("/api/auth/password-resets", { email })).statusCode).toBe(202);
      expect(await snapshot()).toEqual({ jobs: before.jobs + 1, resets: before.resets });
      await t.runJobs();
    }
  });

  it("sends at most 3 reset emails an hour to one account, however often it is asked", async () => {
    await t.ctx.db.execute(sql`delete from password_resets`);
    const before = smtp.messages.length;
    for (let i = 0; i < 30; i++)
      expect((await new Client(t.app).post("/api/auth/password-resets", { email: ADMIN.email })).statusCode).toBe(202);
    await t.runJobs();
    expect(smtp.messages.length - before).toBe(3);
  });
});
