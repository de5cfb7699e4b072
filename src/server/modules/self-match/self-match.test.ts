import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../../platform/jobs/queue.js";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { type Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { createPair } from "../relationships/create-pair.js";
import { endPair } from "../relationships/end-pair.js";
import { messageFor, selfMatchProgramme } from "./self-match-fixture.js";
import { matchRequests } from "./tables.js";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let admin: Client;
let people: Record<string, Client>;
let ids: Record<string, string>;
let programmeId: string;
let outsider: Client;

// Kim manages Noor; Lu speaks only Japanese; Zed pauses; Tao was paired with Ria before.
const rows = [
  "mo@example.org,Mo Mentor,mentor,12,Go:5;Kubernetes:4,technical skills;career development,,Europe/Lisbon,English,2,",
  "ria@example.org,Ria Mentor,mentor,9,React:5;TypeScript:5,technical skills,,America/Sao_Paulo,English;Portuguese,2,",
  "kim@example.org,Kim Manager,mentor,20,Go:5,career development,,Europe/London,English,3,",
  "lu@example.org,Lu Mentor,mentor,10,Go:5,technical skills,,Asia/Tokyo,Japanese,2,",
  "zed@example.org,Zed Mentor,mentor,8,Go:4,technical skills,,Europe/Berlin,English,1,",
  "sam@example.org,Sam Mentor,mentor,6,Go:3,technical skills,,Europe/Paris,English,1,",
  "noor@example.org,Noor Mentee,mentee,2,Go:2;Kubernetes:1,,technical skills,Europe/London,English,,kim@example.org",
  "ben@example.org,Ben Mentee,mentee,1,Go:1,,technical skills,Europe/Madrid,English,,",
  "ana@example.org,Ana Mentee,mentee,1,React:2,,technical skills,America/Sao_Paulo,Portuguese;English,,",
  "tao@example.org,Tao Mentee,mentee,3,Go:2,,technical skills,Europe/Berlin,English,,",
];

const url = () => `/api/programmes/${programmeId}`;
const browse = (who: string, query = "") => people[who].get(`${url()}/mentors${query}`);
const request = (who: string, mentor: string, message = messageFor(who, mentor)) =>
  people[who].post(`${url()}/match-requests`, { mentorEnrolmentId: ids[mentor], message });
const sent = (who: string) => people[who].get(`${url()}/match-requests?box=sent`);
const received = (who: string) => people[who].get(`${url()}/match-requests?box=received`);
/** Mail since the last mark: each test looks at what its own steps sent, while every message stays for the privacy check. */
let mark = 0;
const mailTo = (email: string) => smtp.messages.slice(mark).filter((m) => m.to.includes(email));

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  admin = await setUpAdmin(t.app);
  const setup = await selfMatchProgramme(t, admin, "Self match", rows, { requestLimit: 2 });
  ({ people, programmeId } = setup);
  ids = setup.enrolmentIds;
  outsider = await createUserClient(t.app, admin, "eve@example.org", "Eve Outsider");
  expect((await people["zed@example.org"].patch(`${url()}/my-enrolment`, { paused: true })).statusCode).toBe(200);
  // Tao and Ria worked together before (a pair that ended): Ria is not offered to Tao again.
  await t.ctx.db.transaction(async (tx) => {
    const pair = await createPair(tx, {
      programmeId,
      menteeEnrolmentId: ids["tao@example.org"],
      mentorEnrolmentId: ids["ria@example.org"],
      status: "active",
      origin: "manual",
    });
    await endPair(tx, { relationshipId: pair.id, endedBy: pair.mentorUserId, category: "fit" });
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("when mentees may request mentors", () => {
  it("only in a self-match programme that is matching or running; 409 with a clear message otherwise", async () => {
    const { programme, people: other } = await programmeWithPool(t.app, admin, "Round based", [
      "gus@example.org,Gus Mentor,mentor,9,Go:5,technical skills,,Europe/Lisbon,English,2,",
      "gina@example.org,Gina Mentee,mentee,1,Go:1,,technical skills,Europe/Lisbon,English,,",
    ]);
    const gina = other["gina@example.org"];
    const off = await gina.get(`/api/programmes/${programme.id}/mentors`);
    expect(off.statusCode).toBe(409);
    expect(off.json().error).toMatchObject({ code: "self_match_off" });
    expect((await admin.patch(`/api/programmes/${programme.id}`, { version: programme.version, matchMode: "self" })).statusCode).toBe(200);
    const closed = await gina.get(`/api/programmes/${programme.id}/mentors`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("self_match_closed");
    expect(closed.json().error.message).toMatch(/matching or running.*still being designed/);
  });

  it("only for approved mentees: mentors and coordinators get 403, outsiders 404", async () => {
    expect((await browse("mo@example.org")).statusCode).toBe(403);
    expect((await admin.get(`${url()}/mentors`)).statusCode).toBe(403);
    expect((await outsider.get(`${url()}/mentors`)).statusCode).toBe(404);
    expect(
      (await outsider.post(`${url()}/match-requests`, { mentorEnrolmentId: ids["mo@example.org"], message: "x".repeat(30) })).statusCode,
    ).toBe(404);
  });
});

describe("browsing mentors", () => {
  it("ranks the mentors a mentee may ask, best fit first, with reasons written to them", async () => {
    const res = await browse("noor@example.org");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const names = body.items.map((m: { name: string }) => m.name);
    // Kim is Noor's manager, Lu shares no language, Zed is paused.
    expect(names).not.toContain("Kim Manager");
    expect(names).not.toContain("Lu Mentor");
    expect(names).not.toContain("Zed Mentor");
    expect(names).toContain("Mo Mentor");
    expect(body).toMatchObject({ total: names.length, requestLimit: 2, pendingRequests: 0, requestExpiryDays: 7 });
    const scores = body.items.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Mo offers Go and Kubernetes ahead of Noor: the best fit.
    expect(names[0]).toBe("Mo Mentor");
    const mo = body.items[0];
    expect(mo.reasons.length).toBeGreaterThanOrEqual(2);
    expect(mo.reasons.join(" ")).toMatch(/you/);
    expect(mo.reasons.join(" ")).not.toMatch(/the mentee/);
    expect(mo).toMatchObject({ placesLeft: 2, myRequest: null });
    expect(mo.profile).toEqual({
      skills: [
        { name: "Go", level: 5 },
        { name: "Kubernetes", level: 4 },
      ],
      areas: ["technical skills", "career development"],
      yearsExperience: 12,
      timezone: "Europe/Lisbon",
      languages: ["English"],
    });
    // Never the mentor's email, manager or capacity answer.
    expect(res.body).not.toMatch(/@example\.org/);
    expect(res.body).not.toMatch(/manager_email|"capacity"/);
  });

  it("leaves out a mentor the mentee was paired with before, and pages through the rest", async () => {
    const all = (await browse("tao@example.org")).json();
    expect(all.items.map((m: { name: string }) => m.name)).not.toContain("Ria Mentor");
    const first = (await browse("tao@example.org", "?limit=1&offset=0")).json();
    const second = (await browse("tao@example.org", "?limit=1&offset=1")).json();
    expect(first.items).toHaveLength(1);
    expect(second.items[0].name).toBe(all.items[1].name);
    expect(first.total).toBe(all.total);
  });
});

describe("requesting a mentor", () => {
  it("needs a message of 20 to 1000 characters saying why", async () => {
    const short = await request("noor@example.org", "mo@example.org", "Please mentor me!");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0]).toMatchObject({ path: ["message"] });
    expect((await request("noor@example.org", "mo@example.org", "x".repeat(1001))).statusCode).toBe(400);
  });

  it("sends the request, emails the mentor the message and a link, and shows it to the mentee", async () => {
    const res = await request("noor@example.org", "mo@example.org");
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: "pending",
      mentor: { name: "Mo Mentor" },
      message: messageFor("noor@example.org", "mo@example.org"),
    });
    const days = (Date.parse(body.expiresAt) - Date.parse(body.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    await t.runJobs();
    const [mail] = mailTo("mo@example.org");
    expect(mail.subject).toBe("Noor Mentee would like you as their mentor");
    expect(mail.text).toContain("[secret-noor-mo]");
    expect(mail.text).toContain(`http://grove.test/programmes/${programmeId}/requests`);
    const mine = (await sent("noor@example.org")).json();
    expect(mine).toMatchObject({ box: "sent", total: 1, pendingRequests: 1, requestLimit: 2 });
    const listed = (await browse("noor@example.org")).json().items.find((m: { name: string }) => m.name === "Mo Mentor");
    expect(listed.myRequest).toEqual({ id: body.id, status: "pending" });
  });

  it("refuses a second request to the same mentor, a paused one, a ruled-out one, and one past the limit", async () => {
    const again = await request("noor@example.org", "mo@example.org");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_requested");
    const paused = await request("noor@example.org", "zed@example.org");
    expect(paused.json().error.code).toBe("mentor_paused");
    const manager = await request("noor@example.org", "kim@example.org");
    expect(manager.json().error.code).toBe("mentor_not_available");
    const notAMentor = await request("noor@example.org", "ben@example.org");
    expect(notAMentor.statusCode).toBe(404);

    expect((await request("noor@example.org", "sam@example.org")).statusCode).toBe(201);
    const third = await request("noor@example.org", "ria@example.org");
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({ code: "request_limit", details: { limit: 2, pending: 2 } });
    expect(third.json().error.message).toMatch(/2 requests waiting at once/);
  });

  it("lets the mentee withdraw a pending request (the mentor is told) but not twice", async () => {
    const mine = (await sent("noor@example.org")).json();
    const toSam = mine.items.find((r: { mentor: { name: string } }) => r.mentor.name === "Sam Mentor");
    const res = await people["noor@example.org"].post(`/api/match-requests/${toSam.id}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("withdrawn");
    const again = await people["noor@example.org"].post(`/api/match-requests/${toSam.id}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("request_not_pending");
    await t.runJobs();
    expect(mailTo("sam@example.org").some((m) => /no longer open/.test(m.subject))).toBe(true);
    // Withdrawn requests no longer count: Noor can ask someone else now.
    expect((await request("noor@example.org", "ria@example.org")).statusCode).toBe(201);
  });
});

describe("the mentor's inbox", () => {
  it("lists requests with the mentee's public profile, message, score and reasons", async () => {
    const res = await received("mo@example.org");
    expect(res.statusCode).toBe(200);
    const inbox = res.json();
    expect(inbox).toMatchObject({ box: "received", total: 1, pendingRequests: 1, placesLeft: 2, paused: false });
    const [item] = inbox.items;
    expect(item).toMatchObject({
      status: "pending",
      mentee: { name: "Noor Mentee" },
      message: messageFor("noor@example.org", "mo@example.org"),
    });
    expect(item.score).toBeGreaterThan(0);
    expect(item.reasons.length).toBeGreaterThanOrEqual(1);
    expect(item.mentee.profile).toMatchObject({
      skills: [
        { name: "Go", level: 2 },
        { name: "Kubernetes", level: 1 },
      ],
      areas: ["technical skills"],
    });
    // Noor's manager and email stay hers.
    expect(res.body).not.toContain("kim@example.org");
    expect(res.body).not.toContain("noor@example.org");
  });

  it("declines with a reason the mentee reads; that mentor cannot be asked again", async () => {
    expect((await request("ben@example.org", "sam@example.org")).statusCode).toBe(201);
    const [req] = (await received("sam@example.org")).json().items.filter((r: { status: string }) => r.status === "pending");
    const noReason = await people["sam@example.org"].post(`/api/match-requests/${req.id}/decline`, { reason: "  " });
    expect(noReason.statusCode).toBe(400);
    const res = await people["sam@example.org"].post(`/api/match-requests/${req.id}/decline`, {
      reason: "I only have room for people working on Rust this term.",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "declined", declineReason: "I only have room for people working on Rust this term." });
    await t.runJobs();
    const mail = mailTo("ben@example.org").find((m) => /can't take your request/.test(m.subject));
    expect(mail?.text).toContain("I only have room for people working on Rust this term.");
    expect((await sent("ben@example.org")).json().items[0]).toMatchObject({
      status: "declined",
      declineReason: expect.stringContaining("Rust"),
    });
    const listed = (await browse("ben@example.org")).json().items.find((m: { name: string }) => m.name === "Sam Mentor");
    expect(listed.myRequest.status).toBe("declined");
    expect((await request("ben@example.org", "sam@example.org")).json().error.code).toBe("declined_before");
    const twice = await people["sam@example.org"].post(`/api/match-requests/${req.id}/accept`);
    expect(twice.json().error.code).toBe("request_not_pending");
  });

  it("accepting starts the pair, withdraws the mentee's other requests, and closes the mentor's others once full", async () => {
    // Ria has two places. Ana asks Ria and Mo; Ben asks Ria; Noor already asked Ria and Mo.
    expect((await request("ana@example.org", "ria@example.org")).statusCode).toBe(201);
    expect((await request("ana@example.org", "mo@example.org")).statusCode).toBe(201);
    expect((await request("ben@example.org", "ria@example.org")).statusCode).toBe(201);
    const inbox = (await received("ria@example.org")).json().items;
    const from = (name: string) => inbox.find((r: { mentee: { name: string } }) => r.mentee.name === name);
    mark = smtp.messages.length;

    // First place: Noor. Her request to Mo is withdrawn, Mo is told.
    const first = await people["ria@example.org"].post(`/api/match-requests/${from("Noor Mentee").id}/accept`);
    expect(first.statusCode).toBe(200);
    expect(first.json().request).toMatchObject({ status: "accepted", score: expect.any(Number) });
    const noorPairs = (await people["noor@example.org"].get("/api/relationships")).json();
    expect(noorPairs).toHaveLength(1);
    expect(noorPairs[0]).toMatchObject({
      id: first.json().relationshipId,
      status: "active",
      origin: "self_match",
      partner: { name: "Ria Mentor" },
    });
    expect(noorPairs[0].matchReasons.length).toBeGreaterThan(0);
    const noorSent = (await sent("noor@example.org")).json().items;
    expect(noorSent.find((r: { mentor: { name: string } }) => r.mentor.name === "Ria Mentor")).toMatchObject({
      status: "accepted",
      relationshipId: first.json().relationshipId,
    });
    expect(
      noorSent.find((r: { mentor: { name: string }; status: string }) => r.mentor.name === "Mo Mentor" && r.status !== "withdrawn"),
    ).toBeUndefined();
    expect(noorSent.find((r: { mentor: { name: string } }) => r.mentor.name === "Mo Mentor").closedReason).toBe(
      "The mentee was matched with another mentor.",
    );

    // Last place: Ana. Ria is now full, so Ben's request to Ria is closed and Ben is told.
    const second = await people["ria@example.org"].post(`/api/match-requests/${from("Ana Mentee").id}/accept`);
    expect(second.statusCode).toBe(200);
    const benToRia = (await sent("ben@example.org")).json().items.find((r: { mentor: { name: string } }) => r.mentor.name === "Ria Mentor");
    expect(benToRia).toMatchObject({ status: "closed", closedReason: "The mentor has no places left." });
    const late = await people["ria@example.org"].post(`/api/match-requests/${from("Ben Mentee").id}/accept`);
    expect(late.statusCode).toBe(409);

    await t.runJobs();
    expect(mailTo("noor@example.org").map((m) => m.subject)).toContain("Ria Mentor accepted your request");
    expect(mailTo("mo@example.org").filter((m) => /no longer open/.test(m.subject))).toHaveLength(2);
    expect(mailTo("ben@example.org").map((m) => m.subject)).toContain("Ria Mentor has no places left");
    // A matched mentee no longer browses or requests.
    expect((await browse("noor@example.org")).json().error.code).toBe("mentee_already_matched");
    expect((await request("noor@example.org", "sam@example.org")).json().error.code).toBe("mentee_already_matched");
  });
});

describe("pairs made another way", () => {
  it("withdraw the mentee's waiting requests when the coordinator pairs them by hand, and tell those mentors", async () => {
    const asked = await request("ben@example.org", "kim@example.org");
    expect(asked.statusCode, asked.body).toBe(201);
    mark = smtp.messages.length;
    const byHand = await admin.post(`${url()}/relationships`, {
      menteeEnrolmentId: ids["ben@example.org"],
      mentorEnrolmentId: ids["mo@example.org"],
    });
    expect(byHand.statusCode, byHand.body).toBe(201);
    const toKim = (await sent("ben@example.org")).json().items.find((r: { mentor: { name: string } }) => r.mentor.name === "Kim Manager");
    expect(toKim).toMatchObject({ status: "withdrawn", closedReason: "The mentee was matched with another mentor." });
    expect((await received("kim@example.org")).json().pendingRequests).toBe(0);
    await t.runJobs();
    expect(mailTo("kim@example.org").filter((m) => /no longer open/.test(m.subject))).toHaveLength(1);
  });
});

describe("expiry", () => {
  it("an answer after the expiry is refused; the job marks it expired and tells both people", async () => {
    const res = await request("tao@example.org", "mo@example.org");
    expect(res.statusCode).toBe(201);
    await t.ctx.db.update(matchRequests).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(matchRequests.id, res.json().id));
    const late = await people["mo@example.org"].post(`/api/match-requests/${res.json().id}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "request_expired", message: expect.stringMatching(/expired/) });
    // Shown as expired at once, and no longer counted against the limit.
    expect((await sent("tao@example.org")).json()).toMatchObject({ pendingRequests: 0, items: [{ status: "expired" }] });

    await t.runJobs();
    mark = smtp.messages.length;
    await enqueue(t.ctx.db, "self-match.expire", {});
    await t.runJobs();
    const [row] = await t.ctx.db.select().from(matchRequests).where(eq(matchRequests.id, res.json().id));
    expect(row.status).toBe("expired");
    expect(mailTo("tao@example.org").map((m) => m.subject)).toEqual(["Your request to Mo Mentor expired"]);
    expect(mailTo("mo@example.org").map((m) => m.subject)).toEqual(["Tao Mentee's request has lapsed"]);
    // The mentee may ask again.
    expect((await request("tao@example.org", "mo@example.org")).statusCode).toBe(201);
  });
});

describe("privacy of request messages", () => {
  it("only the mentee who wrote it and the mentor it was sent to can read a message", async () => {
    const secret = "[secret-ana-mo]";
    expect((await sent("ana@example.org")).body).toContain(secret);
    expect((await received("mo@example.org")).body).toContain(secret);
    for (const [who, res] of [
      ["another mentor", await received("kim@example.org")],
      ["another mentee", await sent("ben@example.org")],
      ["the coordinator's summary", await admin.get(`${url()}/match-requests/summary`)],
    ] as const) {
      expect(res.body, who).not.toContain(secret);
    }
    expect((await admin.get(`${url()}/match-requests/summary`)).body).not.toContain("[secret-");
    // The coordinator (here the instance admin) and outsiders have no box at all.
    expect((await admin.get(`${url()}/match-requests?box=received`)).statusCode).toBe(403);
    expect((await outsider.get(`${url()}/match-requests?box=sent`)).statusCode).toBe(404);
  });

  it("nobody but the request's two people can act on it: 404, the same as an unknown id", async () => {
    const toMo = (await sent("tao@example.org")).json().items.find((r: { status: string }) => r.status === "pending");
    for (const client of [people["sam@example.org"], people["ben@example.org"], admin, outsider]) {
      for (const action of ["accept", "withdraw"]) {
        const res = await client.post(`/api/match-requests/${toMo.id}/${action}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain("[secret-");
      }
      expect((await client.post(`/api/match-requests/${toMo.id}/decline`, { reason: "no" })).statusCode).toBe(404);
    }
    // A mentor cannot withdraw, a mentee cannot accept their own request.
    expect((await people["mo@example.org"].post(`/api/match-requests/${toMo.id}/withdraw`)).statusCode).toBe(404);
    expect((await people["tao@example.org"].post(`/api/match-requests/${toMo.id}/accept`)).statusCode).toBe(404);
  });

  it("no log line carries a message or a decline reason; email subjects carry neither", async () => {
    const logs = t.logs.join("\n");
    expect(logs).not.toContain("[secret-");
    expect(logs).not.toContain("Rust this term");
    expect(logs).toContain("match request sent");
    for (const m of smtp.messages) expect(m.subject).not.toContain("[secret-");
  });

  it("a message is emailed to the mentor it was sent to and nobody else; a decline reason only to that mentee", async () => {
    await t.runJobs();
    expect(smtp.messages.length).toBeGreaterThan(15);
    let seen = 0;
    for (const m of smtp.messages) {
      for (const [, mentor] of m.text.matchAll(/\[secret-[a-z]+-([a-z]+)\]/g)) {
        expect(m.to, m.subject).toEqual([`${mentor}@example.org`]);
        expect(m.subject).toMatch(/would like you as their mentor/);
        seen++;
      }
      if (m.text.includes("Rust this term")) expect(m.to).toEqual(["ben@example.org"]);
    }
    expect(seen).toBeGreaterThanOrEqual(8);
  });
});

describe("the coordinator's summary", () => {
  it("counts requests by status and lists unanswered ones, with names and ages only", async () => {
    // One of Tao's requests has waited five of its seven days.
    const pending = (await sent("tao@example.org")).json().items.find((r: { status: string }) => r.status === "pending");
    await t.ctx.db
      .update(matchRequests)
      .set({ createdAt: sql`now() - interval '5 days'`, expiresAt: sql`now() + interval '2 days'` })
      .where(eq(matchRequests.id, pending.id));
    const res = await admin.get(`${url()}/match-requests/summary`);
    expect(res.statusCode).toBe(200);
    const summary = res.json();
    const rowsNow = await t.ctx.db.select().from(matchRequests).where(eq(matchRequests.programmeId, programmeId));
    const expected = { pending: 0, accepted: 0, declined: 0, withdrawn: 0, expired: 0, closed: 0 } as Record<string, number>;
    for (const r of rowsNow) expected[r.status]++;
    expect(summary.counts).toEqual(expected);
    expect(summary.counts).toMatchObject({ accepted: 2, declined: 1, closed: 1, expired: 1 });
    expect(summary.oldestPendingDays).toBeCloseTo(5, 0);
    expect(summary.unansweredTotal).toBe(1);
    expect(summary.unanswered[0]).toMatchObject({ mentee: { name: "Tao Mentee" }, mentor: { name: "Mo Mentor" } });
    expect(summary.unanswered[0].ageDays).toBeCloseTo(5, 0);
    expect(Object.keys(summary.unanswered[0]).sort()).toEqual(["ageDays", "createdAt", "expiresAt", "id", "mentee", "mentor"]);
    // Participants do not get the summary.
    expect((await people["mo@example.org"].get(`${url()}/match-requests/summary`)).statusCode).toBe(403);
  });
});
