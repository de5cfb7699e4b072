import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, type TestApp } from "../../test-support/test-app.js";
import { session, shareAgenda, type TwoPairs, twoPairs } from "./growth-test-fixture.js";

// Everything the pair writes carries one of these words, so a leak anywhere is a search away.
const SECRET = {
  goal: "Quokka-goal: leave my team by summer",
  reality: "Quokka-reality: my manager undermines me",
  comment: "Quokka-comment from the mentor",
  swot: "Quokka-swot weakness: panic in demos",
  privateReflection: "Quokka-private: I doubt I belong here",
  sharedReflection: "Quokka-shared: the demo went fine",
  mentorReflection: "Quokka-mentor-private: I gave too much advice",
  debrief: "Quokka-debrief roadmap: apply for staff role",
  introduction: "Quokka-intro to the CTO",
  outcome: "Quokka-outcome: offered a transfer",
  agenda: "Quokka-agenda: talk about leaving",
};
const ALL = Object.values(SECRET);
const leaks = (text: string) => ALL.filter((s) => text.includes(s));

let t: TestApp;
let w: TwoPairs;
let base: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await twoPairs(t);
  base = `/api/relationships/${w.noorAndMo.id}`;
  const goal = (await w.noor.post(`${base}/goals`, { title: SECRET.goal, reality: SECRET.reality })).json();
  ids.goal = goal.id;
  ids.comment = (await w.mo.post(`${base}/goals/${goal.id}/comments`, { body: SECRET.comment })).json().id;
  await w.noor.request("PUT", `${base}/swot`, { version: 0, strengths: [], weaknesses: [SECRET.swot], opportunities: [], threats: [] });
  ids.private = (await w.noor.post(`${base}/reflections`, { body: SECRET.privateReflection })).json().id;
  ids.shared = (await w.noor.post(`${base}/reflections`, { body: SECRET.sharedReflection, shared: true })).json().id;
  ids.mentorPrivate = (await w.mo.post(`${base}/reflections`, { body: SECRET.mentorReflection })).json().id;
  await w.noor.request("PUT", `${base}/debrief`, { version: 0, roadmap: SECRET.debrief });
  ids.intro = (
    await w.mo.post(`${base}/introductions`, { kind: "introduction", what: SECRET.introduction, occurredOn: "2026-02-01" })
  ).json().id;
  await w.noor.patch(`${base}/introductions/${ids.intro}`, { version: 1, outcome: SECRET.outcome });
  await session(w.noor, w.noorAndMo.id, -20);
  ids.nextSession = await session(w.noor, w.noorAndMo.id, 2);
  await shareAgenda(w.noor, w.noorAndMo.id, ids.nextSession, SECRET.agenda);
});
afterAll(() => t.close());

const contentReads = () => [
  `${base}/goals`,
  `${base}/goals/${ids.goal}`,
  `${base}/goals/${ids.goal}/history`,
  `${base}/goals/${ids.goal}/comments`,
  `${base}/swot`,
  `${base}/reflections`,
  `${base}/reflections?whose=partner`,
  `${base}/reflections/prompt`,
  `${base}/debrief`,
  `${base}/introductions`,
];

const contentWrites = (): [string, string, unknown][] => [
  ["POST", `${base}/goals`, { title: "Planted goal" }],
  ["PATCH", `${base}/goals/${ids.goal}`, { version: 1, progress: 99 }],
  ["POST", `${base}/goals/${ids.goal}/comments`, { body: "Planted comment" }],
  ["DELETE", `${base}/goals/${ids.goal}/comments/${ids.comment}`, undefined],
  ["PUT", `${base}/swot`, { version: 1, strengths: ["x"], weaknesses: [], opportunities: [], threats: [] }],
  ["PUT", `${base}/swot/sharing`, { shared: true }],
  ["POST", `${base}/reflections`, { body: "Planted reflection" }],
  ["PATCH", `${base}/reflections/${ids.shared}`, { version: 1, body: "rewritten" }],
  ["PUT", `${base}/reflections/${ids.private}/sharing`, { shared: true }],
  ["DELETE", `${base}/reflections/${ids.shared}`, undefined],
  ["PUT", `${base}/debrief`, { version: 0, roadmap: "planted" }],
  ["PUT", `${base}/debrief/sharing`, { shared: true }],
  ["POST", `${base}/introductions`, { kind: "opportunity", what: "Planted opportunity", occurredOn: "2026-02-02" }],
  ["PATCH", `${base}/introductions/${ids.intro}`, { version: 2, status: "done" }],
  ["DELETE", `${base}/introductions/${ids.intro}`, undefined],
];

describe("outside the pair", () => {
  const outsiders = (): [string, Client][] => [
    ["another mentee in the programme", w.ben],
    ["another mentor in the programme", w.lea],
    ["the programme's coordinator", w.coordinator],
    ["the instance admin (who also coordinates the programme)", w.admin],
  ];

  it("nobody reads anything: every content endpoint answers 404 and names nothing", async () => {
    for (const [who, client] of outsiders()) {
      for (const url of contentReads()) {
        const res = await client.get(url);
        expect(res.statusCode, `${who} GET ${url}`).toBe(404);
        expect(leaks(res.body), `${who} GET ${url}`).toEqual([]);
      }
    }
  });

  it("nobody writes anything: every change answers 404 and the pair's content is untouched", async () => {
    for (const [who, client] of outsiders()) {
      for (const [method, url, body] of contentWrites()) {
        const res = await client.request(method as "POST", url, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(404);
      }
    }
    expect((await w.noor.get(`${base}/goals/${ids.goal}`)).json()).toMatchObject({ version: 1, progress: 0, commentCount: 1 });
    expect((await w.noor.get(`${base}/goals`)).json().total).toBe(1);
    expect((await w.noor.get(`${base}/swot`)).json()).toMatchObject({ version: 1, shared: false });
    expect((await w.mo.get(`${base}/introductions`)).json().total).toBe(1);
  });

  it("an admin's API token gets the same 404 as their browser", async () => {
    const token = (await w.admin.post("/api/tokens", { name: "audit script" })).json().token;
    const script = new (w.admin.constructor as new (app: unknown) => Client)(t.app);
    script.bearer = token;
    for (const url of contentReads()) {
      const res = await script.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(leaks(res.body)).toEqual([]);
    }
  });
});

describe("inside the pair", () => {
  it("the partner sees shared things only: no private reflection, unshared SWOT or unshared debrief", async () => {
    const seen = (await Promise.all(contentReads().map((url) => w.mo.get(url)))).map((r) => r.body).join("\n");
    expect(leaks(seen).sort()).toEqual(
      [
        SECRET.goal,
        SECRET.reality,
        SECRET.comment,
        SECRET.sharedReflection,
        SECRET.introduction,
        SECRET.outcome,
        SECRET.mentorReflection,
      ].sort(),
    );
    const mentee = (await Promise.all(contentReads().map((url) => w.noor.get(url)))).map((r) => r.body).join("\n");
    expect(mentee).not.toContain(SECRET.mentorReflection);
  });
});

describe("the coordinator's pairs-health view", () => {
  it("shows counts, dates and flags for every pair, and none of the pair's words", async () => {
    await session(w.ben, w.benAndLea.id, -3);
    const bensNext = await session(w.ben, w.benAndLea.id, 5);
    await shareAgenda(w.ben, w.benAndLea.id, bensNext);
    await w.ben.patch(`/api/relationships/${w.benAndLea.id}/plan`, { version: 0, location: "Video call" });
    for (const c of [w.ben, w.lea]) await c.post(`/api/relationships/${w.benAndLea.id}/plan/acknowledge`, { version: 1 });
    await w.ben.post(`/api/relationships/${w.benAndLea.id}/goals`, { title: "Learn window functions", progress: 40 });
    await w.ben.post(`/api/relationships/${w.benAndLea.id}/goals`, { title: "Write a migration guide", progress: 80 });
    await w.ben.post(`/api/relationships/${w.benAndLea.id}/goals`, { title: "Dropped idea", status: "dropped", progress: 5 });
    // Noor's next session now has no shared agenda: a new session earlier than the one she prepared.
    await session(w.noor, w.noorAndMo.id, 1);

    const res = await w.coordinator.get(`/api/programmes/${w.programme.id}/pairs-health`);
    expect(res.statusCode).toBe(200);
    expect(leaks(res.body)).toEqual([]);
    expect(res.body).not.toMatch(/Quokka|window functions|migration guide|Video call|How I am doing/);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, limit: 25, offset: 0 });
    const [first, second] = page.items;
    expect(first).toMatchObject({
      mentee: { name: "Noor Mentee" },
      mentor: { name: "Mo Mentor" },
      status: "active",
      sessionsHeld: 1,
      sessionsMissed: 0,
      // 10:00 London, 20 calendar days ago: 19 or 20 whole days depending on the hour the test runs.
      daysSinceLastSession: expect.toSatisfy((d: number) => d === 19 || d === 20),
      goals: { count: 1, averageProgress: 0 },
      planAcknowledged: false,
      flags: ["no_session_14_days", "no_agenda_next_session"],
    });
    expect(second).toMatchObject({
      mentee: { name: "Ben Mentee" },
      sessionsHeld: 1,
      daysSinceLastSession: expect.toSatisfy((d: number) => d === 2 || d === 3),
      goals: { count: 2, averageProgress: 60 },
      planAcknowledged: true,
      flags: [],
    });
    expect(new Date(second.nextSessionAt).getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);
    expect(Object.keys(first).sort()).toEqual(
      [
        "daysSinceLastSession",
        "flags",
        "goals",
        "lastSessionAt",
        "mentee",
        "mentor",
        "nextSessionAt",
        "planAcknowledged",
        "relationshipId",
        "risk",
        "sessionsHeld",
        "sessionsMissed",
        "startedAt",
        "status",
      ].sort(),
    );
  });

  it("sorts and pages", async () => {
    const byName = (await w.coordinator.get(`/api/programmes/${w.programme.id}/pairs-health?sort=mentee&limit=1`)).json();
    expect(byName).toMatchObject({ total: 2, items: [{ mentee: { name: "Ben Mentee" } }] });
    const next = (await w.coordinator.get(`/api/programmes/${w.programme.id}/pairs-health?sort=mentee&limit=1&offset=1`)).json();
    expect(next.items[0].mentee.name).toBe("Noor Mentee");
    expect((await w.coordinator.get(`/api/programmes/${w.programme.id}/pairs-health?sort=nonsense`)).statusCode).toBe(400);
  });

  it("is for coordinators only: participants get 403 or 404", async () => {
    expect((await w.noor.get(`/api/programmes/${w.programme.id}/pairs-health`)).statusCode).toBe(403);
    expect((await w.mo.get(`/api/programmes/${w.programme.id}/pairs-health`)).statusCode).toBe(403);
    expect((await w.admin.get(`/api/programmes/${w.programme.id}/pairs-health`)).statusCode).toBe(200);
  });
});

describe("logs", () => {
  it("never carry what the pair wrote", () => {
    expect(leaks(t.logs.join("\n"))).toEqual([]);
  });
});
