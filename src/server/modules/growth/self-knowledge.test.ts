import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/test-app.js";
import { type TwoPairs, twoPairs } from "./growth-test-fixture.js";

let t: TestApp;
let w: TwoPairs;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoPairs(t);
  base = `/api/relationships/${w.noorAndMo.id}`;
});
afterAll(() => t.close());

describe("the mentee's SWOT", () => {
  const lists = {
    strengths: ["Patient debugger"],
    weaknesses: ["Avoid speaking in big meetings"],
    opportunities: ["Guild talks every month"],
    threats: ["Reorg in the autumn"],
  };

  it("starts empty, and does not exist for the mentor until the mentee shares it", async () => {
    expect((await w.noor.get(`${base}/swot`)).json()).toMatchObject({ strengths: [], version: 0, shared: false, editable: true });
    expect((await w.mo.get(`${base}/swot`)).statusCode).toBe(404);
    const saved = await w.noor.request("PUT", `${base}/swot`, { version: 0, ...lists });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...lists, version: 1, shared: false });
    const hidden = await w.mo.get(`${base}/swot`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain("Patient debugger");
  });

  it("is saved with optimistic concurrency and checked line by line", async () => {
    const stale = await w.noor.request("PUT", `${base}/swot`, { version: 0, ...lists });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "version_conflict", details: { currentVersion: 1 } });
    const bad = await w.noor.request("PUT", `${base}/swot`, { version: 1, ...lists, threats: [""] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toEqual(["threats", "0"]);
  });

  it("once shared, the mentor reads it but cannot change or unshare it", async () => {
    const shared = await w.noor.request("PUT", `${base}/swot/sharing`, { shared: true });
    expect(shared.json()).toMatchObject({ shared: true });
    expect((await w.mo.get(`${base}/swot`)).json()).toMatchObject({ strengths: ["Patient debugger"], editable: false });
    const edit = await w.mo.request("PUT", `${base}/swot`, { version: 1, ...lists, strengths: [] });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe("mentee_owns_swot");
    expect((await w.mo.request("PUT", `${base}/swot/sharing`, { shared: false })).statusCode).toBe(403);
    await w.noor.request("PUT", `${base}/swot/sharing`, { shared: false });
    expect((await w.mo.get(`${base}/swot`)).statusCode).toBe(404);
  });
});

describe("reflections", () => {
  let privateId: string;

  it("offer this programme week's prompt", async () => {
    const prompt = (await w.noor.get(`${base}/reflections/prompt`)).json();
    expect(prompt).toMatchObject({ week: 4, phase: "Working on goals", reflectedThisWeek: false });
    expect(prompt.prompt).toMatch(/\?$/);
  });

  it("are private by default: the partner does not see them, even by id", async () => {
    const prompt = (await w.noor.get(`${base}/reflections/prompt`)).json().prompt;
    const mine = await w.noor.post(`${base}/reflections`, { body: "I froze when asked about the deadline.", prompt });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ week: 4, shared: false, mine: true, author: { side: "mentee", name: "Noor Mentee" }, prompt });
    privateId = mine.json().id;
    expect((await w.noor.get(`${base}/reflections/prompt`)).json().reflectedThisWeek).toBe(true);
    const partner = await w.mo.get(`${base}/reflections`);
    expect(partner.json()).toMatchObject({ items: [], total: 0 });
    expect(partner.body).not.toContain("froze");
    expect((await w.mo.patch(`${base}/reflections/${privateId}`, { version: 1, body: "x" })).statusCode).toBe(404);
    expect((await w.mo.request("PUT", `${base}/reflections/${privateId}/sharing`, { shared: true })).statusCode).toBe(404);
    expect((await w.mo.delete(`${base}/reflections/${privateId}`)).statusCode).toBe(404);
  });

  it("can be shared with the partner by their author, and taken back", async () => {
    await w.mo.post(`${base}/reflections`, { body: "I talked too much in our second session." });
    const shared = await w.noor.request("PUT", `${base}/reflections/${privateId}/sharing`, { shared: true });
    expect(shared.json()).toMatchObject({ shared: true });
    const seen = (await w.mo.get(`${base}/reflections`)).json();
    expect(seen.items.map((r: { body: string; mine: boolean }) => [r.body, r.mine])).toEqual([
      ["I talked too much in our second session.", true],
      ["I froze when asked about the deadline.", false],
    ]);
    expect((await w.mo.get(`${base}/reflections?whose=partner`)).json().total).toBe(1);
    // Mo's own reflection is still private: Noor sees only her own.
    expect((await w.noor.get(`${base}/reflections`)).json().total).toBe(1);
    await w.noor.request("PUT", `${base}/reflections/${privateId}/sharing`, { shared: false });
    expect((await w.mo.get(`${base}/reflections?whose=partner`)).json().total).toBe(0);
  });

  it("are edited with a version check and deleted by their author", async () => {
    const edited = await w.noor.patch(`${base}/reflections/${privateId}`, { version: 1, body: "I froze, then recovered." });
    expect(edited.json()).toMatchObject({ version: 2, body: "I froze, then recovered." });
    expect((await w.noor.patch(`${base}/reflections/${privateId}`, { version: 1, body: "old" })).statusCode).toBe(409);
    expect((await w.noor.post(`${base}/reflections`, { body: "" })).statusCode).toBe(400);
    expect((await w.noor.delete(`${base}/reflections/${privateId}`)).statusCode).toBe(204);
    expect((await w.noor.get(`${base}/reflections`)).json().total).toBe(0);
  });
});

describe("the final debrief", () => {
  let goalId: string;

  it("offers prompts and the pair's goals, and keeps each side's answers private until shared", async () => {
    goalId = (await w.noor.post(`${base}/goals`, { title: "Run the incident review on my own" })).json().id;
    const empty = (await w.noor.get(`${base}/debrief`)).json();
    expect(empty.goals.map((g: { id: string }) => g.id)).toEqual([goalId]);
    expect(empty.prompts.roadmap).toBeTruthy();
    expect(empty).toMatchObject({ mine: { version: 0, shared: false }, partner: null });

    const saved = await w.noor.request("PUT", `${base}/debrief`, {
      version: 0,
      goalNotes: [{ goalId, text: "Ran two reviews alone." }],
      relationship: "Mo let me find answers myself.",
      roadmap: "Lead the Q3 incident drills.",
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, shared: false });
    const mo = await w.mo.get(`${base}/debrief`);
    expect(mo.json().partner).toBeNull();
    expect(mo.body).not.toContain("incident drills");

    await w.noor.request("PUT", `${base}/debrief/sharing`, { shared: true });
    expect((await w.mo.get(`${base}/debrief`)).json().partner).toMatchObject({
      author: { side: "mentee", name: "Noor Mentee" },
      roadmap: "Lead the Q3 incident drills.",
      goalNotes: [{ goalId, text: "Ran two reviews alone." }],
    });
  });

  it("refuses notes on another pair's goal, stale saves and sharing before saving", async () => {
    const bens = (await w.ben.post(`/api/relationships/${w.benAndLea.id}/goals`, { title: "Learn SQL window functions" })).json();
    const wrong = await w.noor.request("PUT", `${base}/debrief`, { version: 1, goalNotes: [{ goalId: bens.id, text: "x" }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toEqual(["goalNotes", "0", "goalId"]);
    const twice = await w.noor.request("PUT", `${base}/debrief`, {
      version: 1,
      goalNotes: [
        { goalId, text: "first" },
        { goalId, text: "second" },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.issues[0].path).toEqual(["goalNotes", "1", "goalId"]);
    expect((await w.noor.get(`${base}/debrief`)).json().mine).toMatchObject({
      version: 1,
      goalNotes: [{ goalId, text: "Ran two reviews alone." }],
    });
    expect((await w.noor.request("PUT", `${base}/debrief`, { version: 0, relationship: "again" })).statusCode).toBe(409);
    expect((await w.mo.request("PUT", `${base}/debrief/sharing`, { shared: true })).json().error.code).toBe("nothing_to_share");
  });
});

describe("introductions and opportunities", () => {
  let id: string;

  it("are logged by the mentor; the mentee records how they went", async () => {
    const opened = await w.mo.post(`${base}/introductions`, {
      kind: "introduction",
      what: "Intro to the platform team lead",
      whoOrWhere: "Priya, Platform",
      occurredOn: "2026-02-10",
    });
    expect(opened.statusCode).toBe(201);
    id = opened.json().id;
    expect(
      (await w.noor.post(`${base}/introductions`, { kind: "opportunity", what: "Conference CFP", occurredOn: "2026-02-11" })).json().error
        .code,
    ).toBe("mentor_opens_introductions");
    const outcome = await w.noor.patch(`${base}/introductions/${id}`, {
      version: 1,
      status: "done",
      outcome: "Coffee chat; shadowing in March.",
    });
    expect(outcome.json()).toMatchObject({ status: "done", version: 2 });
    expect((await w.mo.patch(`${base}/introductions/${id}`, { version: 2, outcome: "mine" })).json().error.code).toBe(
      "mentee_records_outcome",
    );
    expect((await w.noor.patch(`${base}/introductions/${id}`, { version: 2, what: "changed" })).json().error.code).toBe(
      "mentor_describes_introduction",
    );
    expect((await w.mo.patch(`${base}/introductions/${id}`, { version: 1, what: "Stale edit" })).statusCode).toBe(409);
    const list = (await w.noor.get(`${base}/introductions`)).json();
    expect(list).toMatchObject({
      total: 1,
      items: [{ what: "Intro to the platform team lead", outcome: "Coffee chat; shadowing in March." }],
    });
  });

  it("can be removed by the mentor only", async () => {
    expect((await w.noor.delete(`${base}/introductions/${id}`)).statusCode).toBe(403);
    expect((await w.mo.delete(`${base}/introductions/${id}`)).statusCode).toBe(204);
    expect((await w.mo.delete(`${base}/introductions/${id}`)).statusCode).toBe(404);
  });
});
