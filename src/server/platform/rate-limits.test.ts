import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../test-support/test-app.js";
import { registerErrorHandling } from "./http-errors.js";
import { registerRateLimits } from "./rate-limits.js";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({
    GROVE_RATE_LIMIT_ANONYMOUS: "6",
    GROVE_RATE_LIMIT_CREDENTIALS: "3",
    GROVE_RATE_LIMIT_API: "8",
    GROVE_RATE_LIMIT_FEED: "2",
  });
  admin = await setUpAdmin(t.app); // one credentials request from the admin's address
});
afterAll(() => t.close());

const from = (ip: string) => {
  const c = new Client(t.app);
  c.ip = ip;
  return c;
};

function expectLimited(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(res.statusCode).toBe(429);
  const body = res.json() as { error: { code: string; message: string; details: { retryAfterSeconds: number } } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.message).toMatch(/Too many requests/);
  const retryAfter = Number(res.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
}

describe("request limits", () => {
  it("hold an address to the anonymous limit, and leave other addresses alone", async () => {
    const stranger = from("192.0.2.10");
    for (let i = 0; i < 6; i++) expect((await stranger.get("/api/setup")).statusCode).toBe(200);
    expectLimited(await stranger.get("/api/apply/anything"));
    expect((await from("192.0.2.11").get("/api/setup")).statusCode).toBe(200);
  });

  it("hold sign-in, password resets and applications to the tighter credentials limit, per route", async () => {
    const guesser = from("192.0.2.20");
    for (let i = 0; i < 3; i++)
      expect((await guesser.post("/api/auth/sign-in", { email: ADMIN.email, password: `guess ${i}` })).statusCode).toBe(401);
    expectLimited(await guesser.post("/api/auth/sign-in", { email: ADMIN.email, password: ADMIN.password }));
    for (let i = 0; i < 3; i++) expect((await guesser.post("/api/auth/password-resets", { email: ADMIN.email })).statusCode).toBe(202);
    expectLimited(await guesser.post("/api/auth/password-resets", { email: ADMIN.email }));
    const other = from("192.0.2.21");
    for (let i = 0; i < 3; i++)
      expect((await other.post("/api/apply/no-such-programme", { role: "mentee", answers: {} })).statusCode).toBe(401);
    expectLimited(await other.post("/api/apply/no-such-programme", { role: "mentee", answers: {} }));
  });

  it("give each session and each API token its own, more generous, allowance", async () => {
    const token = (await admin.post("/api/tokens", { name: "limited script" })).json().token;
    const script = from("192.0.2.30");
    script.bearer = token;
    for (let i = 0; i < 8; i++) expect((await script.get("/api/users/me")).statusCode).toBe(200);
    expectLimited(await script.get("/api/users/me"));
    // The same person's browser session is counted apart from the token.
    expect((await admin.get("/api/users/me")).statusCode).toBe(200);
  });

  it("never limit the health checks", async () => {
    const prober = from("192.0.2.40");
    for (let i = 0; i < 12; i++) expect((await prober.get("/api/health")).statusCode).toBe(200);
  });
});

describe("a route added later", () => {
  it("gets the default limit without saying anything about limits, and a feed is counted per feed", async () => {
    const app = Fastify();
    registerErrorHandling(app);
    await registerRateLimits(app, { anonymous: 2, credentials: 1, api: 100, feed: 1 });
    app.decorateRequest("principal", null);
    app.get("/api/brand-new", async () => ({ ok: true }));
    app.get("/api/calendar/:token.ics", { config: { limit: "feed" } }, async () => "BEGIN:VCALENDAR");
    await app.ready();
    const get = (url: string, ip = "198.51.100.1") => app.inject({ method: "GET", url, remoteAddress: ip });
    expect((await get("/api/brand-new")).statusCode).toBe(200);
    expect((await get("/api/brand-new")).statusCode).toBe(200);
    expectLimited(await get("/api/brand-new"));
    // Calendar services fetch from shared addresses: the feed, not the address, is counted.
    expect((await get("/api/calendar/feed-a.ics", "203.0.113.1")).statusCode).toBe(200);
    expectLimited(await get("/api/calendar/feed-a.ics", "203.0.113.2"));
    expect((await get("/api/calendar/feed-b.ics", "203.0.113.1")).statusCode).toBe(200);
    await app.close();
  });
});
