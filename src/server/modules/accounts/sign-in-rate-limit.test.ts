import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
const OWNER_ADDRESS = "203.0.113.10"; // where setUpAdmin signs the admin in from
beforeAll(async () => {
  t = await createTestApp();
  await setUpAdmin(t.app);
  // The admin's usual address: a successful sign-in from it.
  const owner = new Client(t.app);
  owner.ip = OWNER_ADDRESS;
  await owner.signIn(ADMIN.email, ADMIN.password);
});
afterAll(() => t.close());

const attempt = (ip: string, email: string, password: string) => {
  const c = new Client(t.app);
  c.ip = ip;
  return c.post("/api/auth/sign-in", { email, password });
};

describe("sign-in rate limiting", () => {
  it("locks one address out of one account after 10 failures, even for the right password", async () => {
    for (let i = 0; i < 10; i++) expect((await attempt("192.0.2.1", ADMIN.email, `wrong guess ${i}`)).statusCode).toBe(401);
    const blocked = await attempt("192.0.2.1", ADMIN.email, ADMIN.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    const retryAfter = Number(blocked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.json().error.details.retryAfterSeconds).toBe(retryAfter);
    // The owner, from their usual address, is not affected by that stranger.
    expect((await attempt(OWNER_ADDRESS, ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });

  it("lets that address in again once the failures are older than 15 minutes", async () => {
    await t.ctx.db.execute(sql`update sign_in_failures set at = now() - interval '16 minutes'`);
    expect((await attempt("192.0.2.1", ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });

  it("slows down new addresses when guesses come from everywhere, but never locks the owner's usual address", async () => {
    await t.ctx.db.execute(sql`delete from sign_in_failures`);
    for (let i = 0; i < 30; i++) expect((await attempt(`192.0.2.${100 + i}`, ADMIN.email, `spread guess ${i}`)).statusCode).toBe(401);
    const stranger = await attempt("192.0.2.200", ADMIN.email, ADMIN.password);
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers["retry-after"])).toBeGreaterThan(50 * 60);
    expect((await attempt(OWNER_ADDRESS, ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    // The owner signing in does not wipe the stranger's record.
    expect((await attempt("192.0.2.201", ADMIN.email, ADMIN.password)).statusCode).toBe(429);
  });

  it("limits one address spraying passwords across many accounts", async () => {
    await t.ctx.db.execute(sql`delete from sign_in_failures`);
    for (let i = 0; i < 50; i++) {
      expect((await attempt("198.51.100.99", `someone${i}@example.org`, "password123!")).statusCode).toBe(401);
    }
    const blocked = await attempt("198.51.100.99", "someone-else@example.org", "password123!");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
    // Another address is not affected by that one's failures.
    expect((await attempt("198.51.100.100", ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });
});
