import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { Client } from "../../test-support/test-app.js";
import { sessionStatsForProgramme } from "./stats.js";
import { daysFromToday, type Workspace, workspaceFixture } from "./test-pair.js";

// Every workspace endpoint, for everyone but the pair: the same 404 as a pair that does not
// exist, and nothing the pair wrote in the answer, the logs or any email.

let w: Workspace;
let pairId: string;
let sessionId: string;
let itemId: string;
const SECRETS = [
  "AGENDA-MARKER-7f3",
  "SHARED-NOTE-MARKER-1c9",
  "PRIVATE-NOTE-MARKER-5ab",
  "COMMENT-MARKER-2de",
  "ITEM-MARKER-9e0",
  "PLAN-MARKER-4aa",
];

beforeAll(async () => {
  w = await workspaceFixture();
  pairId = await w.newPair();
  const url = (p: string) => `/api/relationships/${pairId}${p}`;
  await w.mentee.patch(url("/plan"), { version: 0, menteeFocus: "PLAN-MARKER-4aa", timeZone: "Europe/London" });
  sessionId = (await w.mentee.post(url("/sessions"), { date: daysFromToday(6), startTime: "18:00" })).json().sessions[0].id;
  await w.mentee.request("PUT", url(`/sessions/${sessionId}/agenda`), { version: 0, sections: { check_in: "AGENDA-MARKER-7f3" } });
  await w.mentee.post(url(`/sessions/${sessionId}/agenda/share`));
  await w.mentor.post(url(`/sessions/${sessionId}/agenda/comments`), { body: "COMMENT-MARKER-2de" });
  await w.mentor.request("PUT", url("/notes/shared"), { sessionId, baseVersion: 0, body: "SHARED-NOTE-MARKER-1c9" });
  await w.mentee.request("PUT", url("/notes/private"), { sessionId, baseVersion: 0, body: "PRIVATE-NOTE-MARKER-5ab" });
  itemId = (await w.mentee.post(url("/action-items"), { title: "ITEM-MARKER-9e0", owner: "mentee", sessionId })).json().id;
  await w.mentee.patch(url(`/sessions/${sessionId}`), { date: daysFromToday(7), startTime: "18:00" });
  await w.mentor.post(url("/pause"), { note: "pause note" });
  await w.mentor.post(url("/resume"), {});
});
afterAll(() => w.t.close());

const endpoints = (): [string, string, unknown?][] => {
  const s = `/sessions/${sessionId}`;
  return [
    ["GET", "/overview"],
    ["POST", "/pause", {}],
    ["POST", "/resume", {}],
    ["POST", "/end", { category: "other" }],
    ["POST", "/complete"],
    ["POST", "/continuation", { continue: false }],
    ["GET", "/plan"],
    ["PATCH", "/plan", { version: 1, location: "x" }],
    ["POST", "/plan/acknowledge", { version: 1 }],
    ["GET", "/plan/history"],
    ["GET", "/sessions"],
    ["POST", "/sessions", { date: daysFromToday(20), startTime: "10:00", timeZone: "UTC" }],
    ["GET", s],
    ["PATCH", s, { date: daysFromToday(21), startTime: "10:00" }],
    ["POST", `${s}/cancel`, {}],
    ["POST", `${s}/outcome`, { outcome: "held" }],
    ["GET", `${s}/agenda`],
    ["PUT", `${s}/agenda`, { version: 1, sections: { check_in: "x" } }],
    ["POST", `${s}/agenda/share`],
    ["POST", `${s}/agenda/comments`, { body: "x" }],
    ["GET", `/notes/shared?sessionId=${sessionId}`],
    ["PUT", "/notes/shared", { sessionId, baseVersion: 1, body: "x" }],
    ["GET", `/notes/private?sessionId=${sessionId}`],
    ["PUT", "/notes/private", { sessionId, baseVersion: 0, body: "x" }],
    ["GET", "/action-items"],
    ["POST", "/action-items", { title: "x", owner: "mentee" }],
    ["PATCH", `/action-items/${itemId}`, { done: true }],
    ["DELETE", `/action-items/${itemId}`],
  ];
};

describe("outsiders", () => {
  it("get 404 from every workspace endpoint and learn nothing", async () => {
    const adminScript = new Client(w.t.app);
    adminScript.bearer = (await w.admin.post("/api/tokens", { name: "audit script" })).json().token;
    const outsiders: [string, Client][] = [...w.outsiders(), ["the instance admin's API token", adminScript]];
    const before = await fingerprint();
    for (const [who, client] of outsiders) {
      for (const [method, path, body] of endpoints()) {
        const res = await client.request(
          method as "GET",
          `/api/relationships/${pairId}${path}`,
          method === "GET" ? undefined : (body ?? {}),
        );
        expect({ who, method, path, status: res.statusCode }).toEqual({ who, method, path, status: 404 });
        for (const secret of [...SECRETS, "Noor", "Mo Mentor"]) expect(res.body).not.toContain(secret);
      }
    }
    // Nothing changed: every refused write left the pair as it was.
    expect(await fingerprint()).toEqual(before);
  });

  it("see the same 404 as for a pair that does not exist", async () => {
    const missing = await w.coordinator.get("/api/relationships/00000000-0000-4000-8000-000000000000/overview");
    const real = await w.coordinator.get(`/api/relationships/${pairId}/overview`);
    expect(real.json().error).toEqual(missing.json().error);
  });
});

describe("what the pair writes", () => {
  it("never reaches a log line or an email", async () => {
    const logs = w.t.logs.join("\n");
    const mail = await queryRows<{ payload: unknown }>(w.t.ctx.db, sql`select payload from jobs where name = 'mail.send'`);
    expect(mail.length).toBeGreaterThan(0);
    const mailText = JSON.stringify(mail);
    for (const secret of [...SECRETS, "pause note"]) {
      expect(logs).not.toContain(secret);
      expect(mailText).not.toContain(secret);
    }
  });

  it("reaches the coordinator's statistics only as counts and dates", async () => {
    const stats = (await sessionStatsForProgramme(w.t.ctx.db, w.programmeId)).get(pairId);
    expect(stats).toMatchObject({ held: 0, missed: 0, cancelled: 0, planAcknowledged: false });
    expect(stats?.nextSessionAt?.toISOString().slice(0, 10)).toBe(daysFromToday(7));
    expect(JSON.stringify(stats)).not.toMatch(/MARKER/);
  });

  it("keeps private notes from the partner too", async () => {
    // The pair itself reads everything written above (so the checks here can fail).
    expect((await w.mentee.get(`/api/relationships/${pairId}/notes/private?sessionId=${sessionId}`)).body).toContain(
      "PRIVATE-NOTE-MARKER-5ab",
    );
    expect((await w.mentor.get(`/api/relationships/${pairId}/sessions/${sessionId}/agenda`)).body).toMatch(
      /AGENDA-MARKER.*COMMENT-MARKER|COMMENT-MARKER.*AGENDA-MARKER/s,
    );
    expect((await w.mentor.get(`/api/relationships/${pairId}/action-items`)).body).toContain("ITEM-MARKER-9e0");
    const partner = await w.mentor.get(`/api/relationships/${pairId}/notes/private?sessionId=${sessionId}`);
    expect(partner.json()).toMatchObject({ body: "", version: 0 });
    for (const path of ["/overview", `/sessions/${sessionId}/agenda`, `/notes/shared?sessionId=${sessionId}`, "/plan/history"])
      expect((await w.mentor.get(`/api/relationships/${pairId}${path}`)).body).not.toContain("PRIVATE-NOTE-MARKER-5ab");
  });
});

async function fingerprint() {
  return queryRows(
    w.t.ctx.db,
    sql`select
      (select status || ':' || version from relationships where id = ${pairId}) as pair,
      (select version from mentoring_plans where relationship_id = ${pairId}) as plan,
      (select string_agg(id || status || sequence, ',' order by id) from pair_sessions where relationship_id = ${pairId}) as sessions,
      (select version from session_agendas where session_id = ${sessionId}) as agenda,
      (select count(*)::int from agenda_comments where session_id = ${sessionId}) as comments,
      (select string_agg(coalesce(author_id::text, 'shared') || version, ',' order by id) from pair_notes where relationship_id = ${pairId}) as notes,
      (select string_agg(id || coalesce(done_at::text, 'open'), ',') from action_items where relationship_id = ${pairId}) as items,
      (select count(*)::int from jobs where name = 'mail.send') as mail`,
  );
}
