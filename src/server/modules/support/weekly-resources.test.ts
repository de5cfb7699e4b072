import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CapturedMail, startSmtpCapture } from "../../test-support/smtp-capture.js";
import { Client, createTestApp, type TestApp } from "../../test-support/test-app.js";
import { sendWeeklyResources } from "./send-weekly-resources.js";
import { type SupportFixture, supportFixture } from "./support-fixture.js";

// A term from Monday 1 March 2027: America changes its clocks on 14 March, Europe on 28 March.
const TERM = { termStart: "2027-03-01", termEnd: "2027-05-23" };
const MARKER = "Quokka-goal: ask for the lead role";

let t: TestApp;
let f: SupportFixture;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let seen = 0;
async function delivered(): Promise<CapturedMail[]> {
  await t.runJobs();
  const fresh = smtp.messages.slice(seen);
  seen = smtp.messages.length;
  return fresh;
}
const at = (iso: string) => new Date(iso);
const resources = (mails: CapturedMail[]) =>
  mails
    .filter((m) => /^Week \d+: /.test(m.subject))
    .map((m) => `${m.to[0]} ${m.subject}`)
    .sort();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  f = await supportFixture(t, {
    ...TERM,
    people: [
      { email: "noor@example.org", name: "Noor Mentee", role: "mentee", timeZone: "Europe/Berlin" },
      { email: "ana@example.org", name: "Ana Mentee", role: "mentee", timeZone: "Europe/Berlin" },
      { email: "mo@example.org", name: "Mo Mentor", role: "mentor", timeZone: "America/New_York" },
      { email: "ben@example.org", name: "Ben Mentee", role: "mentee", timeZone: "Asia/Tokyo" },
      { email: "lea@example.org", name: "Lea Mentor", role: "mentor", timeZone: "Europe/London" },
    ],
    pairs: [
      ["noor@example.org", "mo@example.org"],
      ["ana@example.org", "mo@example.org"],
      ["ben@example.org", "lea@example.org"],
    ],
  });
  await f.people["noor@example.org"].post(`/api/relationships/${f.pairs["noor@example.org"]}/goals`, { title: MARKER });
  await delivered();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("weekly resource emails", () => {
  it("arrive at 08:00 on the week's first day in each person's zone, with their side's resource, once", async () => {
    expect(await sendWeeklyResources(t.ctx, at("2027-02-28T22:59:00Z"))).toBe(0);
    await sendWeeklyResources(t.ctx, at("2027-02-28T23:00:00Z")); // Tokyo, UTC+9
    expect(resources(await delivered())).toEqual(["ben@example.org Week 1: Introduce yourself beyond your job title"]);
    await sendWeeklyResources(t.ctx, at("2027-03-01T07:00:00Z")); // Berlin, UTC+1
    await sendWeeklyResources(t.ctx, at("2027-03-01T08:00:00Z")); // London
    expect(resources(await delivered())).toEqual([
      "ana@example.org Week 1: Introduce yourself beyond your job title",
      "lea@example.org Week 1: Make a first connection",
      "noor@example.org Week 1: Introduce yourself beyond your job title",
    ]);
    expect(await sendWeeklyResources(t.ctx, at("2027-03-01T12:59:00Z"))).toBe(0);
    // Mo mentors two mentees and gets the week's mentor resource once.
    expect(await sendWeeklyResources(t.ctx, at("2027-03-01T13:00:00Z"))).toBe(1);
    const [mo] = await delivered();
    expect(mo.to).toEqual(["mo@example.org"]);
    expect(mo.text).toContain("Share how you got into software");
    expect(mo.raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    expect(await sendWeeklyResources(t.ctx, at("2027-03-03T13:00:00Z"))).toBe(0);
  });

  it("keep 08:00 local across daylight-saving changes", async () => {
    await sendWeeklyResources(t.ctx, at("2027-03-22T11:59:00Z"));
    expect(resources(await delivered())).not.toContain("mo@example.org Week 4: Map where they are today");
    await sendWeeklyResources(t.ctx, at("2027-03-22T12:00:00Z")); // New York on summer time: UTC−4
    expect(resources(await delivered())).toContain("mo@example.org Week 4: Map where they are today");
    await sendWeeklyResources(t.ctx, at("2027-03-29T05:59:00Z"));
    expect(resources(await delivered()).filter((r) => r.startsWith("noor"))).toEqual([]);
    await sendWeeklyResources(t.ctx, at("2027-03-29T06:00:00Z")); // Berlin on summer time: UTC+2
    expect(resources(await delivered()).filter((r) => r.startsWith("noor"))).toEqual(["noor@example.org Week 5: List your options"]);
  });

  it("never go to a paused pair", async () => {
    const lea = f.people["lea@example.org"];
    expect((await lea.post(`/api/relationships/${f.pairs["ben@example.org"]}/pause`, {})).statusCode).toBe(200);
    await sendWeeklyResources(t.ctx, at("2027-04-05T12:00:00Z"));
    const week6 = resources(await delivered());
    expect(week6.filter((r) => r.startsWith("ben") || r.startsWith("lea"))).toEqual([]);
    expect(week6.filter((r) => r.startsWith("noor"))).toHaveLength(1);
    expect((await lea.post(`/api/relationships/${f.pairs["ben@example.org"]}/resume`, {})).statusCode).toBe(200);
  });

  it("stop for someone who unsubscribed with the email's link", async () => {
    await sendWeeklyResources(t.ctx, at("2027-04-12T12:00:00Z"));
    const mail = (await delivered()).find((m) => m.to[0] === "ana@example.org") as CapturedMail;
    const token = /\/unsubscribe\/([\w-]+\.[\w-]+)/.exec(mail.text)?.[1] as string;
    const res = await new Client(t.app).post(`/api/unsubscribe/${token}`);
    expect(res.json()).toEqual({ kind: "weekly_resource", label: "Weekly resources" });
    await sendWeeklyResources(t.ctx, at("2027-04-19T12:00:00Z"));
    const week8 = resources(await delivered());
    expect(week8.filter((r) => r.startsWith("ana"))).toEqual([]);
    expect(week8.filter((r) => r.startsWith("noor"))).toHaveLength(1);
  });

  it("never go after the term's last day", async () => {
    await sendWeeklyResources(t.ctx, at("2027-05-17T12:00:00Z"));
    expect(resources(await delivered()).filter((r) => r.startsWith("noor"))).toEqual(["noor@example.org Week 12: Plan what comes next"]);
    expect(await sendWeeklyResources(t.ctx, at("2027-05-24T12:00:00Z"))).toBe(0);
    expect(await sendWeeklyResources(t.ctx, at("2027-06-07T12:00:00Z"))).toBe(0);
  });

  it("carry the programme's words only, never the pair's", () => {
    const all = smtp.messages.map((m) => m.raw + m.text).join("\n") + t.logs.join("\n");
    expect(all).not.toContain(MARKER);
  });
});
