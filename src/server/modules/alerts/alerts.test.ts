import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { type CapturedMail, startSmtpCapture } from "../../test-support/smtp-capture.js";
import { type Client, createTestApp, createUserClient, type TestApp } from "../../test-support/test-app.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { createPair } from "../relationships/create-pair.js";
import { isoDaysFromToday, type SupportFixture, supportFixture } from "../support/support-fixture.js";
import { sendSurveyNow } from "../surveys/send-survey-now.js";
import { sendAlertDigests } from "./alert-digest.js";
import { evaluateProgrammeAlerts } from "./evaluate-alerts.js";

// A programme in its fourth week: week 2's check-ins are overdue, pairs started 20 days ago.
const PEOPLE = [
  { email: "noor@example.org", name: "Noor Mentee", role: "mentee", timeZone: "Europe/London" },
  { email: "mo@example.org", name: "Mo Mentor", role: "mentor", timeZone: "Europe/Lisbon" },
  { email: "ben@example.org", name: "Ben Mentee", role: "mentee", timeZone: "Europe/Madrid" },
  { email: "lea@example.org", name: "Lea Mentor", role: "mentor", timeZone: "Europe/Berlin" },
  { email: "ana@example.org", name: "Ana Mentee", role: "mentee", timeZone: "Europe/Paris" },
  { email: "ola@example.org", name: "Ola Mentor", role: "mentor", timeZone: "Europe/Oslo" },
] as const;
const MARKER = ["Okapi-agenda: my salary", "Okapi-goal: leave the team", "Okapi-reflection: burnout", "Okapi-note-from-cora"];
const DAY = 86_400_000;

let t: TestApp;
let f: SupportFixture;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let seen = 0;
let noorPair: string;
let benPair: string;

type AlertT = {
  id: string;
  type: string;
  state: string;
  summary: string;
  relationshipId: string | null;
  version: number;
  resolution: string | null;
  mentee: { name: string } | null;
};

const base = () => `/api/programmes/${f.programme.id}`;
const queue = async (query = "", as: Client = f.coordinator) => (await as.get(`${base()}/alerts?limit=100${query}`)).json();
const alertsOf = async (type: string, state = "unresolved") => (await queue(`&state=${state}&type=${type}`)).items as AlertT[];
const evaluate = (now = new Date()) => evaluateProgrammeAlerts(t.ctx.db, f.programme, now);
async function delivered(): Promise<CapturedMail[]> {
  await t.runJobs();
  const fresh = smtp.messages.slice(seen);
  seen = smtp.messages.length;
  return fresh;
}
const tokenFor = (email: string, subject: string) =>
  /\/s\/([\w-]+)/.exec(smtp.messages.filter((m) => m.to[0] === email && m.subject.startsWith(subject)).at(-1)?.text ?? "")?.[1] as string;
const answer = (token: string, answers: Record<string, unknown>) =>
  t.app.inject({ method: "POST", url: `/api/survey-links/${token}/response`, payload: { answers } });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  f = await supportFixture(t, {
    termStart: isoDaysFromToday(-21),
    termEnd: isoDaysFromToday(62),
    people: [...PEOPLE],
    pairs: [
      ["noor@example.org", "mo@example.org"],
      ["ben@example.org", "lea@example.org"],
    ],
  });
  noorPair = f.pairs["noor@example.org"];
  benPair = f.pairs["ben@example.org"];
  await t.ctx.db.execute(sql`update relationships set started_at = now() - interval '20 days', created_at = now() - interval '20 days'`);
  // Only the rules under test here: the agenda and plan flags have their own unit tests.
  const settings = (await f.coordinator.get(`${base()}/support-settings`)).json();
  expect(settings.version).toBe(0);
  const saved = await f.coordinator.request("PUT", `${base()}/support-settings`, {
    version: 0,
    settings: { ...settings.settings, mutedAlerts: ["no_agenda_next_session", "plan_not_acknowledged", "missed_sessions"] },
  });
  expect(saved.statusCode).toBe(200);
  const noor = f.people["noor@example.org"];
  await noor.post(`/api/relationships/${noorPair}/goals`, { title: MARKER[1] });
  await noor.post(`/api/relationships/${noorPair}/reflections`, { body: MARKER[2] });
  const s = await noor.post(`/api/relationships/${noorPair}/sessions`, {
    date: isoDaysFromToday(5),
    startTime: "10:00",
    endTime: "11:00",
    timeZone: "Europe/London",
  });
  await noor.request("PUT", `/api/relationships/${noorPair}/sessions/${s.json().sessions[0].id}/agenda`, {
    version: 0,
    sections: { check_in: MARKER[0] },
  });
  await delivered();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("each rule raises an alert and closes it when the signal clears", () => {
  it("no session for 14 days, until the pair meets", async () => {
    await evaluate();
    const quiet = await alertsOf("no_session_14_days");
    expect(quiet.map((a) => a.mentee?.name).sort()).toEqual(["Ben Mentee", "Noor Mentee"]);
    expect(quiet[0].summary).toBe("No session for 20 days.");
    const held = await f.people["noor@example.org"].post(`/api/relationships/${noorPair}/sessions`, {
      date: isoDaysFromToday(-1),
      startTime: "10:00",
      endTime: "11:00",
      timeZone: "Europe/London",
      held: true,
    });
    expect(held.statusCode).toBe(201);
    expect((await evaluate()).cleared).toBeGreaterThanOrEqual(1);
    expect((await alertsOf("no_session_14_days")).map((a) => a.mentee?.name)).toEqual(["Ben Mentee"]);
    const [closed] = await alertsOf("no_session_14_days", "resolved");
    expect(closed).toMatchObject({ mentee: { name: "Noor Mentee" }, resolution: "Closed by itself: the pair met again." });
  });

  it("running again raises nothing twice", async () => {
    const before = (await queue()).total;
    expect((await evaluate()).raised).toBe(0);
    expect((await queue()).total).toBe(before);
  });

  it("a planned check-in overdue, until one is logged", async () => {
    const overdue = await alertsOf("check_in_overdue");
    expect(overdue).toHaveLength(2);
    expect(overdue[0].summary).toMatch(/^The week 2 check-in is overdue \(due by \d{4}-\d\d-\d\d\)\.$/);
    const logged = await f.coordinator.post(`${base()}/relationships/${noorPair}/check-ins`, {
      happenedOn: isoDaysFromToday(0),
      with: "both",
      outcome: "on_track",
      note: MARKER[3],
      plannedWeek: 2,
    });
    expect(logged.statusCode).toBe(201);
    await t.runJobs(); // logging asks for an evaluation at once
    expect((await alertsOf("check_in_overdue")).map((a) => a.relationshipId)).toEqual([benPair]);
    expect((await alertsOf("check_in_overdue", "resolved"))[0].resolution).toBe("Closed by itself: a check-in was logged.");
  });

  it("a low pulse, raised as soon as it is answered, closed when the next pulse is better", async () => {
    const pulseId = (await f.coordinator.get(`${base()}/surveys`))
      .json()
      .items.find((s: { title: string }) => s.title === "Fortnightly pulse").id;
    const coordinator = await f.principalOf("cora@example.org");
    await sendSurveyNow(t.ctx, coordinator, f.programme.id, pulseId);
    await delivered();
    expect((await answer(tokenFor("noor@example.org", "Fortnightly pulse"), { going: 2, tell_us: "Okapi-free-text" })).statusCode).toBe(
      200,
    );
    await t.runJobs();
    const [low] = await alertsOf("low_pulse");
    expect(low).toMatchObject({ relationshipId: noorPair, summary: "Pulse of 2 of 5 from the mentee in week 4." });
    await sendSurveyNow(t.ctx, coordinator, f.programme.id, pulseId, new Date(Date.now() + 60_000));
    await delivered();
    expect((await answer(tokenFor("noor@example.org", "Fortnightly pulse"), { going: 4 })).statusCode).toBe(200);
    await t.runJobs();
    expect(await alertsOf("low_pulse")).toEqual([]);
    expect((await alertsOf("low_pulse", "resolved"))[0].resolution).toBe("Closed by itself: their latest pulse is above 2 of 5.");
  });

  it("a detractor's recommend score", async () => {
    const endId = (await f.coordinator.get(`${base()}/surveys`))
      .json()
      .items.find((s: { title: string }) => s.title === "End of programme").id;
    await sendSurveyNow(t.ctx, await f.principalOf("cora@example.org"), f.programme.id, endId);
    await delivered();
    const res = await answer(tokenFor("mo@example.org", "End of programme"), {
      satisfaction: 2,
      recommend: 3,
      goals: 2,
      again: "No",
      continue: "Perhaps now and then",
    });
    expect(res.statusCode).toBe(200);
    await t.runJobs();
    const [d] = await alertsOf("detractor");
    expect(d).toMatchObject({ relationshipId: noorPair, summary: "Recommend score of 3 of 10 from the mentor." });
  });

  it("a proposal not accepted after five days, until both accept", async () => {
    const ana = (await findEnrolmentOfUser(t.ctx.db, f.programme.id, await f.userIdOf("ana@example.org"))).id;
    const ola = (await findEnrolmentOfUser(t.ctx.db, f.programme.id, await f.userIdOf("ola@example.org"))).id;
    const pair = await t.ctx.db.transaction((tx) =>
      createPair(tx, { programmeId: f.programme.id, menteeEnrolmentId: ana, mentorEnrolmentId: ola, status: "proposed", origin: "manual" }),
    );
    expect((await evaluate()).raised).toBe(0);
    await evaluate(new Date(Date.now() + 6 * DAY));
    const [waiting] = await alertsOf("proposal_not_accepted");
    expect(waiting.summary).toBe("Proposed 6 days ago; waiting for both sides.");
    await t.ctx.db.execute(
      sql`update relationships set status = 'active', started_at = now(), mentor_accepted_at = now(), mentee_accepted_at = now() where id = ${pair.id}`,
    );
    await evaluate(new Date(Date.now() + 6 * DAY));
    expect(await alertsOf("proposal_not_accepted")).toEqual([]);
    expect((await alertsOf("proposal_not_accepted", "resolved"))[0].resolution).toBe("Closed by itself: both accepted the proposal.");
  });

  it("a self-match request unanswered after three days, until it is answered", async () => {
    const ana = (await findEnrolmentOfUser(t.ctx.db, f.programme.id, await f.userIdOf("ana@example.org"))).id;
    const lea = (await findEnrolmentOfUser(t.ctx.db, f.programme.id, await f.userIdOf("lea@example.org"))).id;
    const [{ id }] = await queryRows<{ id: string }>(
      t.ctx.db,
      sql`insert into match_requests (programme_id, mentee_enrolment_id, mentor_enrolment_id, message, created_at, expires_at)
          values (${f.programme.id}, ${ana}, ${lea}, 'I would like to learn Go with you', now() - interval '4 days', now() + interval '3 days') returning id`,
    );
    await evaluate();
    const [r] = await alertsOf("request_unanswered");
    expect(r).toMatchObject({
      relationshipId: null,
      mentee: { name: "Ana Mentee" },
      summary: "The mentor has not answered a request for 4 days.",
    });
    await t.ctx.db.execute(sql`update match_requests set status = 'declined', responded_at = now() where id = ${id}`);
    await evaluate();
    expect(await alertsOf("request_unanswered")).toEqual([]);
  });

  it("two surveys in a row left unanswered, until the person answers one", async () => {
    const ben = await f.userIdOf("ben@example.org");
    await t.ctx.db.execute(sql`update survey_invitations set closes_at = now() - interval '1 hour' where user_id = ${ben}`);
    await evaluate();
    const [u] = await alertsOf("survey_unanswered");
    expect(u).toMatchObject({ relationshipId: benPair, summary: "2 surveys in a row left unanswered by the mentee." });
    const pulseId = (await f.coordinator.get(`${base()}/surveys`))
      .json()
      .items.find((s: { title: string }) => s.title === "Fortnightly pulse").id;
    await sendSurveyNow(t.ctx, await f.principalOf("cora@example.org"), f.programme.id, pulseId, new Date(Date.now() + 120_000));
    await delivered();
    expect((await answer(tokenFor("ben@example.org", "Fortnightly pulse"), { going: 4 })).statusCode).toBe(200);
    await t.runJobs();
    expect(await alertsOf("survey_unanswered")).toEqual([]);
  });

  it("a rule the programme switched off raises nothing", async () => {
    expect(await alertsOf("plan_not_acknowledged", "unresolved")).toEqual([]);
  });
});

describe("the queue's state machine", () => {
  let alert: AlertT;
  const act = (body: Record<string, unknown>, as: Client = f.coordinator) => as.post(`${base()}/alerts/${alert.id}/actions`, body);

  beforeAll(async () => {
    [alert] = await alertsOf("no_session_14_days");
  });

  it("acknowledge, snooze until a date, wake when it comes, resolve with a resolution", async () => {
    const ack = await act({ action: "acknowledge", version: alert.version });
    expect(ack.json()).toMatchObject({ state: "acknowledged" });
    const twice = await act({ action: "acknowledge", version: ack.json().version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: "alert_state", message: "An acknowledged alert cannot be acknowledged." });
    const snoozed = await act({ action: "snooze", until: isoDaysFromToday(3), version: ack.json().version });
    expect(snoozed.json()).toMatchObject({ state: "snoozed", snoozedUntil: `${isoDaysFromToday(3)}T00:00:00.000Z` });
    expect((await queue("&state=snoozed")).items.map((a: AlertT) => a.id)).toEqual([alert.id]);
    expect((await act({ action: "snooze", until: isoDaysFromToday(120), version: snoozed.json().version })).json().error.message).toBe(
      "Snooze for at most 90 days.",
    );
    const stale = await act({ action: "resolve", resolution: "Done", version: ack.json().version });
    expect(stale.json().error.code).toBe("version_conflict");
    // The snooze runs out: the job wakes it.
    expect((await evaluate(new Date(Date.now() + 4 * DAY))).woke).toBe(1);
    const woken = (await f.coordinator.get(`${base()}/alerts/${alert.id}`)).json();
    expect(woken.alert.state).toBe("open");
    const resolved = await act({
      action: "resolve",
      resolution: "Talked with Lea; they meet on Fridays from next week.",
      version: woken.alert.version,
    });
    expect(resolved.json()).toMatchObject({
      state: "resolved",
      resolvedBy: "coordinator",
      resolution: "Talked with Lea; they meet on Fridays from next week.",
    });
    const history = (await f.coordinator.get(`${base()}/alerts/${alert.id}`)).json().events.map((e: { kind: string }) => e.kind);
    expect(history).toEqual(["raised", "acknowledged", "snoozed", "woke", "resolved"]);
  });

  it("a resolution needs words", async () => {
    const [other] = await alertsOf("check_in_overdue");
    const res = await f.coordinator.post(`${base()}/alerts/${other.id}/actions`, {
      action: "resolve",
      resolution: "   ",
      version: other.version,
    });
    expect(res.statusCode).toBe(400);
  });

  it("does not come back while the same signal lasts after a coordinator resolved it; comes back once it cleared and returned", async () => {
    expect((await evaluate()).raised).toBe(0);
    expect(await alertsOf("no_session_14_days")).toEqual([]);
    await t.ctx.db.execute(sql`insert into pair_sessions (relationship_id, title, starts_at, ends_at, time_zone, local_date, local_start_time, local_end_time, status)
      values (${benPair}, 'Held', now() - interval '1 day', now() - interval '23 hours', 'UTC', ${isoDaysFromToday(-1)}, '10:00', '11:00', 'held')`);
    await evaluate();
    expect((await evaluate(new Date(Date.now() + 16 * DAY))).raised).toBeGreaterThan(0);
    const live = (await alertsOf("no_session_14_days")).filter((a) => a.relationshipId === benPair);
    expect(live).toHaveLength(1);
    expect(live[0].id).not.toBe(alert.id);
  });

  it("reopens a resolved alert, unless the same episode is already back in the queue", async () => {
    const detail = (await f.coordinator.get(`${base()}/alerts/${alert.id}`)).json();
    const dup = await act({ action: "reopen", version: detail.alert.version });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("alert_already_open");
    const [cleared] = await alertsOf("low_pulse", "resolved");
    const reopened = await f.coordinator.post(`${base()}/alerts/${cleared.id}/actions`, { action: "reopen", version: cleared.version });
    expect(reopened.json()).toMatchObject({ state: "open", resolution: null });
  });
});

describe("assigning, filtering and bulk acknowledge", () => {
  it("assigns to one of the programme's coordinators, never to a participant, and filters by assignee", async () => {
    const [a] = (await queue("&state=open")).items as AlertT[];
    const coraId = await f.userIdOf("cora@example.org");
    const res = await f.coordinator.request("PUT", `${base()}/alerts/${a.id}/assignee`, { assigneeUserId: coraId, version: a.version });
    expect(res.json()).toMatchObject({ assignee: { id: coraId, name: "Cora Coordinator" } });
    const bad = await f.coordinator.request("PUT", `${base()}/alerts/${a.id}/assignee`, {
      assigneeUserId: await f.userIdOf("noor@example.org"),
      version: res.json().version,
    });
    expect(bad.statusCode).toBe(400);
    expect((await queue("&assignee=me")).items.map((x: AlertT) => x.id)).toEqual([a.id]);
    expect((await queue("&assignee=none")).items.map((x: AlertT) => x.id)).not.toContain(a.id);
    expect((await queue("", f.admin)).coordinators.map((c: { name: string }) => c.name)).toEqual(["Ada Admin", "Cora Coordinator"]);
  });

  it("acknowledges many at once, skipping those the move does not apply to", async () => {
    const open = (await queue("&state=open")).items as AlertT[];
    const [resolved] = (await queue("&state=resolved")).items as AlertT[];
    const res = await f.coordinator.post(`${base()}/alerts/bulk`, { ids: [...open.map((a) => a.id), resolved.id], action: "acknowledge" });
    expect(res.json()).toEqual({ changed: open.length, skipped: 1 });
    expect((await queue("&state=open")).total).toBe(0);
    expect((await queue("&state=acknowledged")).total).toBe(open.length);
  });

  it("filters by type and counts each state", async () => {
    const page = await queue("&state=resolved&type=low_pulse");
    expect(page.items.every((a: AlertT) => a.type === "low_pulse")).toBe(true);
    expect(Object.keys(page.counts)).toEqual(["open", "acknowledged", "snoozed", "resolved"]);
  });

  it("is the coordinators': outsiders get 404, participants 403", async () => {
    const outsider = await createUserClient(t.app, f.admin, "otto@example.org", "Otto Outsider");
    const [a] = (await queue()).items as AlertT[];
    for (const url of [
      `${base()}/alerts`,
      `${base()}/alerts/${a.id}`,
      `${base()}/check-ins`,
      `${base()}/relationships/${noorPair}/check-ins`,
      `${base()}/support-settings`,
    ]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
      expect((await f.people["noor@example.org"].get(url)).statusCode, url).toBe(403);
    }
    expect((await f.people["noor@example.org"].post(`${base()}/alerts/bulk`, { ids: [a.id], action: "acknowledge" })).statusCode).toBe(403);
  });
});

describe("from an alert: the pair, its check-ins and the actions", () => {
  it("shows the pair's metadata and check-in history", async () => {
    const [a] = (await queue("&state=unresolved&type=low_pulse")).items
      .concat((await queue()).items)
      .filter((x: AlertT) => x.relationshipId === noorPair);
    const detail = (await f.coordinator.get(`${base()}/alerts/${a.id}`)).json();
    expect(detail.pair).toMatchObject({
      relationshipId: noorPair,
      status: "active",
      mentee: { name: "Noor Mentee" },
      sessionsHeld: 1,
      goals: 1,
    });
    expect(detail.history.checkIns).toMatchObject([{ outcome: "on_track", note: MARKER[3], plannedWeek: 2 }]);
  });

  it("messages the pair and reminds them, both kept as contacts", async () => {
    const sent = await f.coordinator.post(`${base()}/relationships/${benPair}/messages`, {
      to: "both",
      subject: "How are things going?",
      body: "Shall we have a quick chat on Thursday?",
    });
    expect(sent.statusCode).toBe(201);
    const reminded = await f.coordinator.post(`${base()}/relationships/${benPair}/reminders`, { to: "mentee" });
    expect(reminded.statusCode).toBe(201);
    const mails = await delivered();
    const chat = mails.filter((m) => m.subject === "How are things going?");
    expect(chat.map((m) => m.to[0]).sort()).toEqual(["ben@example.org", "lea@example.org"]);
    expect(chat[0].raw).toMatch(/Reply-To: cora@example\.org/i);
    const reminder = mails.find((m) => m.subject === "A quick check-in from Support") as CapturedMail;
    expect(reminder.to).toEqual(["ben@example.org"]);
    expect(reminder.text).toContain("with Lea Mentor");
    const history = (await f.coordinator.get(`${base()}/relationships/${benPair}/check-ins`)).json();
    expect(history.contacts.map((c: { kind: string }) => c.kind)).toEqual(["reminder", "message"]);
  });
});

describe("check-ins", () => {
  it("the plan lists each pair's planned weeks, overdue first", async () => {
    const plan = (await f.coordinator.get(`${base()}/check-ins`)).json();
    expect(plan.plan.map((p: { week: number }) => p.week)).toEqual([2, 6, 10]);
    const ben = plan.items.find((p: { relationshipId: string }) => p.relationshipId === benPair);
    const noor = plan.items.find((p: { relationshipId: string }) => p.relationshipId === noorPair);
    expect(ben.planned.map((p: { state: string }) => p.state)).toEqual(["overdue", "upcoming", "upcoming"]);
    expect(noor.planned[0]).toMatchObject({ week: 2, state: "done" });
    expect(plan.items[0].relationshipId).toBe(benPair);
  });

  it("refuses a check-in in the future or a follow-up before it, writing nothing", async () => {
    const res = await f.coordinator.post(`${base()}/relationships/${benPair}/check-ins`, {
      happenedOn: isoDaysFromToday(5),
      with: "mentee",
      outcome: "at_risk",
      followUpOn: isoDaysFromToday(2),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { path: string[] }) => i.path[0])).toEqual(["happenedOn", "followUpOn"]);
    expect((await f.coordinator.get(`${base()}/relationships/${benPair}/check-ins`)).json().checkIns).toEqual([]);
  });

  it("keeps the coordinator's note from everyone but the programme's coordinators", async () => {
    // An instance admin who does not coordinate this programme sees the check-in without its note.
    const otherAdmin = await createUserClient(t.app, f.admin, "ida@example.org", "Ida Admin");
    await t.ctx.db.execute(sql`update users set is_admin = true where email = 'ida@example.org'`);
    const seen = (await otherAdmin.get(`${base()}/relationships/${noorPair}/check-ins`)).json();
    expect(seen).toMatchObject({ notesVisible: false, checkIns: [{ outcome: "on_track", note: null }] });
    expect(
      (
        await otherAdmin.post(`${base()}/relationships/${benPair}/check-ins`, {
          happenedOn: isoDaysFromToday(0),
          with: "both",
          outcome: "on_track",
          note: "x",
        })
      ).statusCode,
    ).toBe(403);
    // The pair never: not through any page of theirs, nor in any email.
    for (const email of ["noor@example.org", "mo@example.org"]) {
      const c = f.people[email];
      const pages = await Promise.all(
        [
          "/api/relationships",
          `/api/relationships/${noorPair}`,
          `/api/relationships/${noorPair}/overview`,
          `/api/relationships/${noorPair}/sessions`,
          "/api/me/surveys",
          `/api/programmes/${f.programme.id}`,
        ].map((u) => c.get(u)),
      );
      for (const p of pages) expect(p.body).not.toContain(MARKER[3]);
    }
    expect(smtp.messages.map((m) => m.raw).join("\n")).not.toContain(MARKER[3]);
  });
});

describe("the daily digest", () => {
  it("goes to each coordinator at 08:00 once a day, listing new and overdue alerts by pair and kind", async () => {
    await delivered();
    const today = new Date().toISOString().slice(0, 10);
    expect(await sendAlertDigests(t.ctx, new Date(`${today}T07:59:00Z`))).toBe(0);
    expect(await sendAlertDigests(t.ctx, new Date(`${today}T08:30:00Z`))).toBe(2);
    expect(await sendAlertDigests(t.ctx, new Date(`${today}T15:00:00Z`))).toBe(0);
    const mails = await delivered();
    const cora = mails.find((m) => m.to[0] === "cora@example.org") as CapturedMail;
    expect(cora.subject).toMatch(/^Your alerts today: /);
    expect(cora.text).toContain("Support");
    expect(cora.text).toMatch(/- Check-in overdue: Ben Mentee and Lea Mentor\./);
    expect(cora.text).toContain(`http://grove.test/programmes/${f.programme.id}/alerts`);
  });
});

describe("privacy", () => {
  it("no pair content, note or free-text answer reaches alerts, digests or logs", async () => {
    const list = (await queue("&state=unresolved")).items.concat((await queue("&state=resolved")).items);
    const details = await Promise.all(list.map((a: AlertT) => f.coordinator.get(`${base()}/alerts/${a.id}`)));
    const queueText = JSON.stringify(list);
    const digests = smtp.messages
      .filter((m) => m.subject.startsWith("Your alerts today"))
      .map((m) => m.raw + m.text)
      .join("\n");
    const logs = t.logs.join("\n");
    for (const marker of MARKER.slice(0, 3)) {
      expect(queueText, marker).not.toContain(marker);
      for (const d of details) expect(d.body, marker).not.toContain(marker);
      expect(digests, marker).not.toContain(marker);
      expect(logs, marker).not.toContain(marker);
    }
    for (const text of [queueText, digests, logs]) expect(text).not.toContain("Okapi-free-text");
    expect(digests).not.toContain(MARKER[3]);
    expect(logs).not.toContain(MARKER[3]);
  });
});
