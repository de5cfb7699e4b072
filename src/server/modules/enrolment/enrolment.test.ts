import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let admin: Client;
let programme: { id: string; slug: string; version: number };

const menteeAnswers = {
  years_experience: 1,
  skills: [
    { name: "JS", level: 3 },
    { name: "k8s", level: 2 },
    { name: "Elm-ish thing", level: 1 },
  ],
  seeks: ["technical skills", "career development"],
  timezone: "Africa/Lagos",
  languages: ["English"],
};
const mentorAnswers = {
  years_experience: 12,
  skills: [{ name: "JavaScript", level: 5 }],
  offers: ["technical skills"],
  timezone: "Europe/Lisbon",
  languages: ["English", "Portuguese"],
  capacity: 2,
};

async function newApplicant(email: string, role: "mentor" | "mentee", answers: object) {
  const c = new Client(t.app);
  c.ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const res = await c.post(`/api/apply/${programme.slug}`, {
    role,
    answers,
    account: { email, name: email.split("@")[0], password: "a long enough password" },
  });
  // Sent without an account: queued, then the applicant signs in with the password they chose.
  if (res.statusCode === 202) {
    await t.runJobs();
    const signedIn = await c.post("/api/auth/sign-in", { email, password: "a long enough password" });
    if (signedIn.statusCode !== 200) throw new Error(`applicant could not sign in: ${signedIn.body}`);
    const enrolment = (await c.get(`/api/programmes/${programme.id}/my-enrolment`)).json() as { id: string };
    return { client: c, res, enrolment };
  }
  return { client: c, res, enrolment: undefined };
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  admin = await setUpAdmin(t.app);
  const created = (await admin.post("/api/programmes", { name: "Spring Mentoring" })).json();
  programme = (await admin.post(`/api/programmes/${created.id}/status`, { status: "open", version: created.version })).json();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("intake forms", () => {
  it("are seeded per role and keep every version, refusing stale edits", async () => {
    const form = (await admin.get(`/api/programmes/${programme.id}/forms/mentee`)).json();
    expect(form.version).toBe(1);
    expect(form.questions.map((q: { key: string }) => q.key)).toEqual(expect.arrayContaining(["skills", "seeks", "timezone", "languages"]));
    const questions = [...form.questions, { key: "goal", label: "What do you hope to achieve?", kind: "long_text", required: false }];
    const saved = await t.app.inject({
      method: "PUT",
      url: `/api/programmes/${programme.id}/forms/mentee`,
      headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string },
      payload: { version: 1, questions },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    const stale = await t.app.inject({
      method: "PUT",
      url: `/api/programmes/${programme.id}/forms/mentee`,
      headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string },
      payload: { version: 1, questions: form.questions },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
    const noTimezone = await t.app.inject({
      method: "PUT",
      url: `/api/programmes/${programme.id}/forms/mentee`,
      headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string },
      payload: { version: 2, questions: questions.filter((q: { key: string }) => q.key !== "timezone") },
    });
    expect(noTimezone.statusCode).toBe(400);
    expect(noTimezone.json().error.message).toMatch(/cannot be removed/);
    expect((await admin.get(`/api/programmes/${programme.id}/forms/coach`)).statusCode).toBe(404);
  });
});

describe("applications", () => {
  let menteeEnrolmentId: string;

  it("creates the account and the application together, with canonical skills, and emails a receipt", async () => {
    const { client, res } = await newApplicant("amara@example.org", "mentee", { ...menteeAnswers, goal: "Ship my first backend service" });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: "check_email", email: "amara@example.org" });
    expect(res.cookies).toEqual([]);
    const mine = await client.get(`/api/programmes/${programme.id}/my-enrolment`);
    const body = { enrolment: mine.json() };
    expect(body.enrolment).toMatchObject({ status: "applied", role: "mentee", formVersion: 2 });
    expect(body.enrolment.answers.skills).toEqual([
      { name: "JavaScript", level: 3 },
      { name: "Kubernetes", level: 2 },
      { name: "Elm-ish thing", level: 1 },
    ]);
    menteeEnrolmentId = body.enrolment.id;
    await t.runJobs();
    const receipt = smtp.messages.find((m) => m.to.includes("amara@example.org") && /received your application/.test(m.subject));
    expect(receipt?.text).toMatch(/sign in with this email address and the password you chose/);
    // The applicant can see their programme and their own application, not the directory.
    expect((await client.get(`/api/programmes/${programme.id}`)).statusCode).toBe(200);
    expect((await client.get(`/api/programmes/${programme.id}/my-enrolment`)).json().status).toBe("applied");
    expect((await client.get(`/api/programmes/${programme.id}/enrolments`)).statusCode).toBe(403);
  });

  it("refuses a duplicate application, and never tells a stranger that an email has an account", async () => {
    const amara = await new Client(t.app).signIn("amara@example.org", "a long enough password");
    const again = await amara.post(`/api/apply/${programme.slug}`, { role: "mentee", answers: menteeAnswers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_applied");

    // Someone else tries Amara's address: the same answer a new address gets, and the owner is told by email.
    const before = smtp.messages.length;
    const stranger = new Client(t.app);
    const res = await stranger.post(`/api/apply/${programme.slug}`, {
      role: "mentor",
      answers: mentorAnswers,
      account: { email: "amara@example.org", name: "Not Amara", password: "guessing is fun here" },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: "check_email", email: "amara@example.org" });
    await t.runJobs();
    const note = smtp.messages.slice(before).find((m) => m.to.includes("amara@example.org"));
    expect(note?.subject).toMatch(/please sign in first/);
    expect(note?.text).toContain(`/apply/${programme.slug}`);
    // Nothing changed in Amara's account: still a mentee, still her name and password.
    expect((await amara.get(`/api/programmes/${programme.id}/my-enrolment`)).json()).toMatchObject({ role: "mentee" });
    expect((await amara.get("/api/users/me")).json().name).toBe("amara");
    expect(
      (await new Client(t.app).post("/api/auth/sign-in", { email: "amara@example.org", password: "guessing is fun here" })).statusCode,
    ).toBe(401);
  });

  it("names every bad answer and writes nothing (no account either)", async () => {
    const { res } = await newApplicant("broken@example.org", "mentee", { ...menteeAnswers, timezone: "Nowhere", seeks: ["fame"] });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths.sort()).toEqual(["answers.seeks", "answers.timezone"]);
    expect((await admin.get("/api/users?q=broken")).json().total).toBe(0);
  });

  it("allows withdrawing and re-applying, but never re-applying after a decline", async () => {
    const { client } = await newApplicant("wim@example.org", "mentee", menteeAnswers);
    expect((await client.post(`/api/programmes/${programme.id}/my-enrolment/withdraw`)).json().status).toBe("withdrawn");
    expect((await client.post(`/api/apply/${programme.slug}`, { role: "mentee", answers: menteeAnswers })).statusCode).toBe(201);
    const { client: dee, enrolment } = await newApplicant("dee@example.org", "mentee", menteeAnswers);
    const decline = await admin.post(`/api/programmes/${programme.id}/enrolments/decisions`, {
      enrolmentIds: [enrolment?.id],
      decision: "decline",
      reason: "This round is for backend developers only.",
    });
    expect(decline.statusCode).toBe(200);
    const reapply = await dee.post(`/api/apply/${programme.slug}`, { role: "mentee", answers: menteeAnswers });
    expect(reapply.statusCode).toBe(409);
    expect(reapply.json().error.code).toBe("application_declined");
    expect((await dee.get(`/api/programmes/${programme.id}/my-enrolment`)).json().declineReason).toBe(
      "This round is for backend developers only.",
    );
  });

  it("is closed outside the window and for drafts", async () => {
    const p = (await admin.get(`/api/programmes/${programme.id}`)).json();
    const closed = await admin.patch(`/api/programmes/${programme.id}`, {
      version: p.version,
      applicationsCloseAt: "2020-01-01T00:00:00Z",
    });
    expect(closed.json().acceptingApplications).toBe(false);
    const { res } = await newApplicant("late@example.org", "mentee", menteeAnswers);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("applications_closed");
    expect((await new Client(t.app).get(`/api/apply/${programme.slug}`)).json().programme.acceptingApplications).toBe(false);
    await admin.patch(`/api/programmes/${programme.id}`, { version: closed.json().version, applicationsCloseAt: null });
    const draft = (await admin.post("/api/programmes", { name: "Hidden draft" })).json();
    expect((await new Client(t.app).get(`/api/apply/${draft.slug}`)).statusCode).toBe(404);
  });

  it("shows the coordinator the answers with the wording they were given to, after the form changes", async () => {
    const form = (await admin.get(`/api/programmes/${programme.id}/forms/mentee`)).json();
    const reworded = form.questions.map((q: { key: string; label: string }) => (q.key === "goal" ? { ...q, label: "Your main goal" } : q));
    await t.app.inject({
      method: "PUT",
      url: `/api/programmes/${programme.id}/forms/mentee`,
      headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string },
      payload: { version: form.version, questions: reworded.filter((q: { key: string }) => q.key !== "interests" || true) },
    });
    const detail = (await admin.get(`/api/programmes/${programme.id}/enrolments/${menteeEnrolmentId}`)).json();
    expect(detail).toMatchObject({ formVersion: 2, email: "amara@example.org", source: "application" });
    expect(detail.currentQuestions.find((q: { key: string }) => q.key === "goal").label).toBe("Your main goal");
    expect(detail.questions.find((q: { key: string }) => q.key === "goal").label).toBe("What do you hope to achieve?");
    expect(detail.answers.goal).toBe("Ship my first backend service");
  });
});

describe("coordinator review", () => {
  it("approves, waitlists and declines in bulk, all or nothing, emailing each person", async () => {
    const ids: string[] = [];
    for (const name of ["bo", "cy", "di"])
      ids.push((await newApplicant(`${name}@example.org`, "mentor", mentorAnswers)).enrolment?.id as string);
    const noReason = await admin.post(`/api/programmes/${programme.id}/enrolments/decisions`, { enrolmentIds: ids, decision: "decline" });
    expect(noReason.statusCode).toBe(400);
    const before = smtp.messages.length;
    expect(
      (
        await admin.post(`/api/programmes/${programme.id}/enrolments/decisions`, { enrolmentIds: ids.slice(0, 2), decision: "approve" })
      ).json(),
    ).toEqual({
      decided: 2,
      status: "approved",
    });
    // One approved, one fresh: approving both again is refused as a whole.
    const mixed = await admin.post(`/api/programmes/${programme.id}/enrolments/decisions`, {
      enrolmentIds: [ids[0], ids[2]],
      decision: "approve",
    });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.details.problems).toEqual([{ id: ids[0], message: expect.stringMatching(/Already approved/) }]);
    expect((await admin.get(`/api/programmes/${programme.id}/enrolments/${ids[2]}`)).json().status).toBe("applied");
    await admin.post(`/api/programmes/${programme.id}/enrolments/decisions`, { enrolmentIds: [ids[2]], decision: "waitlist" });
    await t.runJobs();
    const subjects = smtp.messages
      .slice(before)
      .filter((m) => !/received your application/.test(m.subject) && /^(bo|cy|di)@/.test(m.to[0]))
      .map((m) => `${m.to[0]}: ${m.subject}`);
    expect(subjects.sort()).toEqual([
      "bo@example.org: You are in: Spring Mentoring",
      "cy@example.org: You are in: Spring Mentoring",
      "di@example.org: You are on the waitlist for Spring Mentoring",
    ]);
    // Approval grants the programme role.
    const bo = await new Client(t.app).signIn("bo@example.org", "a long enough password");
    expect((await bo.get(`/api/programmes/${programme.id}`)).json().myRole).toBe("mentor");
  });

  it("refuses a decision on another programme's application", async () => {
    const other = (await admin.post("/api/programmes", { name: "Other programme" })).json();
    const someone = (await admin.get(`/api/programmes/${programme.id}/enrolments?limit=1`)).json().items[0];
    const res = await admin.post(`/api/programmes/${other.id}/enrolments/decisions`, { enrolmentIds: [someone.id], decision: "approve" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.problems[0].message).toMatch(/Not an application in this programme/);
  });
});

describe("invitations", () => {
  it("emails a one-time link that creates the account and the place, and cannot be reused", async () => {
    const res = await admin.post(`/api/programmes/${programme.id}/invitations`, {
      emails: ["ivy@example.org", "bo@example.org"],
      role: "mentor",
    });
    expect(res.json()).toEqual({ invited: ["ivy@example.org"], skipped: [{ email: "bo@example.org", reason: "already approved" }] });
    await t.runJobs();
    const mail = smtp.messages.find((m) => m.to.includes("ivy@example.org"));
    const token = /\/invitations\/([\w-]+)/.exec(mail?.text ?? "")?.[1] as string;
    const info = (await new Client(t.app).get(`/api/invitations/${token}`)).json();
    expect(info).toMatchObject({
      email: "ivy@example.org",
      role: "mentor",
      hasAccount: false,
      mustSignIn: false,
      programme: { name: "Spring Mentoring" },
    });
    const ivy = new Client(t.app);
    const accepted = await ivy.post(`/api/invitations/${token}/accept`, {
      answers: mentorAnswers,
      account: { name: "Ivy", password: "a long enough password" },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().enrolment).toMatchObject({ status: "approved", role: "mentor", capacity: 2 });
    const reuse = await new Client(t.app).post(`/api/invitations/${token}/accept`, {
      answers: mentorAnswers,
      account: { name: "Eve", password: "a long enough password" },
    });
    expect(reuse.statusCode).toBe(410);
    expect(reuse.json().error.code).toBe("invitation_used");
  });

  it("refuses an expired link and an unknown one", async () => {
    await admin.post(`/api/programmes/${programme.id}/invitations`, { emails: ["old@example.org"], role: "mentee" });
    await t.runJobs();
    const token = /\/invitations\/([\w-]+)/.exec(smtp.messages.find((m) => m.to.includes("old@example.org"))?.text ?? "")?.[1];
    await t.ctx.db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where email = 'old@example.org'`);
    expect((await new Client(t.app).get(`/api/invitations/${token}`)).json().error.code).toBe("invitation_expired");
    expect((await new Client(t.app).get(`/api/invitations/${"x".repeat(43)}`)).statusCode).toBe(404);
  });
});

describe("participants", () => {
  it("complete onboarding modules, mentors change capacity and pause, and nobody acts in a programme they are not in", async () => {
    const ivy = await new Client(t.app).signIn("ivy@example.org", "a long enough password");
    const mine = (await ivy.get(`/api/programmes/${programme.id}/my-enrolment`)).json();
    expect(mine.training).toMatchObject({ completed: 0, total: 3 });
    const done = (await ivy.request("PUT", `/api/programmes/${programme.id}/my-enrolment/training/listen-first`)).json();
    expect(done.training.completed).toBe(1);
    expect((await ivy.request("PUT", `/api/programmes/${programme.id}/my-enrolment/training/own-the-agenda`)).statusCode).toBe(404);
    // Undoing a module that does not exist is the same 404 as completing it.
    const undoBogus = await ivy.request("DELETE", `/api/programmes/${programme.id}/my-enrolment/training/bogus-key`);
    expect(undoBogus.statusCode).toBe(404);
    expect(undoBogus.json().error.code).toBe("not_found");
    const paused = (await ivy.patch(`/api/programmes/${programme.id}/my-enrolment`, { capacity: 3, paused: true })).json();
    expect(paused).toMatchObject({ capacity: 3, paused: true });
    const amara = await new Client(t.app).signIn("amara@example.org", "a long enough password");
    expect((await amara.patch(`/api/programmes/${programme.id}/my-enrolment`, { capacity: 3 })).statusCode).toBe(400);
    const other = (await admin.post("/api/programmes", { name: "Not Ivy's" })).json();
    expect((await ivy.get(`/api/programmes/${other.id}/my-enrolment`)).statusCode).toBe(404);
    expect((await ivy.request("PUT", `/api/programmes/${other.id}/my-enrolment/training/listen-first`)).statusCode).toBe(404);
    expect((await ivy.get(`/api/programmes/${other.id}`)).statusCode).toBe(404);
  });

  it("lets the coordinator remind everyone who has not finished onboarding", async () => {
    expect((await admin.post(`/api/programmes/${programme.id}/training-reminders`, { enrolmentIds: [] })).json()).toEqual({ reminded: 0 });
    const before = smtp.messages.length;
    const res = (await admin.post(`/api/programmes/${programme.id}/training-reminders`, {})).json();
    await t.runJobs();
    expect(res.reminded).toBeGreaterThan(0);
    expect(smtp.messages.length - before).toBe(res.reminded);
    expect(smtp.messages.slice(before).every((m) => /onboarding/.test(m.subject))).toBe(true);
  });
});

describe("the participant directory", () => {
  it("filters by role, status, skill, time zone and training; sorts and paginates stably", async () => {
    const base = `/api/programmes/${programme.id}/enrolments`;
    const all = (await admin.get(`${base}?limit=200`)).json();
    expect(all.total).toBe(all.items.length);
    const mentors = (await admin.get(`${base}?role=mentor&limit=200`)).json();
    expect(mentors.items.every((e: { role: string }) => e.role === "mentor")).toBe(true);
    expect((await admin.get(`${base}?status=waitlisted`)).json().items.map((e: { email: string }) => e.email)).toEqual(["di@example.org"]);
    const k8s = (await admin.get(`${base}?skill=kubernetes`)).json();
    expect(k8s.items.length).toBeGreaterThan(0);
    expect(k8s.items.every((e: { skills: { name: string }[] }) => e.skills.some((s) => s.name === "Kubernetes"))).toBe(true);
    expect(
      (await admin.get(`${base}?timezone=Europe/`)).json().items.every((e: { timezone: string }) => e.timezone.startsWith("Europe/")),
    ).toBe(true);
    expect((await admin.get(`${base}?training=done`)).json().total).toBe(0);
    const byName = (await admin.get(`${base}?sort=name&order=desc&limit=200`)).json().items.map((e: { name: string }) => e.name);
    expect(byName).toEqual([...byName].sort((a, b) => b.localeCompare(a, "en", { sensitivity: "base" }) || 0));
    const p1 = (await admin.get(`${base}?sort=experience&limit=3&offset=0`)).json().items;
    const p2 = (await admin.get(`${base}?sort=experience&limit=3&offset=3`)).json().items;
    expect(new Set([...p1, ...p2].map((e: { id: string }) => e.id)).size).toBe(p1.length + p2.length);
  });

  it("exports CSV with the import columns first and no formula injection", async () => {
    const res = await admin.get(`/api/programmes/${programme.id}/enrolments/export?role=mentor`);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    const [header, ...lines] = res.body.trim().split("\n");
    expect(header.split(",").slice(0, 4)).toEqual(["email", "name", "role", "years_experience"]);
    expect(lines.length).toBe((await admin.get(`/api/programmes/${programme.id}/enrolments?role=mentor`)).json().total);
  });

  it("keeps the directory and exports to coordinators", async () => {
    const bo = await new Client(t.app).signIn("bo@example.org", "a long enough password");
    expect((await bo.get(`/api/programmes/${programme.id}/enrolments`)).statusCode).toBe(403);
    expect((await bo.get(`/api/programmes/${programme.id}/enrolments/export`)).statusCode).toBe(403);
    const stranger = await createUserClient(t.app, admin, "stranger@example.org");
    expect((await stranger.get(`/api/programmes/${programme.id}/enrolments`)).statusCode).toBe(404);
  });

  it("never stores a password in answers or logs an applicant's answers", async () => {
    const rows = await queryRows<{ answers: unknown }>(t.ctx.db, sql`select answers from enrolments`);
    expect(JSON.stringify(rows)).not.toContain("a long enough password");
    expect(t.logs.join("\n")).not.toContain("Ship my first backend service");
  });
});
