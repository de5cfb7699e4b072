import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await setUpAdmin(t.app);
});
afterAll(() => t.close());

const attempt = (ip: string, email: string, password: string) => {
  const c = new Client(t.app);
  c.ip = ip;
  return c.post("/api/auth/sign-in", { email, password });
};

describe("sign-in rate limiting", () => {
  it("answers 429 with Retry-After after 10 failures on one account, even for the right password", async () => {
    for (let i = 0; i < 10; i++) {
      // Different addresses: the per-account limit must hold regardless of where guesses come from.
      expect((await attempt(`192.0.2.${i + 1}`, ADMIN.email, `wrong guess ${i}`)).statusCode).toBe(401);
    }
    const blocked = await attempt("192.0.2.50", ADMIN.email, ADMIN.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    const retryAfter = Number(blocked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("lets the account in again once the failures are older than 15 minutes", async () => {
    await t.ctx.db.execute(sql`update sign_in_failures set at = now() - interval '16 minutes'`);
    expect((await attempt("192.0.2.60", ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });

  it("limits one address spraying passwords across many accounts", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await attempt("198.51.100.99", `someone${i}@example.org`, "password123!")).statusCode).toBe(401);
    }
    const blocked = await attempt("198.51.100.99", ADMIN.email, ADMIN.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
    // Another address is not affected by that one's failures.
    expect((await attempt("198.51.100.100", ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  });
});
