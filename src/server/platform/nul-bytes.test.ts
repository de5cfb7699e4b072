import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Workspace, workspaceFixture } from "../modules/workspace/test-pair.js";
import { queryRows } from "./db.js";

/**
 * PostgreSQL text cannot hold U+0000: a NUL that reaches a query fails the statement and
 * used to answer 500. One rule, in front of every route, refuses it with the usual 400.
 */
let w: Workspace;
let pairId: string;
const NUL = "\u0000";

beforeAll(async () => {
  w = await workspaceFixture();
  pairId = await w.newPair();
});
afterAll(() => w.t.close());

function expectRefused(
  res: { statusCode: number; json(): { error: { code: string; message: string; details?: unknown } } },
  path: string[],
) {
  expect(res.statusCode).toBe(400);
  const { error } = res.json();
  expect(error.code).toBe("validation_failed");
  expect(error.message).toMatch(/NUL/);
  expect(error.details).toEqual({ issues: [{ path, message: expect.stringMatching(/NUL/) }] });
}

describe("a NUL character anywhere in a request", () => {
  it("is refused in a JSON body, at any depth, before anything is written", async () => {
    const before = await queryRows<{ n: number }>(w.t.ctx.db, sql`select count(*)::int as n from api_tokens`);
    expectRefused(await w.admin.post("/api/tokens", { name: `a${NUL}b` }), ["name"]);
    expectRefused(await w.admin.post("/api/users", { email: "nul@example.org", name: `N${NUL}`, password: "a long enough password" }), [
      "name",
    ]);
    expectRefused(
      await w.mentee.request("PUT", `/api/relationships/${pairId}/notes/private`, { baseVersion: 0, body: `MY SECRET${NUL}` }),
      ["body"],
    );
    expectRefused(await w.mentee.post(`/api/relationships/${pairId}/goals`, { title: "Learn Go", options: `b${NUL}` }), ["options"]);
    expectRefused(await w.admin.post("/api/tokens", { name: "fine", deep: { list: ["a", `b${NUL}`] } }), ["deep", "list", "1"]);
    const after = await queryRows<{ n: number }>(w.t.ctx.db, sql`select count(*)::int as n from api_tokens`);
    expect(after[0].n).toBe(before[0].n);
  });

  it("is refused in an object key", async () => {
    const res = await w.admin.post("/api/tokens", { [`na${NUL}me`]: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("is refused in the query string and in the URL", async () => {
    expectRefused(await w.admin.get("/api/programmes?q=%00"), ["q"]);
    expectRefused(await w.admin.get(`/api/programmes/${w.programmeId}/enrolments?q=a%00`), ["q"]);
    expectRefused(await w.admin.get(`/api/programmes/${w.programmeId}/enrolments/export?q=%00`), ["q"]);
    expectRefused(await w.admin.get("/api/apply/spring%00"), ["slug"]);
  });

  it("is refused in a CSV upload", async () => {
    const res = await w.admin.request("POST", `/api/programmes/${w.programmeId}/imports`, `email,name\nx@example.org,X${NUL}\n`, {
      "content-type": "text/csv",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("still accepts other unusual characters", async () => {
    const res = await w.admin.post("/api/tokens", { name: "tab\there ☃ \u0001" });
    expect(res.statusCode).toBe(201);
  });

  it("never reaches the log as a 500", () => {
    expect(w.t.logs.some((l) => l.includes('"statusCode":500'))).toBe(false);
  });
});
