import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { type Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
});
afterAll(() => t.close());

const withBearer = (token: string, url = "/api/users/me") =>
  t.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });

describe("personal API tokens", () => {
  it("shows the secret once, stores only its hash, and authenticates scripts", async () => {
    const created = await admin.post("/api/tokens", { name: "CI export" });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^grove_pat_/);
    expect(token.startsWith(prefix)).toBe(true);

    const listed = (await admin.get("/api/tokens")).json();
    expect(listed).toEqual([expect.objectContaining({ id, name: "CI export", prefix })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const stored = await queryRows<Record<string, unknown>>(t.ctx.db, sql`select * from api_tokens`);
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await withBearer(token);
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe("ada@example.org");
    expect((await admin.get("/api/tokens")).json()[0].lastUsedAt).not.toBeNull();
  });

  it("stops working once revoked, and revoking twice is a 404", async () => {
    const { token, id } = (await admin.post("/api/tokens", { name: "short-lived" })).json();
    expect((await admin.delete(`/api/tokens/${id}`)).statusCode).toBe(204);
    const res = await withBearer(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/revoked/);
    expect((await admin.delete(`/api/tokens/${id}`)).statusCode).toBe(404);
  });

  it("refuses an expired token and a malformed Authorization header", async () => {
    const { token, id } = (await admin.post("/api/tokens", { name: "expiring", expiresInDays: 1 })).json();
    await t.ctx.db.execute(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${id}`);
    expect((await withBearer(token)).statusCode).toBe(401);
    const basic = await t.app.inject({ method: "GET", url: "/api/users/me", headers: { authorization: "Basic abc" } });
    expect(basic.statusCode).toBe(401);
    expect(basic.json().error.message).toMatch(/Bearer grove_pat_/);
  });

  it("cannot revoke somebody else's token", async () => {
    const { id } = (await admin.post("/api/tokens", { name: "mine" })).json();
    await admin.post("/api/users", { email: "eve@example.org", name: "Eve", password: "a long enough password" });
    const eve = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "eve@example.org", password: "a long enough password" },
    });
    const cookie = eve.cookies.find((c) => c.name === "grove_session")?.value;
    const res = await t.app.inject({
      method: "DELETE",
      url: `/api/tokens/${id}`,
      headers: { cookie: `grove_session=${cookie}`, "x-csrf-token": eve.json().csrfToken },
    });
    expect(res.statusCode).toBe(404);
    expect((await admin.get("/api/tokens")).json().map((x: { id: string }) => x.id)).toContain(id);
  });
});
