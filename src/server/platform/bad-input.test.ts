import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, setUpAdmin, type TestApp } from "../test-support/test-app.js";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ GROVE_BODY_LIMIT_BYTES: "4096" });
  admin = await setUpAdmin(t.app);
});
afterAll(() => t.close());

const raw = (method: "POST" | "PATCH" | "GET", url: string, payload?: string, contentType = "application/json") =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken ?? "", "content-type": contentType },
  });

function expectErrorShape(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
}

describe("bad input gets one error shape and a 4xx, never a 500", () => {
  it("malformed JSON", async () => {
    expectErrorShape(await raw("POST", "/api/programmes", '{"name": "oops",'), 400, "invalid_json");
  });

  it("wrong types, with every problem listed by field", async () => {
    const res = await admin.post("/api/programmes", { name: 42, type: "bootcamp", termStart: "next week" });
    expectErrorShape(res, 400, "validation_failed");
    const paths = (res.json().error.details.issues as { path: string[] }[]).map((i) => i.path.join("."));
    expect(paths.sort()).toEqual(["name", "termStart", "type"]);
  });

  it("unknown fields are named, not silently dropped", async () => {
    const res = await admin.post("/api/programmes", { name: "Fine name", colour: "green" });
    expectErrorShape(res, 400, "validation_failed");
    expect(res.json().error.message).toMatch(/unknown field "colour"/);
  });

  it("oversized bodies are refused with 413", async () => {
    expectErrorShape(await raw("POST", "/api/programmes", JSON.stringify({ name: "x".repeat(10_000) })), 413, "payload_too_large");
  });

  it("a body that is not JSON", async () => {
    expectErrorShape(await raw("POST", "/api/programmes", "name=x", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
  });

  it("bad ids and unknown ids", async () => {
    const bad = await admin.get("/api/programmes/not-a-uuid");
    expectErrorShape(bad, 400, "validation_failed");
    expect(bad.json().error.message).toMatch(/URL/);
    expectErrorShape(await admin.get("/api/programmes/00000000-0000-4000-8000-000000000000"), 404, "not_found");
  });

  it("bad query parameters", async () => {
    expectErrorShape(await admin.get("/api/programmes?limit=100000"), 400, "validation_failed");
    expectErrorShape(await admin.get("/api/programmes?status=deleted"), 400, "validation_failed");
  });

  it("unknown API routes", async () => {
    expectErrorShape(await admin.get("/api/nothing-here"), 404, "not_found");
  });

  it("a missing or expired session on a protected route", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/programmes", headers: { cookie: "grove_session=not-a-real-session" } });
    expectErrorShape(res, 401, "unauthenticated");
    expect(res.json().error.message).toMatch(/session has expired/);
  });

  it("a prototype-poisoning body", async () => {
    const res = await raw("POST", "/api/programmes", '{"name":"Fine name","__proto__":{"isAdmin":true}}');
    expect(res.statusCode).toBe(400);
  });
});
