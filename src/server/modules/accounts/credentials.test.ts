import argon2 from "argon2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

/**
 * Recovering an account must shut out whoever had it: a password reset and "sign out
 * everywhere" end every session and revoke every API token, and an API token (the
 * credential most likely to leak from a script) cannot mint more tokens or change the
 * password.
 */
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let admin: Client;
let n = 0;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  admin = await setUpAdmin(t.app);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const PASSWORD = "a long enough password";

/** A fresh account signed in from two browsers, with one API token. */
async function account() {
  const email = `person${++n}@example.org`;
  expect((await admin.post("/api/users", { email, name: `Person ${n}`, password: PASSWORD })).statusCode).toBe(201);
  const laptop = await new Client(t.app).signIn(email, PASSWORD);
  const phone = new Client(t.app);
  phone.ip = "198.51.100.77";
  await phone.signIn(email, PASSWORD);
  const token = (await laptop.post("/api/tokens", { name: "script" })).json().token as string;
  const script = new Client(t.app);
  script.bearer = token;
  expect((await script.get("/api/users/me")).statusCode).toBe(200);
  return { email, laptop, phone, script };
}

describe("account recovery", () => {
  it("a password reset ends every session and revokes every API token", async () => {
    const { email, laptop, script } = await account();
    await new Client(t.app).post("/api/auth/password-resets", { email });
    await t.runJobs();
    const token = /reset-password\?token=([\w-]+)/.exec(smtp.messages.at(-1)?.text ?? "")?.[1];
    expect(token).toBeDefined();
    const confirm = await new Client(t.app).post("/api/auth/password-resets/confirm", { token, password: "a brand new password" });
    expect(confirm.statusCode).toBe(200);
    expect((await laptop.get("/api/auth/session")).statusCode).toBe(401);
    expect((await script.get("/api/users/me")).statusCode).toBe(401);
  });

  it("signing out everywhere ends every session and revokes every API token", async () => {
    const { laptop, phone, script } = await account();
    expect((await laptop.post("/api/auth/sign-out-everywhere")).statusCode).toBe(204);
    expect((await phone.get("/api/auth/session")).statusCode).toBe(401);
    const res = await script.get("/api/users/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/revoked/);
    expect((await new Client(t.app).signIn((await account()).email, PASSWORD)).cookie).toBeDefined();
  });

  it("changing the password ends the other sessions and keeps this one", async () => {
    const { laptop, phone } = await account();
    const res = await laptop.post("/api/auth/password", { currentPassword: PASSWORD, newPassword: "another long password" });
    expect(res.statusCode).toBe(200);
    expect((await laptop.get("/api/auth/session")).statusCode).toBe(200);
    expect((await phone.get("/api/auth/session")).statusCode).toBe(401);
  });
});

describe("what an API token cannot do", () => {
  it("cannot create tokens or change the password", async () => {
    const { script, laptop } = await account();
    const mint = await script.post("/api/tokens", { name: "another" });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().error.code).toBe("browser_session_required");
    const change = await script.post("/api/auth/password", { currentPassword: PASSWORD, newPassword: "taken over password" });
    expect(change.statusCode).toBe(403);
    expect(change.json().error.code).toBe("browser_session_required");
    expect((await laptop.get("/api/tokens")).json()).toHaveLength(1);
    expect((await laptop.get("/api/users/me")).statusCode).toBe(200);
  });
});

describe("guessing the current password", () => {
  it("is throttled like sign-in: after 10 wrong tries even the right one waits", async () => {
    const { laptop } = await account();
    for (let i = 0; i < 10; i++) {
      const res = await laptop.post("/api/auth/password", { currentPassword: `wrong guess ${i}`, newPassword: "another long password" });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("wrong_password");
    }
    const blocked = await laptop.post("/api/auth/password", { currentPassword: PASSWORD, newPassword: "another long password" });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("a failed sign-in", () => {
  it("costs one password verification whether or not the email has an account", async () => {
    const { email } = await account();
    const verify = vi.spyOn(argon2, "verify");
    try {
      for (const who of [email, "nobody-here@example.org"]) {
        verify.mockClear();
        const res = await new Client(t.app).post("/api/auth/sign-in", { email: who, password: "not the password" });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe("invalid_credentials");
        expect(verify).toHaveBeenCalledTimes(1);
      }
    } finally {
      verify.mockRestore();
    }
  });
});
