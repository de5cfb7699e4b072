import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { sessionsNeedingAgenda } from "./stats.js";
import { daysFromToday, type Workspace, workspaceFixture } from "./test-pair.js";

let w: Workspace;
let pairId: string;
let first: { id: string; startsAt: string };
let second: { id: string; startsAt: string };
const url = (path = "") => `/api/relationships/${pairId}${path}`;

beforeAll(async () => {
  w = await workspaceFixture();
  pairId = await w.newPair();
  const series = await w.mentee.post(url("/sessions"), {
    date: daysFromToday(5),
    startTime: "10:00",
    timeZone: "Europe/London",
    repeat: { frequency: "weekly", count: 2 },
  });
  [first, second] = series.json().sessions;
});
afterAll(() => w.t.close());

describe("the agenda", () => {
  it("starts from the template for the mentee; the mentor sees only that it is not shared", async () => {
    const mine = (await w.mentee.get(url(`/sessions/${first.id}/agenda`))).json();
    expect(mine).toMatchObject({ status: "none", version: 0 });
    expect(mine.sections.map((s: { key: string }) => s.key)).toEqual([
      "check_in",
      "went_well",
      "did_not_go_well",
      "next_steps",
      "expected_challenges",
    ]);
    expect(mine.sections.every((s: { heading: string; text: string }) => s.heading && s.text === "")).toBe(true);
    expect((await w.mentor.get(url(`/sessions/${first.id}/agenda`))).json()).toMatchObject({ status: "not_shared", sections: null });
  });

  it("is written by the mentee as a draft the mentor cannot read", async () => {
    const saved = await w.mentee.request("PUT", url(`/sessions/${first.id}/agenda`), {
      version: 0,
      sections: { check_in: "Tired but fine", next_steps: "Plan my first conference talk" },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: "draft", version: 1 });
    const mentorView = await w.mentor.get(url(`/sessions/${first.id}/agenda`));
    expect(mentorView.json()).toMatchObject({ status: "not_shared", sections: null, version: 0 });
    expect(mentorView.body).not.toContain("conference talk");
    expect((await w.mentor.get(url(`/sessions/${first.id}`))).json().agenda).toBe("not_shared");
    expect((await w.mentee.get(url(`/sessions/${first.id}`))).json().agenda).toBe("draft");
  });

  it("cannot be rewritten or shared by the mentor, who is told to comment instead", async () => {
    for (const res of [
      await w.mentor.request("PUT", url(`/sessions/${first.id}/agenda`), { version: 1, sections: { check_in: "Mentor's words" } }),
      await w.mentor.post(url(`/sessions/${first.id}/agenda/share`)),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: "agenda_mentee_only" });
      expect(res.json().error.message).toMatch(/mentee's to write.*comment/);
    }
    expect((await w.mentor.post(url(`/sessions/${first.id}/agenda/comments`), { body: "Looking forward" })).json().error.code).toBe(
      "agenda_not_shared",
    );
  });

  it("is shared when ready; then the mentor reads it and both comment", async () => {
    expect((await w.mentee.post(url(`/sessions/${second.id}/agenda/share`))).json().error.code).toBe("agenda_empty");
    const shared = await w.mentee.post(url(`/sessions/${first.id}/agenda/share`));
    expect(shared.json()).toMatchObject({ status: "shared" });
    const mentorView = (await w.mentor.get(url(`/sessions/${first.id}/agenda`))).json();
    expect(mentorView.status).toBe("shared");
    expect(mentorView.sections.find((s: { key: string }) => s.key === "next_steps").text).toBe("Plan my first conference talk");
    const commented = await w.mentor.post(url(`/sessions/${first.id}/agenda/comments`), { body: "Bring the abstract draft" });
    expect(commented.statusCode).toBe(201);
    await w.mentee.post(url(`/sessions/${first.id}/agenda/comments`), { body: "Will do" });
    const comments = (await w.mentee.get(url(`/sessions/${first.id}/agenda`))).json().comments;
    expect(comments.map((c: { author: { side: string }; body: string }) => [c.author.side, c.body])).toEqual([
      ["mentor", "Bring the abstract draft"],
      ["mentee", "Will do"],
    ]);
    expect((await w.mentor.post(url(`/sessions/${first.id}/agenda/comments`), { body: " " })).statusCode).toBe(400);
  });

  it("refuses a save from a stale version", async () => {
    const res = await w.mentee.request("PUT", url(`/sessions/${first.id}/agenda`), { version: 0, sections: { went_well: "x" } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "version_conflict", details: { currentVersion: 1 } });
    // Version 1 is current (sharing does not bump it); the shared agenda keeps updating.
    expect(
      (
        await w.mentee.request("PUT", url(`/sessions/${first.id}/agenda`), { version: 1, sections: { went_well: "Demo went fine" } })
      ).json(),
    ).toMatchObject({
      status: "shared",
      version: 2,
    });
  });

  it("is what the reminder job looks for when still unshared", async () => {
    const due = await sessionsNeedingAgenda(w.t.ctx.db, new Date(), new Date(Date.now() + 30 * 86_400_000));
    expect(due.map((d) => d.sessionId)).toContain(second.id);
    expect(due.map((d) => d.sessionId)).not.toContain(first.id);
  });
});

describe("action items", () => {
  let itemId: string;
  let goalId: string;

  it("are added by either person, owned by either, optionally for a session and a goal", async () => {
    goalId = (await w.mentee.post(url("/goals"), { title: "Give a talk at a meetup" })).json().id;
    const created = await w.mentor.post(url("/action-items"), {
      title: "Draft the talk abstract",
      owner: "mentee",
      dueOn: daysFromToday(4),
      sessionId: first.id,
      goalId,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ owner: "mentee", createdBy: "mentor", done: false, sessionId: first.id, goalId });
    itemId = created.json().id;
    await w.mentee.post(url("/action-items"), { title: "Share two talk videos", owner: "mentor" });
    expect((await w.mentee.get(url("/action-items?status=open"))).json().total).toBe(2);
    expect((await w.mentee.get(url("/overview"))).json().openActionItems).toBe(2);
    expect((await w.mentor.get(url(`/goals/${goalId}`))).json().actionItems).toEqual({ open: 1, done: 0 });
    const forGoal = (await w.mentee.get(url(`/action-items?goalId=${goalId}`))).json();
    expect(forGoal.items.map((i: { title: string }) => i.title)).toEqual(["Draft the talk abstract"]);
  });

  it("carry into the next agenda while open", async () => {
    const next = (await w.mentee.get(url(`/sessions/${second.id}/agenda`))).json();
    expect(next.carriedActionItems.map((i: { title: string }) => i.title).sort()).toEqual([
      "Draft the talk abstract",
      "Share two talk videos",
    ]);
    const own = (await w.mentee.get(url(`/sessions/${first.id}/agenda`))).json();
    expect(own.sessionActionItems.map((i: { title: string }) => i.title)).toEqual(["Draft the talk abstract"]);
    expect(own.carriedActionItems.map((i: { title: string }) => i.title)).toEqual(["Share two talk videos"]);

    const done = await w.mentee.patch(url(`/action-items/${itemId}`), { done: true });
    expect(done.json()).toMatchObject({ done: true });
    expect(done.json().doneAt).not.toBeNull();
    const after = (await w.mentee.get(url(`/sessions/${second.id}/agenda`))).json();
    expect(after.carriedActionItems.map((i: { title: string }) => i.title)).toEqual(["Share two talk videos"]);
    expect((await w.mentor.get(url(`/goals/${goalId}`))).json().actionItems).toEqual({ open: 0, done: 1 });
  });

  it("are edited, listed by status and removed", async () => {
    expect(
      (await w.mentor.patch(url(`/action-items/${itemId}`), { title: "Draft and send the abstract", dueOn: null })).json(),
    ).toMatchObject({
      title: "Draft and send the abstract",
      dueOn: null,
      done: true,
    });
    expect((await w.mentor.get(url("/action-items?status=done"))).json().items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    expect((await w.mentor.delete(url(`/action-items/${itemId}`))).statusCode).toBe(200);
    expect((await w.mentor.delete(url(`/action-items/${itemId}`))).statusCode).toBe(404);
  });

  it("refuse bad input", async () => {
    const otherPair = await w.newPair({ mentee: "ben@example.org", mentor: "ola@example.org" });
    const foreign = (
      await w.otherMentee.post(`/api/relationships/${otherPair}/sessions`, { date: daysFromToday(9), startTime: "10:00", timeZone: "UTC" })
    ).json().sessions[0];
    const cases: [unknown, number][] = [
      [{ title: "", owner: "mentee" }, 400],
      [{ title: "x", owner: "coordinator" }, 400],
      [{ title: "x", owner: "mentee", dueOn: "next week" }, 400],
      [{ title: "x", owner: "mentee", sessionId: foreign.id }, 404],
      [{ title: "x", owner: "mentee", goalId: "not-a-uuid" }, 400],
      // Another pair's goal is as unknown here as a made-up one.
      [
        {
          title: "x",
          owner: "mentee",
          goalId: (await w.otherMentee.post(`/api/relationships/${otherPair}/goals`, { title: "Theirs" })).json().id,
        },
        404,
      ],
      [{ title: "x", owner: "mentee", goalId: "5b0b7c8e-0000-4000-8000-000000000001" }, 404],
    ];
    for (const [body, status] of cases)
      expect({ body, status: (await w.mentee.post(url("/action-items"), body)).statusCode }).toEqual({ body, status });
  });
});

describe("shared notes", () => {
  it("are edited by both; a save based on an old version is refused with both texts", async () => {
    expect((await w.mentor.get(url(`/notes/shared?sessionId=${first.id}`))).json()).toMatchObject({ body: "", version: 0 });
    const mine = await w.mentee.request("PUT", url("/notes/shared"), {
      sessionId: first.id,
      baseVersion: 0,
      body: "We talked about talks.",
    });
    expect(mine.json()).toMatchObject({ version: 1, updatedBy: { side: "mentee", name: "Noor Mentee" } });

    const stale = await w.mentor.request("PUT", url("/notes/shared"), { sessionId: first.id, baseVersion: 0, body: "Mentor's take." });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "edit_conflict",
      details: { current: { body: "We talked about talks.", version: 1 }, yours: "Mentor's take." },
    });
    const merged = await w.mentor.request("PUT", url("/notes/shared"), {
      sessionId: first.id,
      baseVersion: 1,
      body: "We talked about talks.\nMentor's take.",
    });
    expect(merged.json()).toMatchObject({ version: 2, body: "We talked about talks.\nMentor's take." });
    // The pair's running notes are separate from a session's.
    expect((await w.mentee.get(url("/notes/shared"))).json()).toMatchObject({ sessionId: null, version: 0 });
  });

  it("never lose text when two people save at the same moment", async () => {
    const base = (await w.mentee.get(url("/notes/shared"))).json().version;
    const [a, b] = await Promise.all([
      w.mentee.request("PUT", url("/notes/shared"), { sessionId: null, baseVersion: base, body: "Noor's line" }),
      w.mentor.request("PUT", url("/notes/shared"), { sessionId: null, baseVersion: base, body: "Mo's line" }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().error.details.current.body).toBe(won.json().body);
    expect(lost.json().error.details.yours).toBe(a === lost ? "Noor's line" : "Mo's line");
    expect((await w.mentee.get(url("/notes/shared"))).json()).toMatchObject({ version: base + 1, body: won.json().body });
  });

  it("refuse a session of another pair", async () => {
    const [{ id }] = await queryRows<{ id: string }>(
      w.t.ctx.db,
      sql`select id from pair_sessions where relationship_id <> ${pairId} limit 1`,
    );
    expect((await w.mentee.get(url(`/notes/shared?sessionId=${id}`))).statusCode).toBe(404);
    expect((await w.mentee.request("PUT", url("/notes/shared"), { sessionId: id, baseVersion: 0, body: "x" })).statusCode).toBe(404);
  });
});

describe("private notes", () => {
  it("are their author's alone", async () => {
    await w.mentee.request("PUT", url("/notes/private"), { sessionId: first.id, baseVersion: 0, body: "I felt nervous asking." });
    await w.mentor.request("PUT", url("/notes/private"), { sessionId: first.id, baseVersion: 0, body: "Suggest a meetup talk first." });
    const noor = await w.mentee.get(url(`/notes/private?sessionId=${first.id}`));
    const mo = await w.mentor.get(url(`/notes/private?sessionId=${first.id}`));
    expect(noor.json()).toMatchObject({ body: "I felt nervous asking.", version: 1 });
    expect(mo.json()).toMatchObject({ body: "Suggest a meetup talk first.", version: 1 });
    expect(noor.body).not.toContain("meetup");
    expect(mo.body).not.toContain("nervous");
    expect(
      (await w.mentee.request("PUT", url("/notes/private"), { sessionId: first.id, baseVersion: 0, body: "again" })).json().error.code,
    ).toBe("edit_conflict");
    for (const [, outsider] of w.outsiders()) {
      const res = await outsider.get(url(`/notes/private?sessionId=${first.id}`));
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/nervous|meetup/);
    }
  });
});
