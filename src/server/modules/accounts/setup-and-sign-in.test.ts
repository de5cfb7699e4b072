import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("first run and sign-in", () => {
  it("asks for setup until the first admin exists, then refuses a second setup", async () => {
    const anon = new Client(t.app);
    expect((await anon.get("/api/setup")).json()).toMatchObject({ needsSetup: true });
    const admin = await setUpAdmin(t.app);
    expect((await admin.get("/api/auth/session")).json().user).toMatchObject({ email: ADMIN.email, isAdmin: true });
    expect((await anon.get("/api/setup")).json()).toMatchObject({ needsSetup: false });
    const again = await new Client(t.app).post("/api/setup", { ...ADMIN, email: "mallory@example.org" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_set_up");
  });

  it("sets an HttpOnly, SameSite=Lax session cookie without Secure over http", async () => {
    const res = await new Client(t.app).post("/api/auth/sign-in", { email: ADMIN.email, password: ADMIN.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "grove_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it("treats the email case-insensitively and rejects a wrong password with 401", async () => {
    expect((await new Client(t.app).post("/api/auth/sign-in", { email: "ADA@example.org", password: ADMIN.password })).statusCode).toBe(
      200,
    );
    const wrong = await new Client(t.app).post("/api/auth/sign-in", { email: ADMIN.email, password: "not the password" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: "invalid_credentials", message: expect.stringMatching(/do not match/) } });
    const unknown = await new Client(t.app).post("/api/auth/sign-in", { email: "nobody@example.org", password: "whatever it is" });
    expect(unknown.json().error.code).toBe("invalid_credentials");
  });

  it("signs out one session, and sign out everywhere ends all of them", async () => {
    const a = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    const b = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    const c = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    const staleCookie = a.cookie;
    expect((await a.post("/api/auth/sign-out")).statusCode).toBe(204);
    const reused = new Client(t.app);
    reused.cookie = staleCookie;
    const after = await reused.get("/api/auth/session");
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toMatch(/session has expired/);
    expect((await b.get("/api/auth/session")).statusCode).toBe(200);
    expect((await b.post("/api/auth/sign-out-everywhere")).statusCode).toBe(204);
    expect((await c.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("refuses an expired session with 401", async () => {
    const a = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    await t.ctx.db.execute(sql`update auth_sessions set expires_at = now() - interval '1 minute'`);
    expect((await a.get("/api/programmes")).statusCode).toBe(401);
  });

  it("lets a person change their password only with the current one", async () => {
    const admin = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    const bob = await createUserClient(t.app, admin, "bob@example.org");
    const bad = await bob.post("/api/auth/password", { currentPassword: "nope", newPassword: "another long password" });
    expect(bad.statusCode).toBe(400);
    expect(
      (await bob.post("/api/auth/password", { currentPassword: "a long enough password", newPassword: "another long password" }))
        .statusCode,
    ).toBe(200);
    await new Client(t.app).signIn("bob@example.org", "another long password");
  });

  it("never writes a password, session cookie, CSRF token or API token to the logs", async () => {
    const a = await new Client(t.app).signIn(ADMIN.email, ADMIN.password);
    await a.get("/api/auth/session");
    const token = (await a.post("/api/tokens", { name: "log probe" })).json().token;
    await t.app.inject({ method: "GET", url: "/api/users/me", headers: { authorization: `Bearer ${token}` } });
    const logs = t.logs.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [ADMIN.password, a.cookie as string, a.csrfToken as string, token]) expect(logs).not.toContain(secret);
  });
});
