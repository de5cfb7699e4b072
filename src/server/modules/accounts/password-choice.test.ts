import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

/** Every place a password is chosen refuses common ones, runs of keys and the person's own email or name. */
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let admin: Client;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const refused = (
  res: { statusCode: number; json(): { error: { code: string; details: { issues: { path: string[] }[] } } } },
  path: string[],
) => {
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe("validation_failed");
  expect(res.json().error.details.issues.map((i) => i.path)).toEqual([path]);
};

describe("choosing a password", () => {
  it("at setup, the first admin cannot use their own email", async () => {
    refused(await new Client(t.app).post("/api/setup", { ...ADMIN, password: ADMIN.email }), ["password"]);
    admin = await setUpAdmin(t.app);
  });

  it("for a new account, refuses common passwords, ten spaces and the person's own details", async () => {
    const make = (password: string) => admin.post("/api/users", { email: "grace.hopper@example.org", name: "Grace Hopper", password });
    for (const password of ["1234567890", "          ", "password123", "qwertyuiop", "grace.hopper@example.org", "gracehopper1906"]) {
      refused(await make(password), ["password"]);
    }
    expect((await make("compilers are my cats")).statusCode).toBe(201);
  });

  it("when changing it, names the new password field", async () => {
    refused(await admin.post("/api/auth/password", { currentPassword: ADMIN.password, newPassword: "iloveyou12" }), ["newPassword"]);
  });

  it("from a reset link, refuses a common one and leaves the link working", async () => {
    await new Client(t.app).post("/api/auth/password-resets", { email: ADMIN.email });
    await t.runJobs();
    const token = /reset-password\?token=([\w-]+)/.exec(smtp.messages.at(-1)?.text ?? "")?.[1];
    refused(await new Client(t.app).post("/api/auth/password-resets/confirm", { token, password: "football1234" }), ["password"]);
    expect(
      (await new Client(t.app).post("/api/auth/password-resets/confirm", { token, password: "a quiet walk at dawn" })).statusCode,
    ).toBe(200);
  });
});
