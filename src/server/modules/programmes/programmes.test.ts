import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { termEndFor } from "../../../core/programme-term.js";
import { Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
});
afterAll(() => t.close());

describe("programmes", () => {
  it("creates a mentoring programme with a 12-week term starting next Monday by default", async () => {
    const res = await admin.post("/api/programmes", { name: "Backend Guild 2027", description: "Senior and junior backend devs." });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: "Backend Guild 2027",
      slug: "backend-guild-2027",
      type: "mentoring",
      status: "draft",
      version: 1,
      myRole: "coordinator",
    });
    expect(new Date(`${p.termStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(p.termEnd).toBe(termEndFor(p.termStart, 12));
    expect((await admin.get(`/api/programmes/${p.id}`)).json()).toEqual(p);
  });

  it("keeps slugs unique and accepts an explicit coaching term", async () => {
    const res = await admin.post("/api/programmes", {
      name: "Backend Guild 2027",
      type: "coaching",
      termStart: "2027-01-04",
      termEnd: "2027-03-01",
    });
    expect(res.json()).toMatchObject({ slug: "backend-guild-2027-2", type: "coaching", termStart: "2027-01-04", termEnd: "2027-03-01" });
  });

  it("refuses a term that ends before it starts, with the field named", async () => {
    const res = await admin.post("/api/programmes", { name: "Backwards", termStart: "2027-03-01", termEnd: "2027-01-01" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toEqual({ path: ["termEnd"], message: expect.stringMatching(/end on or after/) });
  });

  it("lists with search, status filter and pagination", async () => {
    for (const name of ["Frontend Circle", "Data Mentors", "Platform Coaching"]) await admin.post("/api/programmes", { name });
    const page1 = (await admin.get("/api/programmes?limit=2&offset=0")).json();
    const page2 = (await admin.get("/api/programmes?limit=2&offset=2")).json();
    expect(page1.total).toBe(5);
    expect(page1.items).toHaveLength(2);
    expect(new Set([...page1.items, ...page2.items].map((p: { id: string }) => p.id)).size).toBe(4);
    expect((await admin.get("/api/programmes?q=circle")).json().items.map((p: { name: string }) => p.name)).toEqual(["Frontend Circle"]);
    // LIKE wildcards in a search are taken literally.
    expect((await admin.get("/api/programmes?q=%25")).json().total).toBe(0);
    expect((await admin.get("/api/programmes?q=_")).json().total).toBe(0);
  });

  it("edits with optimistic concurrency: a stale version gets 409 and changes nothing", async () => {
    const p = (await admin.post("/api/programmes", { name: "Editable" })).json();
    const first = await admin.patch(`/api/programmes/${p.id}`, { version: 1, name: "Edited once", description: "New words" });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: "Edited once", description: "New words", version: 2 });
    const stale = await admin.patch(`/api/programmes/${p.id}`, { version: 1, name: "Lost update" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "version_conflict", details: { currentVersion: 2 } });
    expect((await admin.get(`/api/programmes/${p.id}`)).json().name).toBe("Edited once");
  });

  it("archives (hidden from the default list, read-only) and restores as undo", async () => {
    const p = (await admin.post("/api/programmes", { name: "Archivable" })).json();
    const archived = (await admin.post(`/api/programmes/${p.id}/archive`)).json();
    expect(archived).toMatchObject({ status: "archived", archivedAt: expect.any(String) });
    const active = (await admin.get("/api/programmes?limit=100")).json().items.map((x: { id: string }) => x.id);
    expect(active).not.toContain(p.id);
    expect((await admin.get("/api/programmes?status=archived")).json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    const edit = await admin.patch(`/api/programmes/${p.id}`, { version: archived.version, name: "Nope" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("programme_archived");
    const restored = (await admin.post(`/api/programmes/${p.id}/restore`)).json();
    expect(restored).toMatchObject({ status: "draft", archivedAt: null });
  });
});

describe("roles are enforced on every programme route", () => {
  let programmeId: string;
  let coordinator: Client;
  let mentee: Client;
  let outsider: Client;

  beforeAll(async () => {
    coordinator = await createUserClient(t.app, admin, "cora@example.org", "Cora");
    mentee = await createUserClient(t.app, admin, "mia@example.org", "Mia");
    outsider = await createUserClient(t.app, admin, "otto@example.org", "Otto");
    programmeId = (await admin.post("/api/programmes", { name: "Roles" })).json().id;
    expect(
      (await admin.post(`/api/programmes/${programmeId}/members`, { email: "cora@example.org", role: "coordinator" })).statusCode,
    ).toBe(201);
    expect((await admin.post(`/api/programmes/${programmeId}/members`, { email: "mia@example.org", role: "mentee" })).statusCode).toBe(201);
  });

  it("lets anyone signed in list only their own programmes", async () => {
    expect((await mentee.get("/api/programmes")).json().items.map((p: { id: string }) => p.id)).toEqual([programmeId]);
    expect((await outsider.get("/api/programmes")).json()).toMatchObject({ items: [], total: 0 });
    expect((await new Client(t.app).get("/api/programmes")).statusCode).toBe(401);
  });

  it("lets a mentee view but not edit, archive, see members or add people", async () => {
    const p = (await mentee.get(`/api/programmes/${programmeId}`)).json();
    expect(p.myRole).toBe("mentee");
    for (const res of [
      await mentee.patch(`/api/programmes/${programmeId}`, { version: p.version, name: "Mine now" }),
      await mentee.post(`/api/programmes/${programmeId}/archive`),
      await mentee.get(`/api/programmes/${programmeId}/members`),
      await mentee.post(`/api/programmes/${programmeId}/members`, { email: "otto@example.org", role: "mentor" }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
  });

  it("hides the programme from outsiders entirely (404, not 403)", async () => {
    for (const res of [
      await outsider.get(`/api/programmes/${programmeId}`),
      await outsider.patch(`/api/programmes/${programmeId}`, { version: 1, name: "x y z" }),
      await outsider.post(`/api/programmes/${programmeId}/archive`),
      await outsider.get(`/api/programmes/${programmeId}/members`),
    ]) {
      expect(res.statusCode).toBe(404);
    }
  });

  it("lets the coordinator manage it, and create programmes of their own", async () => {
    const p = (await coordinator.get(`/api/programmes/${programmeId}`)).json();
    expect((await coordinator.patch(`/api/programmes/${programmeId}`, { version: p.version, description: "Coordinated" })).statusCode).toBe(
      200,
    );
    const members = (await coordinator.get(`/api/programmes/${programmeId}/members`)).json();
    expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort()).toEqual([
      "ada@example.org:coordinator",
      "cora@example.org:coordinator",
      "mia@example.org:mentee",
    ]);
    expect((await coordinator.post("/api/programmes", { name: "Cora's own" })).statusCode).toBe(201);
  });

  it("refuses programme creation and user admin to people without the right", async () => {
    const res = await mentee.post("/api/programmes", { name: "Not allowed" });
    expect(res.statusCode).toBe(403);
    expect((await mentee.get("/api/users")).statusCode).toBe(403);
    expect((await mentee.post("/api/users", { email: "x@example.org", name: "X", password: "long enough pass" })).statusCode).toBe(403);
  });

  it("explains when a member to add has no account yet", async () => {
    const res = await admin.post(`/api/programmes/${programmeId}/members`, { email: "ghost@example.org", role: "mentor" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("unknown_account");
  });
});

describe("programme design and lifecycle", () => {
  it("starts a mentoring programme with weekly 60-minute sessions and the three default phases", async () => {
    const p = (await admin.post("/api/programmes", { name: "Design defaults" })).json();
    expect(p).toMatchObject({
      cadence: "weekly",
      sessionMinutes: 60,
      termWeeks: 12,
      acceptingApplications: false,
      nextStatuses: ["open", "archived"],
    });
    expect(p.phases.map((x: { name: string; startWeek: number; endWeek: number }) => `${x.name} ${x.startWeek}-${x.endWeek}`)).toEqual([
      "Getting to know each other 1-2",
      "Working on goals 3-10",
      "Reflecting and revising 11-12",
    ]);
  });

  it("edits phases, cadence and the application window, refusing phases with gaps and a window that closes before it opens", async () => {
    const p = (await admin.post("/api/programmes", { name: "Design edits" })).json();
    const phases = [
      { name: "Getting to know each other", startWeek: 1, endWeek: 3 },
      { name: "Working on goals", startWeek: 4, endWeek: 9 },
      { name: "Reflecting and revising", startWeek: 10, endWeek: 12 },
    ];
    const ok = await admin.patch(`/api/programmes/${p.id}`, {
      version: p.version,
      phases,
      cadence: "fortnightly",
      sessionMinutes: 45,
      applicationsOpenAt: "2027-01-01T09:00:00Z",
      applicationsCloseAt: "2027-01-15T17:00:00Z",
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      phases,
      cadence: "fortnightly",
      sessionMinutes: 45,
      applicationsCloseAt: "2027-01-15T17:00:00.000Z",
    });
    const gap = await admin.patch(`/api/programmes/${p.id}`, { version: 2, phases: [phases[0], phases[2]] });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().error.details.issues[0].path).toEqual(["phases"]);
    const window = await admin.patch(`/api/programmes/${p.id}`, { version: 2, applicationsCloseAt: "2026-12-01T00:00:00Z" });
    expect(window.json().error.message).toMatch(/close after they open/);
  });

  it("moves along the lifecycle, refuses skipping steps, and restore returns to the status before archiving", async () => {
    const p = (await admin.post("/api/programmes", { name: "Lifecycle" })).json();
    const skip = await admin.post(`/api/programmes/${p.id}/status`, { status: "running", version: p.version });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: "invalid_transition", message: expect.stringMatching(/can become open/) });
    const open = (await admin.post(`/api/programmes/${p.id}/status`, { status: "open", version: p.version })).json();
    expect(open).toMatchObject({ status: "open", acceptingApplications: true, nextStatuses: ["matching", "draft", "archived"] });
    const archived = (await admin.post(`/api/programmes/${p.id}/archive`)).json();
    expect(archived.acceptingApplications).toBe(false);
    expect((await admin.post(`/api/programmes/${p.id}/restore`)).json().status).toBe("open");
    const stale = await admin.post(`/api/programmes/${p.id}/status`, { status: "matching", version: open.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
  });

  it("changes the type only while a draft, and drops the phases for coaching", async () => {
    const p = (await admin.post("/api/programmes", { name: "Type change" })).json();
    const coaching = (await admin.patch(`/api/programmes/${p.id}`, { version: p.version, type: "coaching" })).json();
    expect(coaching).toMatchObject({ type: "coaching", phases: [] });
    const opened = (await admin.post(`/api/programmes/${p.id}/status`, { status: "open", version: coaching.version })).json();
    const locked = await admin.patch(`/api/programmes/${p.id}`, { version: opened.version, type: "mentoring" });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe("type_locked");
  });
});

describe("weekly resources and coordinators", () => {
  it("ships 12 weeks of resources for each side, editable by coordinators, filtered by side for participants", async () => {
    const p = (await admin.post("/api/programmes", { name: "Content schedule" })).json();
    const all = (await admin.get(`/api/programmes/${p.id}/resources`)).json();
    expect(all).toHaveLength(24);
    const saved = await admin.request("PUT", `/api/programmes/${p.id}/resources/3/mentee`, {
      title: "Write your first goal",
      body: "Pick one thing you want to be able to do by week 12.",
      links: [{ label: "Our goal guide", url: "https://example.org/goals" }],
    });
    expect(saved.statusCode).toBe(200);
    const badLink = await admin.request("PUT", `/api/programmes/${p.id}/resources/3/mentee`, {
      title: "x",
      body: "y",
      links: [{ label: "l", url: "not a url" }],
    });
    expect(badLink.statusCode).toBe(400);
    expect(
      (await admin.request("PUT", `/api/programmes/${p.id}/resources/13/mentee`, { title: "x", body: "y" })).json().error.message,
    ).toMatch(/12 weeks/);
    await admin.post(`/api/programmes/${p.id}/members`, { email: "mia@example.org", role: "mentee" });
    const mia = await new Client(t.app).signIn("mia@example.org", "a long enough password");
    const mine = (await mia.get(`/api/programmes/${p.id}/resources`)).json();
    expect(mine).toHaveLength(12);
    expect(mine.every((r: { audience: string }) => r.audience === "mentee")).toBe(true);
    expect(mine.find((r: { week: number }) => r.week === 3).title).toBe("Write your first goal");
    expect((await mia.request("PUT", `/api/programmes/${p.id}/resources/3/mentee`, { title: "x", body: "y" })).statusCode).toBe(403);
  });

  it("keeps at least one coordinator", async () => {
    const p = (await admin.post("/api/programmes", { name: "Two coordinators" })).json();
    await admin.post(`/api/programmes/${p.id}/members`, { email: "cora@example.org", role: "coordinator" });
    const me = (await admin.get("/api/users/me")).json();
    expect((await admin.delete(`/api/programmes/${p.id}/members/${me.id}?role=coordinator`)).statusCode).toBe(204);
    const cora = await new Client(t.app).signIn("cora@example.org", "a long enough password");
    const members = (await cora.get(`/api/programmes/${p.id}/members`)).json();
    const last = await cora.delete(`/api/programmes/${p.id}/members/${members[0].userId}?role=coordinator`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe("last_coordinator");
  });
});

describe("how pairs form", () => {
  it("defaults to a coordinator's round with two-sided acceptance, and takes self-match settings with limits", async () => {
    const created = (await admin.post("/api/programmes", { name: "Pairing settings" })).json();
    expect(created).toMatchObject({ matchMode: "round", acceptance: "two_sided", requestLimit: 3, requestExpiryDays: 7 });
    const updated = await admin.patch(`/api/programmes/${created.id}`, {
      version: created.version,
      matchMode: "self",
      requestLimit: 2,
      requestExpiryDays: 5,
    });
    expect(updated.json()).toMatchObject({ matchMode: "self", requestLimit: 2, requestExpiryDays: 5 });
    const tooMany = await admin.patch(`/api/programmes/${created.id}`, { version: updated.json().version, requestLimit: 11 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain("At most 10 requests");
  });
});
