import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { createPair } from "../relationships/create-pair.js";
import { daysFromToday, parseIcs, takeMail, type Workspace, workspaceFixture } from "./test-pair.js";

let w: Workspace;
const at = (pairId: string, path = "") => `/api/relationships/${pairId}${path}`;

/** Moves the programme's twelve-week term so that today falls `daysIn` days after its start. */
async function termStartedDaysAgo(daysIn: number) {
  const programme = (await w.admin.get(`/api/programmes/${w.programmeId}`)).json();
  const res = await w.admin.patch(`/api/programmes/${w.programmeId}`, {
    version: programme.version,
    termStart: daysFromToday(-daysIn),
    termEnd: daysFromToday(-daysIn + 83),
  });
  expect(res.statusCode).toBe(200);
}

beforeAll(async () => {
  w = await workspaceFixture();
});
afterAll(() => w.t.close());

describe("the overview", () => {
  let pairId: string;
  beforeAll(async () => {
    pairId = await w.newPair();
  });

  it("says when the term starts and gives each person their own time zone", async () => {
    const mine = (await w.mentee.get(at(pairId, "/overview"))).json();
    expect(mine.term).toMatchObject({ state: "not_started", week: null, phase: null, focus: null });
    expect(mine.term.startsInDays).toBeGreaterThan(0);
    expect(mine).toMatchObject({ resource: null, nextSession: null, openActionItems: 0, timeZone: "Europe/London" });
    expect(mine.relationship).toMatchObject({ side: "mentee", partner: { name: "Mo Mentor" }, status: "active", writable: true });
    expect((await w.mentor.get(at(pairId, "/overview"))).json().timeZone).toBe("Europe/Lisbon");
  });

  it("shows the programme week, its phase with a suggested focus, and that week's resource for each side", async () => {
    await termStartedDaysAgo(15);
    const mine = (await w.mentee.get(at(pairId, "/overview"))).json();
    expect(mine.term).toMatchObject({ state: "running", week: 3, weeks: 12, phase: { name: "Working on goals" } });
    expect(mine.term.focus).toMatch(/goals/);
    const theirs = (await w.mentor.get(at(pairId, "/overview"))).json();
    expect(mine.resource.week).toBe(3);
    expect(theirs.resource.week).toBe(3);
    expect(mine.resource.title).not.toBe(theirs.resource.title);
    expect(mine.continuation).toMatchObject({ open: false, mine: null, partnerAnswered: false });
  });

  it("shows the next session", async () => {
    const s = (
      await w.mentor.post(at(pairId, "/sessions"), { date: daysFromToday(3), startTime: "16:00", timeZone: "Europe/Lisbon" })
    ).json();
    expect((await w.mentee.get(at(pairId, "/overview"))).json().nextSession.id).toBe(s.sessions[0].id);
    await takeMail(w.t);
  });
});

describe("pausing", () => {
  let pairId: string;
  beforeAll(async () => {
    pairId = (await w.mentee.get("/api/relationships")).json()[0].id;
  });

  it("is open to either person; the other is emailed, the note stays in the workspace", async () => {
    const paused = await w.mentor.post(at(pairId, "/pause"), { note: "Release crunch until the 20th" });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: "paused", writable: true });
    const mail = await takeMail(w.t);
    expect(mail.map((m) => m.to)).toEqual(["noor@example.org"]);
    expect(mail[0].text).not.toContain("Release crunch");
    const events = (await w.mentee.get(at(pairId, "/overview"))).json().events;
    expect(events[0]).toMatchObject({ kind: "paused", by: "mentor", note: "Release crunch until the 20th" });
  });

  it("refuses pausing twice and new sessions while paused, but keeps the workspace writable", async () => {
    expect((await w.mentee.post(at(pairId, "/pause"), {})).json().error.code).toBe("invalid_transition");
    expect(
      (await w.mentee.post(at(pairId, "/sessions"), { date: daysFromToday(9), startTime: "10:00", timeZone: "UTC" })).json().error.code,
    ).toBe("relationship_paused");
    expect((await w.mentee.post(at(pairId, "/action-items"), { title: "Read a chapter", owner: "mentee" })).statusCode).toBe(201);
  });

  it("ends with resume by either person", async () => {
    const resumed = await w.mentee.post(at(pairId, "/resume"), {});
    expect(resumed.json().status).toBe("active");
    expect((await takeMail(w.t)).map((m) => m.to)).toEqual(["mo@example.org"]);
    expect((await w.mentee.post(at(pairId, "/resume"), {})).json().error.code).toBe("invalid_transition");
  });

  it("and completing wait for the end of the term", async () => {
    expect((await w.mentee.post(at(pairId, "/continuation"), { continue: true })).json().error.code).toBe("term_not_ending");
    expect((await w.mentee.post(at(pairId, "/complete"))).json().error.code).toBe("term_not_ending");
  });
});

describe("ending early", () => {
  let pairId: string;
  let upcoming: string[];

  beforeAll(async () => {
    pairId = await w.newPair({ mentee: "ben@example.org", mentor: "ola@example.org" });
    const made = await w.otherMentee.post(at(pairId, "/sessions"), {
      date: daysFromToday(4),
      startTime: "09:00",
      timeZone: "America/New_York",
      repeat: { frequency: "weekly", count: 2 },
    });
    upcoming = made.json().sessions.map((s: { id: string }) => s.id);
    await takeMail(w.t);
  });

  it("cancels upcoming sessions, tells the partner, and tells coordinators only the category", async () => {
    const ended = await w.otherMentee.post(at(pairId, "/end"), { category: "schedule", note: "Our hours never overlap, sadly" });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: "ended", writable: false });

    const mail = await takeMail(w.t);
    const coordinatorMail = mail.filter((m) => ["ada@example.org", "cora@example.org"].includes(m.to));
    expect(coordinatorMail.map((m) => m.to).sort()).toEqual(["ada@example.org", "cora@example.org"]);
    for (const m of coordinatorMail) {
      expect(m.text).toContain("Could not find time to meet");
      expect(m.text).not.toContain("never overlap");
      expect(m.icalEvent).toBeUndefined();
    }
    const cancels = mail.filter((m) => m.icalEvent?.method === "CANCEL");
    expect(cancels.map((m) => m.to).sort()).toEqual(["ben@example.org", "ola@example.org"]);
    expect(
      parseIcs(cancels[0].icalEvent?.content ?? "")
        .events.map((e) => e.uid.split("@")[0])
        .sort(),
    ).toEqual([...upcoming].sort());
    const told = mail.find((m) => m.to === "ola@example.org" && !m.icalEvent);
    expect(told?.subject).toContain("Ben Mentee ended");
    expect(mail.every((m) => !JSON.stringify(m).includes("never overlap"))).toBe(true);

    const overview = (await w.otherMentor.get(at(pairId, "/overview"))).json();
    expect(overview).toMatchObject({ endNote: "Our hours never overlap, sadly", endCategory: "schedule", nextSession: null });
    expect(
      (await w.otherMentor.get(at(pairId, "/sessions?when=all"))).json().items.every((s: { status: string }) => s.status === "cancelled"),
    ).toBe(true);
  });

  it("leaves the workspace readable and every change refused with relationship_closed", async () => {
    const writes: [string, string, unknown][] = [
      ["POST", "/pause", {}],
      ["POST", "/resume", {}],
      ["POST", "/end", { category: "other" }],
      ["POST", "/complete", undefined],
      ["PATCH", "/plan", { version: 0, location: "x" }],
      ["POST", "/plan/acknowledge", { version: 1 }],
      ["POST", "/sessions", { date: daysFromToday(9), startTime: "10:00", timeZone: "UTC" }],
      ["PATCH", `/sessions/${upcoming[0]}`, { date: daysFromToday(9), startTime: "10:00" }],
      ["POST", `/sessions/${upcoming[0]}/cancel`, {}],
      ["POST", `/sessions/${upcoming[0]}/outcome`, { outcome: "held" }],
      ["PUT", `/sessions/${upcoming[0]}/agenda`, { version: 0, sections: { check_in: "x" } }],
      ["POST", `/sessions/${upcoming[0]}/agenda/comments`, { body: "x" }],
      ["PUT", "/notes/shared", { baseVersion: 0, body: "x" }],
      ["PUT", "/notes/private", { baseVersion: 0, body: "x" }],
      ["POST", "/action-items", { title: "x", owner: "mentee" }],
    ];
    for (const [method, path, body] of writes) {
      const res = await w.otherMentee.request(method as "POST", at(pairId, path), body ?? {});
      expect({ path, status: res.statusCode, code: res.json().error?.code }).toEqual({ path, status: 409, code: "relationship_closed" });
    }
    for (const path of ["/overview", "/plan", "/plan/history", "/sessions", "/action-items", "/notes/shared", "/notes/private"])
      expect((await w.otherMentee.get(at(pairId, path))).statusCode).toBe(200);
    expect(await takeMail(w.t)).toEqual([]);
  });
});

describe("the end of the term", () => {
  let pairId: string;
  beforeAll(async () => {
    pairId = (await w.mentee.get("/api/relationships")).json()[0].id;
    await termStartedDaysAgo(75); // the last two weeks: 84-day term, day 76
  });

  it("asks both whether to continue; both yes keeps the workspace open outside the programme", async () => {
    const noor = await w.mentee.post(at(pairId, "/continuation"), { continue: true });
    expect(noor.json()).toMatchObject({ status: "active" });
    expect((await w.mentor.get(at(pairId, "/overview"))).json().continuation).toMatchObject({
      open: true,
      mine: null,
      partnerAnswered: true,
    });
    const mo = await w.mentor.post(at(pairId, "/continuation"), { continue: true });
    expect(mo.json()).toMatchObject({ status: "completed", continuing: true, writable: true });
    expect(
      (await w.mentor.post(at(pairId, "/sessions"), { date: daysFromToday(20), startTime: "12:00", timeZone: "UTC" })).statusCode,
    ).toBe(201);
    expect((await w.mentor.post(at(pairId, "/pause"), {})).json().error.code).toBe("invalid_transition");
    expect((await w.mentor.post(at(pairId, "/continuation"), { continue: false })).json().error.code).toBe("invalid_transition");
    await takeMail(w.t);
  });

  it("keeps a continuing pair's meetings after the term out of the coordinator's view", async () => {
    // Logged now, but held yesterday: still part of the term.
    const held = { date: daysFromToday(-1), startTime: "12:00", timeZone: "UTC", held: true };
    expect((await w.mentee.post(at(pairId, "/sessions"), held)).statusCode).toBe(201);
    await takeMail(w.t);
    // A goal set and pursued after the term is theirs too: neither counted nor its progress shown.
    const goal = await w.mentee.post(at(pairId, "/goals"), { title: "Speak at a meetup next spring", progress: 40 });
    expect(goal.statusCode).toBe(201);
    const health = (await w.coordinator.get(`/api/programmes/${w.programmeId}/pairs-health?status=all`)).json();
    const pair = health.items.find((p: { relationshipId: string }) => p.relationshipId === pairId);
    expect(pair).toMatchObject({ status: "completed", sessionsHeld: 1, nextSessionAt: null, goals: { count: 0, averageProgress: null } });
    expect(pair.lastSessionAt.slice(0, 10)).toBe(daysFromToday(-1));
    // The pair still sees its upcoming sessions.
    expect((await w.mentor.get(at(pairId, "/overview"))).json().nextSession).not.toBeNull();
  });

  it("lets a continuing pair stop, without involving the coordinator", async () => {
    const closed = await w.mentee.post(at(pairId, "/end"), { category: "goals_met" });
    expect(closed.json()).toMatchObject({ status: "completed", continuing: false, writable: false });
    const mail = await takeMail(w.t);
    expect(
      mail.map((m) => m.to).filter((to) => to.endsWith("@example.org") && ["ada@example.org", "cora@example.org"].includes(to)),
    ).toEqual([]);
    expect(mail.some((m) => m.icalEvent?.method === "CANCEL")).toBe(true);
    expect((await w.mentee.post(at(pairId, "/action-items"), { title: "x", owner: "mentee" })).json().error.code).toBe(
      "relationship_closed",
    );
  });

  it("closes the workspace for both when either says no", async () => {
    const again = await w.newPair();
    await w.mentee.post(at(again, "/sessions"), { date: daysFromToday(2), startTime: "12:00", timeZone: "UTC" });
    await takeMail(w.t);
    const no = await w.mentor.post(at(again, "/continuation"), { continue: false });
    expect(no.json()).toMatchObject({ status: "completed", continuing: false, writable: false });
    expect((await takeMail(w.t)).some((m) => m.icalEvent?.method === "CANCEL")).toBe(true);
    expect((await w.mentee.post(at(again, "/continuation"), { continue: true })).json().error.code).toBe("relationship_closed");
  });

  it("can be completed without waiting for the question", async () => {
    const pair = await w.newPair({ mentee: "ben@example.org" });
    const done = await w.otherMentee.post(at(pair, "/complete"));
    expect(done.json()).toMatchObject({ status: "completed", continuing: false, writable: false });
    expect((await w.otherMentee.post(at(pair, "/complete"))).json().error.code).toBe("relationship_closed");
  });
});

describe("a proposed pair", () => {
  it("has no workspace to write in until both accept", async () => {
    const enrolment = async (c: typeof w.mentee) =>
      (await findEnrolmentOfUser(w.t.ctx.db, w.programmeId, (await c.get("/api/auth/session")).json().user.id)).id;
    // Looked up first: PGlite has one connection, so no request can run inside this transaction.
    const menteeEnrolmentId = await enrolment(w.otherMentee);
    const mentorEnrolmentId = await enrolment(w.otherMentor);
    const row = await w.t.ctx.db.transaction((tx) =>
      createPair(tx, { programmeId: w.programmeId, menteeEnrolmentId, mentorEnrolmentId, status: "proposed", origin: "manual" }),
    );
    const res = await w.otherMentee.post(at(row.id, "/sessions"), { date: daysFromToday(9), startTime: "10:00", timeZone: "UTC" });
    expect(res.json().error.code).toBe("relationship_not_started");
    expect((await w.otherMentee.get(at(row.id, "/overview"))).statusCode).toBe(200);
  });
});
