import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/test-app.js";

const journal = JSON.parse(readFileSync(new URL("../../../../migrations/meta/_journal.json", import.meta.url), "utf8")) as {
  entries: { tag: string }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("health and API description", () => {
  it("reports the database, version and migration level", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "ok",
      database: {
        driver: process.env.DATABASE_URL ? "postgres" : "pglite",
        reachable: true,
        migration: { applied: journal.entries.length, latest: journal.entries.at(-1)?.tag },
      },
    });
    expect(res.headers["x-request-id"]).toBeDefined();
  });

  it("publishes a valid OpenAPI 3.1 document generated from the contracts", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const path of ["/api/health", "/api/programmes", "/api/programmes/{id}", "/api/auth/sign-in", "/api/tokens"]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    // The body schema comes from zod, including the human messages' constraints.
    expect(doc.paths["/api/programmes"].post.requestBody.content["application/json"].schema.properties.name.minLength).toBe(3);
  });

  it("serves browsable docs", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });

  it("echoes a caller's request id and logs it with every line of the request", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/setup", headers: { "x-request-id": "trace-abc-123" } });
    expect(res.headers["x-request-id"]).toBe("trace-abc-123");
    const lines = t.logs.filter((l) => l.includes("trace-abc-123")).map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.requestId === "trace-abc-123")).toBe(true);
  });
});
