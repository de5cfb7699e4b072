import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
});
afterAll(() => t.close());

const create = (headers: Record<string, string>) => admin.request("POST", "/api/programmes", { name: "CSRF probe" }, headers);

describe("CSRF protection for cookie-authenticated writes", () => {
  it("refuses a write without the token, or with a wrong one, and writes nothing", async () => {
    const token = admin.csrfToken;
    admin.csrfToken = undefined;
    const missing = await create({});
    const wrong = await create({ "x-csrf-token": "forged" });
    admin.csrfToken = token;
    for (const res of [missing, wrong]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("csrf_failed");
    }
    expect((await admin.get("/api/programmes")).json().total).toBe(0);
  });

  it("accepts the write with the session's token", async () => {
    expect((await create({})).statusCode).toBe(201);
  });

  it("does not need the token for reads or for bearer-token scripts", async () => {
    const token = (await admin.post("/api/tokens", { name: "script" })).json().token;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/programmes",
      headers: { authorization: `Bearer ${token}` },
      payload: { name: "From a script" },
    });
    expect(res.statusCode).toBe(201);
  });

  it("does not accept one session's token for another session", async () => {
    const other = await setUpAdminLikeSecondSession();
    const res = await admin.request("POST", "/api/programmes", { name: "Cross" }, { "x-csrf-token": other });
    expect(res.statusCode).toBe(403);
  });
});

async function setUpAdminLikeSecondSession() {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email: "ada@example.org", password: "correct horse battery" },
  });
  return res.json().csrfToken as string;
}
