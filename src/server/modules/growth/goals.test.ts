import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/test-app.js";
import { endPair } from "../relationships/end-pair.js";
import { type TwoPairs, twoPairs } from "./growth-test-fixture.js";

let t: TestApp;
let w: TwoPairs;
let goals: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoPairs(t);
  goals = `/api/relationships/${w.noorAndMo.id}/goals`;
});
afterAll(() => t.close());

const draft = {
  title: "Get better at code reviews",
  goal: "Review pull requests in the payments service with confidence.",
  reality: "I approve without comments because I am unsure what to look for.",
  options: "Pair-review with a senior; read the team's review guide.",
  will: "",
};

describe("GROW goals", () => {
  let goalId: string;

  it("are written by the mentee, with SMART hints that name what is missing", async () => {
    const res = await w.noor.post(goals, draft);
    expect(res.statusCode).toBe(201);
    const goal = res.json();
    goalId = goal.id;
    expect(goal).toMatchObject({ status: "not_started", progress: 0, version: 1, targetDate: null, commentCount: 0 });
    expect(goal.smartHints.map((h: { code: string }) => h.code)).toEqual(["vague_wording", "no_measure", "no_date", "no_first_step"]);
  });

  it("are refused to the mentor with a message that says what to do instead", async () => {
    const create = await w.mo.post(goals, { ...draft, title: "Mentor's idea" });
    expect(create.statusCode).toBe(403);
    expect(create.json().error).toEqual({ code: "mentee_owns_goals", message: "The mentee owns their goals; add a comment instead." });
    const edit = await w.mo.patch(`${goals}/${goalId}`, { version: 1, progress: 50 });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe("mentee_owns_goals");
    expect((await w.noor.get(`${goals}/${goalId}`)).json()).toMatchObject({ progress: 0, version: 1 });
  });

  it("change with optimistic concurrency, and the SMART hints follow the text", async () => {
    const res = await w.noor.patch(`${goals}/${goalId}`, {
      version: 1,
      title: "Leave useful comments on five payments pull requests a week",
      measure: "5 reviews with comments a week, for four weeks",
      targetDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
      will: "Book a pairing review with Sam on Thursday",
      status: "in_progress",
      progress: 20,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, progress: 20, status: "in_progress", smartHints: [] });
    const stale = await w.noor.patch(`${goals}/${goalId}`, { version: 1, progress: 90 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
  });

  it("keep a history of who changed which fields, without repeating unchanged ones", async () => {
    await w.noor.patch(`${goals}/${goalId}`, {
      version: 2,
      progress: 35,
      title: "Leave useful comments on five payments pull requests a week",
    });
    const history = (await w.mo.get(`${goals}/${goalId}/history`)).json();
    expect(history.map((h: { fields: string[] }) => h.fields)).toEqual([
      ["progress"],
      ["title", "will", "targetDate", "measure", "status", "progress"],
      ["created"],
    ]);
    expect(history[0]).toMatchObject({ by: { side: "mentee", name: "Noor Mentee" }, progress: 35, status: "in_progress" });
  });

  it("take comments from the mentor (and the mentee), each deletable only by its author", async () => {
    const comment = await w.mo.post(`${goals}/${goalId}/comments`, { body: "Try the checklist from our last session." });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ author: { side: "mentor", name: "Mo Mentor" }, mine: true });
    await w.noor.post(`${goals}/${goalId}/comments`, { body: "Will do." });
    const list = (await w.noor.get(`${goals}/${goalId}/comments`)).json();
    expect(list.map((c: { body: string; mine: boolean }) => [c.body, c.mine])).toEqual([
      ["Try the checklist from our last session.", false],
      ["Will do.", true],
    ]);
    expect((await w.noor.delete(`${goals}/${goalId}/comments/${comment.json().id}`)).statusCode).toBe(404);
    expect((await w.mo.delete(`${goals}/${goalId}/comments/${comment.json().id}`)).statusCode).toBe(204);
    expect((await w.noor.get(`${goals}/${goalId}`)).json().commentCount).toBe(1);
    expect((await w.mo.post(`${goals}/${goalId}/comments`, { body: "  " })).statusCode).toBe(400);
  });

  it("show how many linked action items are open and done, counting only the pair's own", async () => {
    const items = `/api/relationships/${w.noorAndMo.id}/action-items`;
    for (const title of ["Read the review guide", "Pair-review with Sam", "Summarise three reviews"]) {
      expect((await w.noor.post(items, { title, owner: "mentee", goalId })).statusCode).toBe(201);
    }
    const first = (await w.noor.get(`${items}?status=open`)).json().items[0];
    expect((await w.noor.patch(`${items}/${first.id}`, { done: true })).statusCode).toBe(200);
    // Another pair pointing an item at this goal's id changes nothing here.
    await w.ben.post(`/api/relationships/${w.benAndLea.id}/action-items`, { title: "Not theirs", owner: "mentee", goalId });
    expect((await w.mo.get(`${goals}/${goalId}`)).json().actionItems).toEqual({ open: 2, done: 1 });
  });

  it("say when too many are open at once, and list open goals first", async () => {
    for (const title of [
      "Ship the CLI plugin to five teams",
      "Run a brown-bag session on tracing",
      "Write the on-call guide for payments",
    ]) {
      expect((await w.noor.post(goals, { title, measure: "done and 5 people use it" })).statusCode).toBe(201);
    }
    const achieved = (await w.noor.post(goals, { title: "Finish the Go course", status: "achieved", progress: 100 })).json();
    const list = (await w.noor.get(`${goals}?limit=10`)).json();
    expect(list).toMatchObject({ total: 5, openCount: 4 });
    expect(list.items.at(-1).id).toBe(achieved.id);
    expect(list.items[0].smartHints.map((h: { code: string }) => h.code)).toContain("too_many_goals");
    expect(list.items.at(-1).smartHints).toEqual([]);
  });

  it("reject bad input with field messages and write nothing", async () => {
    const before = (await w.noor.get(goals)).json().total;
    const bad = await w.noor.post(goals, { title: "x", progress: 120, targetDate: "next week" });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["title", "progress", "targetDate"]));
    expect((await w.noor.post(goals, { ...draft, extra: 1 })).statusCode).toBe(400);
    expect((await w.noor.get(goals)).json().total).toBe(before);
  });

  it("belong to their pair: a goal id of another pair is not found", async () => {
    const bens = (await w.ben.post(`/api/relationships/${w.benAndLea.id}/goals`, { title: "Learn SQL window functions" })).json();
    expect((await w.noor.get(`${goals}/${bens.id}`)).statusCode).toBe(404);
    expect((await w.noor.patch(`${goals}/${bens.id}`, { version: 1, progress: 10 })).statusCode).toBe(404);
  });

  it("become read-only once the relationship has ended", async () => {
    const ended = await t.ctx.db.transaction((tx) =>
      endPair(tx, { relationshipId: w.benAndLea.id, endedBy: w.benAndLea.menteeUserId, category: "schedule" }),
    );
    expect(ended.status).toBe("ended");
    const res = await w.ben.post(`/api/relationships/${w.benAndLea.id}/goals`, { title: "Another goal" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("relationship_closed");
    expect((await w.ben.get(`/api/relationships/${w.benAndLea.id}/goals`)).json().total).toBe(1);
  });
});
