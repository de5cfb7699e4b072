import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, Client, createTestApp, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("first run with demo data", () => {
  it("creates the admin, a sample mentoring programme full of applicants and a sample coaching programme", async () => {
    const admin = new Client(t.app);
    const res = await admin.post("/api/setup", { ...ADMIN, demo: true });
    expect(res.statusCode).toBe(201);
    const programmes = (await admin.get("/api/programmes")).json();
    expect(programmes.total).toBe(2);
    const coaching = programmes.items.find((p: { type: string }) => p.type === "coaching");
    expect(coaching).toMatchObject({ myRole: "coordinator", status: "running" });
    const demo = programmes.items.find((p: { type: string }) => p.type === "mentoring");
    expect(demo).toMatchObject({ myRole: "coordinator", status: "open" });
    const directory = (await admin.get(`/api/programmes/${demo.id}/enrolments?limit=200`)).json();
    expect(directory.total).toBeGreaterThanOrEqual(50);
    expect(directory.items.some((e: { status: string }) => e.status === "applied")).toBe(true);
  });
});
