import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "../../../core/growth/notifications.js";
import { type CapturedMail, startSmtpCapture } from "../../test-support/smtp-capture.js";
import { Client, createTestApp, type TestApp } from "../../test-support/test-app.js";
import { sendAgendaReminders } from "./agenda-reminders.js";
import { sendFollowUpReminders } from "./follow-up-reminders.js";
import { session, shareAgenda, type TwoPairs, twoPairs } from "./growth-test-fixture.js";
import { sendMentorDigests } from "./mentor-digest.js";
import { sendWeeklyReflectionPrompts } from "./weekly-reflection-prompts.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const today = new Date().toISOString().slice(0, 10);
// The nudges arrive at moments in each person's own zone (Europe here), so the tests pick them:
/** Today at noon UTC: past 08:00 in London, Lisbon, Madrid and Berlin. */
const NOON = new Date(`${today}T12:00:00Z`);
/** The Thursday of the fixture's programme week 4 (which starts today), 16:00 UTC: after 15:00 in London and Madrid. */
const dayOffset = (weekday: number, from: number, span = 7) =>
  Array.from({ length: span }, (_, i) => from + i).find(
    (d) => (new Date(Date.parse(`${today}T00:00:00Z`) + d * DAY).getUTCDay() + 6) % 7 === weekday,
  ) as number;
const THURSDAY = new Date(Date.parse(`${today}T16:00:00Z`) + dayOffset(3, 0) * DAY);
/** The Monday between four days ago and two days ahead, 09:00 UTC: after 07:00 in Lisbon and Berlin, with Noor's next session in the week after it. */
const MONDAY = new Date(Date.parse(`${today}T09:00:00Z`) + dayOffset(0, -4) * DAY);
const SECRET = [
  "Walrus-agenda: my raise",
  "Walrus-goal: negotiate",
  "Walrus-reflection",
  "Walrus-item: draft the ask",
  "Walrus-swot: fear of conflict",
];

let t: TestApp;
let w: TwoPairs;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let noorSession: { id: string; startsAt: Date };

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  w = await twoPairs(t);
  await w.noor.post(`/api/relationships/${w.noorAndMo.id}/goals`, { title: SECRET[1] });
  await w.noor.post(`/api/relationships/${w.noorAndMo.id}/reflections`, { body: SECRET[2] });
  await w.noor.request("PUT", `/api/relationships/${w.noorAndMo.id}/swot`, {
    version: 0,
    strengths: [],
    weaknesses: [SECRET[4]],
    opportunities: [],
    threats: [],
  });
  const id = await session(w.noor, w.noorAndMo.id, 3);
  const s = (await w.noor.get(`/api/relationships/${w.noorAndMo.id}/sessions/${id}`)).json();
  noorSession = { id, startsAt: new Date(s.startsAt) };
  await t.runJobs();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Runs the queued mail and returns what was delivered since the last call. */
let seen = 0;
async function delivered(): Promise<CapturedMail[]> {
  await t.runJobs();
  const fresh = smtp.messages.slice(seen);
  seen = smtp.messages.length;
  return fresh;
}
/** A header's value, unfolded (long headers continue on indented lines). */
const header = (m: CapturedMail, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, "im").exec(m.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " "))?.[1]?.trim();

describe("the agenda reminder", () => {
  it("goes to the mentee, within their hours before a session without a shared agenda, once", async () => {
    await delivered();
    expect(await sendAgendaReminders(t.ctx, new Date(noorSession.startsAt.getTime() - 30 * HOUR))).toBe(0);
    expect(await sendAgendaReminders(t.ctx, new Date(noorSession.startsAt.getTime() - 20 * HOUR))).toBe(1);
    expect(await sendAgendaReminders(t.ctx, new Date(noorSession.startsAt.getTime() - 19 * HOUR))).toBe(0);
    const [mail, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(mail.to).toEqual(["noor@example.org"]);
    expect(mail.subject).toMatch(/agenda/i);
    expect(mail.text).toContain("Mo Mentor");
    expect(mail.text).toContain("(Europe/London)");
    expect(header(mail, "List-Unsubscribe")).toMatch(/^<http:\/\/grove\.test\/api\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("follows the mentee's own setting, and stops once the agenda is shared", async () => {
    const put = await w.noor.request("PUT", "/api/me/notifications", { agendaReminderHours: 48 });
    expect(put.json().agendaReminderHours).toBe(48);
    const later = await session(w.noor, w.noorAndMo.id, 6);
    const startsAt = new Date((await w.noor.get(`/api/relationships/${w.noorAndMo.id}/sessions/${later}`)).json().startsAt);
    await delivered();
    await shareAgenda(w.noor, w.noorAndMo.id, noorSession.id, SECRET[0]);
    expect(await sendAgendaReminders(t.ctx, new Date(startsAt.getTime() - 40 * HOUR))).toBe(1);
    const mails = await delivered();
    expect(mails.map((m) => m.to[0])).toEqual(["noor@example.org"]);
  });
});

describe("one-click unsubscribe", () => {
  let token: string;

  it("works without signing in, from the List-Unsubscribe header, as a mail client posts it", async () => {
    const later = await session(w.noor, w.noorAndMo.id, 9);
    const startsAt = new Date((await w.noor.get(`/api/relationships/${w.noorAndMo.id}/sessions/${later}`)).json().startsAt);
    await delivered();
    await sendAgendaReminders(t.ctx, new Date(startsAt.getTime() - HOUR));
    const [mail] = await delivered();
    const url = header(mail, "List-Unsubscribe")?.slice(1, -1) as string;
    token = url.split("/").pop() as string;
    expect(mail.text).toContain(`http://grove.test/unsubscribe/${token}`);
    const res = await t.app.inject({
      method: "POST",
      url: new URL(url).pathname,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ kind: "agenda_reminder", label: "Agenda reminders" });
    // The link works without signing in, so it is a secret: request logs show it redacted.
    expect(t.logs.join("\n")).not.toContain(token);
    const settings = (await w.noor.get("/api/me/notifications")).json();
    expect(settings.kinds.find((k: { kind: string }) => k.kind === "agenda_reminder").enabled).toBe(false);
    // Only that one kind went off: every other kind (mentoring's and coaching's) stays on.
    expect(settings.kinds.filter((k: { enabled: boolean }) => k.enabled)).toHaveLength(NOTIFICATION_KINDS.length - 1);
    // Again is fine, and nothing more is sent of that kind.
    expect((await new Client(t.app).post(`/api/unsubscribe/${token}`)).statusCode).toBe(200);
    const next = await session(w.noor, w.noorAndMo.id, 12);
    const at = new Date((await w.noor.get(`/api/relationships/${w.noorAndMo.id}/sessions/${next}`)).json().startsAt);
    expect(await sendAgendaReminders(t.ctx, new Date(at.getTime() - HOUR))).toBe(0);
  });

  it("refuses a forged or altered token", async () => {
    const [payload, signature] = token.split(".");
    const bytes = Buffer.from(payload, "base64url");
    bytes[16] = 3; // the mentor digest instead of agenda reminders
    const otherKind = bytes.toString("base64url");
    const anon = new Client(t.app);
    for (const bad of [`${otherKind}.${signature}`, `${payload}.${"A".repeat(signature.length)}`, "not-a-token-at-all"]) {
      const res = await anon.post(`/api/unsubscribe/${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe("invalid_token");
    }
  });
});

describe("the follow-up reminder", () => {
  it("tells the mentee about their own overdue action items, once per newly overdue item", async () => {
    const items = `/api/relationships/${w.noorAndMo.id}/action-items`;
    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10);
    await w.noor.post(items, { title: SECRET[3], owner: "mentee", dueOn: yesterday });
    await w.noor.post(items, { title: "Mentor's homework", owner: "mentor", dueOn: yesterday });
    await w.lea.post(`/api/relationships/${w.benAndLea.id}/action-items`, { title: "Lea's own", owner: "mentor", dueOn: yesterday });
    await delivered();
    // Before 08:00 in London nothing goes; from then, once.
    expect(await sendFollowUpReminders(t.ctx, new Date(`${today}T06:59:00Z`))).toBe(0);
    expect(await sendFollowUpReminders(t.ctx, NOON)).toBe(1);
    expect(await sendFollowUpReminders(t.ctx, NOON)).toBe(0);
    const [mail, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(mail.to).toEqual(["noor@example.org"]);
    expect(mail.text).toContain("1 open action item past the due date");
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("does not come back for the same overdue items once the sent job is pruned", async () => {
    // The nightly prune deletes jobs completed two weeks ago, and with them the dedupe key.
    await t.ctx.db.execute(sql`delete from jobs where dedupe_key like 'nudge:follow-up:%'`);
    const in16Days = new Date(NOON.getTime() + 16 * DAY);
    expect(await sendFollowUpReminders(t.ctx, in16Days)).toBe(0);
    // Another item falling overdue still brings a reminder (counting every overdue item).
    const in15Days = new Date(Date.now() + 15 * 24 * HOUR).toISOString().slice(0, 10);
    await w.noor.post(`/api/relationships/${w.noorAndMo.id}/action-items`, { title: "Book the talk", owner: "mentee", dueOn: in15Days });
    expect(await sendFollowUpReminders(t.ctx, in16Days)).toBe(1);
    const [mail] = (await delivered()).filter((m) => m.subject.includes("past due"));
    expect(mail.text).toContain("2 open action items past the due date");
  });
});

describe("the weekly reflection prompt", () => {
  it("goes to mentees who have not reflected this week, in pairs that are meeting, once a week", async () => {
    await delivered();
    // Noor reflected this week already; Ben has not.
    expect(await sendWeeklyReflectionPrompts(t.ctx, new Date(THURSDAY.getTime() - 4 * HOUR))).toBe(0); // 12:00 UTC: not yet 15:00 in Madrid, even in summer
    expect(await sendWeeklyReflectionPrompts(t.ctx, THURSDAY)).toBe(1);
    expect(await sendWeeklyReflectionPrompts(t.ctx, THURSDAY)).toBe(0);
    const [mail] = await delivered();
    expect(mail.to).toEqual(["ben@example.org"]);
    expect(mail.subject).toBe("Week 4: a question to reflect on");
    expect(mail.text).toContain("stays private unless you choose to share it");
  });

  it("stops while a pair is paused", async () => {
    expect((await w.lea.post(`/api/relationships/${w.benAndLea.id}/pause`, {})).statusCode).toBe(200);
    const nextWeek = new Date(THURSDAY.getTime() + 7 * DAY);
    expect(await sendWeeklyReflectionPrompts(t.ctx, nextWeek)).toBe(1); // Noor, in her new week
    const prompts = (await delivered()).filter((m) => m.subject.includes("a question to reflect on"));
    expect(prompts.map((m) => m.to[0])).toEqual(["noor@example.org"]);
    expect((await w.lea.post(`/api/relationships/${w.benAndLea.id}/resume`, {})).statusCode).toBe(200);
  });
});

describe("the mentor's weekly digest", () => {
  it("lists each mentee's next session and counts shared agendas, once a week", async () => {
    await delivered();
    expect(await sendMentorDigests(t.ctx, new Date(MONDAY.getTime() - 5 * HOUR))).toBe(0); // 04:00 UTC: before 07:00 in Lisbon and Berlin, even in summer
    expect(await sendMentorDigests(t.ctx, MONDAY)).toBe(2);
    expect(await sendMentorDigests(t.ctx, MONDAY)).toBe(0);
    const mails = await delivered();
    const mo = mails.find((m) => m.to[0] === "mo@example.org") as CapturedMail;
    expect(mo.subject).toBe("Your week: 1 agenda shared with you");
    // (The capture decodes bytes one by one, so the dash before "agenda" is matched loosely.)
    expect(mo.text).toMatch(/Noor Mentee: next session .* at 10:00 \(Europe\/Lisbon\) .+ agenda shared, ready to read/);
    const lea = mails.find((m) => m.to[0] === "lea@example.org") as CapturedMail;
    expect(lea.text).toContain("Ben Mentee: no session booked");
    expect(header(lea, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });
});

describe("essential mail and privacy", () => {
  it("session invitations arrive even with every non-essential kind switched off", async () => {
    const off = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, false]));
    const put = await w.noor.request("PUT", "/api/me/notifications", { enabled: off });
    expect(put.json().kinds.every((k: { enabled: boolean }) => !k.enabled)).toBe(true);
    await delivered();
    await session(w.mo, w.noorAndMo.id, 15);
    const mails = await delivered();
    expect(mails.map((m) => m.to[0]).sort()).toEqual(["mo@example.org", "noor@example.org"]);
    expect(await sendWeeklyReflectionPrompts(t.ctx, new Date(THURSDAY.getTime() + 14 * DAY))).toBe(1); // Ben only
  });

  it("settings are validated", async () => {
    expect((await w.noor.request("PUT", "/api/me/notifications", { agendaReminderHours: 0 })).statusCode).toBe(400);
    expect((await w.noor.request("PUT", "/api/me/notifications", { enabled: { invitations: false } })).statusCode).toBe(400);
    expect((await new Client(t.app).get("/api/me/notifications")).statusCode).toBe(401);
  });

  it("no email and no log line carries what the pair wrote", async () => {
    await delivered();
    const everything = smtp.messages.map((m) => m.raw + m.text).join("\n") + t.logs.join("\n");
    for (const secret of SECRET) expect(everything).not.toContain(secret);
  });
});
