import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { type CapturedMail, startSmtpCapture } from "../../test-support/smtp-capture.js";
import { Client, createTestApp, createUserClient, type TestApp } from "../../test-support/test-app.js";
import { type SupportFixture, supportFixture } from "../support/support-fixture.js";
import { answerSurvey } from "./answer-survey.js";
import { dispatchSurveys } from "./dispatch-surveys.js";
import { readSurveyLink } from "./read-survey-link.js";

// A 12-week term across both daylight-saving changes of 2027: America moves on 14 March,
// Europe on 28 March. Everyone is in their own zone.
const TERM = { termStart: "2027-03-01", termEnd: "2027-05-23" };
const PEOPLE = [
  { email: "noor@example.org", name: "Noor Mentee", role: "mentee", timeZone: "Europe/Berlin" },
  { email: "mo@example.org", name: "Mo Mentor", role: "mentor", timeZone: "America/New_York" },
  { email: "ben@example.org", name: "Ben Mentee", role: "mentee", timeZone: "Asia/Tokyo" },
  { email: "lea@example.org", name: "Lea Mentor", role: "mentor", timeZone: "Europe/London" },
  { email: "ana@example.org", name: "Ana Mentee", role: "mentee", timeZone: "Asia/Kolkata" },
  { email: "ola@example.org", name: "Ola Mentor", role: "mentor", timeZone: "Pacific/Auckland" },
] as const;
// Words only a pair writes: none of them may reach a result, an export, an email or a log line.
const MARKER = ["Zebra-agenda: my promotion", "Zebra-goal: lead the guild", "Zebra-reflection: I froze"];

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
const tokenIn = (mail: CapturedMail) => /http:\/\/grove\.test\/s\/([\w-]+)/.exec(mail.text)?.[1] as string;
const surveysOf = async () =>
  (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys`)).json().items as { id: string; title: string }[];
const surveyId = async (title: string) => (await surveysOf()).find((s) => s.title === title)?.id as string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  f = await supportFixture(t, {
    ...TERM,
    people: [...PEOPLE],
    pairs: [
      ["noor@example.org", "mo@example.org"],
      ["ben@example.org", "lea@example.org"],
      ["ana@example.org", "ola@example.org"],
    ],
  });
  const noor = f.people["noor@example.org"];
  const pair = f.pairs["noor@example.org"];
  await noor.post(`/api/relationships/${pair}/goals`, { title: MARKER[1] });
  await noor.post(`/api/relationships/${pair}/reflections`, { body: MARKER[2] });
  const s = await noor.post(`/api/relationships/${pair}/sessions`, {
    date: "2027-03-10",
    startTime: "10:00",
    endTime: "11:00",
    timeZone: "Europe/Berlin",
  });
  const sessionId = s.json().sessions[0].id;
  await noor.request("PUT", `/api/relationships/${pair}/sessions/${sessionId}/agenda`, { version: 0, sections: { check_in: MARKER[0] } });
  await delivered();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("default surveys", () => {
  it("a new mentoring programme has the pulse, mid-point and end surveys switched on; a coaching one its end survey", async () => {
    const titles = (await surveysOf()).map((s) => s.title).sort();
    expect(titles).toEqual(["End of programme", "Fortnightly pulse", "Mid-point check"]);
    const coaching = (await f.admin.post("/api/programmes", { name: "Coaching", type: "coaching" })).json();
    const items = (await f.admin.get(`/api/programmes/${coaching.id}/surveys`)).json().items;
    expect(items).toMatchObject([
      { title: "End of coaching", status: "active", audiences: ["coachees"], scheduleText: "When each pair finishes" },
    ]);
  });
});

describe("the pulse goes out at 08:00 on its programme week, in each person's own time zone", () => {
  const pulse = "Fortnightly pulse: a few questions from Support";
  const to = (mails: CapturedMail[]) =>
    mails
      .filter((m) => m.subject === pulse)
      .map((m) => m.to[0])
      .sort();

  it("week 2 (8 March): Auckland first, then Tokyo, Kolkata, Berlin, London and New York as their mornings come", async () => {
    expect((await dispatchSurveys(t.ctx, at("2027-03-07T18:59:00Z"))).invited).toBe(0);
    expect((await dispatchSurveys(t.ctx, at("2027-03-07T19:00:00Z"))).invited).toBe(1); // 08:00 Monday in Auckland (UTC+13)
    expect(to(await delivered())).toEqual(["ola@example.org"]);
    expect((await dispatchSurveys(t.ctx, at("2027-03-07T22:59:00Z"))).invited).toBe(0);
    await dispatchSurveys(t.ctx, at("2027-03-07T23:00:00Z")); // Tokyo, UTC+9
    expect(to(await delivered())).toEqual(["ben@example.org"]);
    await dispatchSurveys(t.ctx, at("2027-03-08T02:30:00Z")); // Kolkata, UTC+5:30
    expect(to(await delivered())).toEqual(["ana@example.org"]);
    await dispatchSurveys(t.ctx, at("2027-03-08T07:00:00Z")); // Berlin, UTC+1 in winter
    await dispatchSurveys(t.ctx, at("2027-03-08T08:00:00Z")); // London, UTC+0
    expect(to(await delivered())).toEqual(["lea@example.org", "noor@example.org"]);
    expect((await dispatchSurveys(t.ctx, at("2027-03-08T12:59:00Z"))).invited).toBe(0);
    await dispatchSurveys(t.ctx, at("2027-03-08T13:00:00Z")); // New York, UTC−5 before 14 March
    expect(to(await delivered())).toEqual(["mo@example.org"]);
    // A rerun, or a second process, asks nobody twice.
    expect((await dispatchSurveys(t.ctx, at("2027-03-08T20:00:00Z"))).invited).toBe(0);
  });

  it("week 4 (22 March): New York has moved to summer time, so its 08:00 is an hour earlier in UTC", async () => {
    await dispatchSurveys(t.ctx, at("2027-03-22T11:59:00Z"));
    expect(to(await delivered())).not.toContain("mo@example.org");
    await dispatchSurveys(t.ctx, at("2027-03-22T12:00:00Z"));
    expect(to(await delivered())).toContain("mo@example.org");
  });

  it("week 6 (5 April): Europe has moved too — Berlin at 06:00 UTC, London at 07:00 UTC", async () => {
    await dispatchSurveys(t.ctx, at("2027-04-05T05:59:00Z"));
    expect(to(await delivered())).not.toContain("noor@example.org");
    await dispatchSurveys(t.ctx, at("2027-04-05T06:00:00Z"));
    expect(to(await delivered())).toContain("noor@example.org");
    await dispatchSurveys(t.ctx, at("2027-04-05T07:00:00Z"));
    expect(to(await delivered())).toContain("lea@example.org");
  });

  it("the email names the pair, says who sees the answers and carries the one-click link", async () => {
    await dispatchSurveys(t.ctx, at("2027-04-19T07:00:00Z")); // week 8 for Berlin
    const mail = (await delivered()).find((m) => m.to[0] === "noor@example.org") as CapturedMail;
    expect(mail.text).toContain("It is about your time with Mo Mentor.");
    expect(mail.text).toContain("Your coordinator will see your name with your answers");
    expect(tokenIn(mail)).toMatch(/^[\w-]{48}$/);
    expect(mail.raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });

  it("reminds once, after three days and not before 08:00 where the person is, unless answered", async () => {
    // Noor's week-8 invitation went out on 19 April; the reminder is due from 22 April, 08:00 Berlin (06:00 UTC).
    expect((await dispatchSurveys(t.ctx, at("2027-04-22T05:30:00Z"))).reminded).toBe(0);
    const { reminded } = await dispatchSurveys(t.ctx, at("2027-04-22T07:30:00Z"));
    expect(reminded).toBeGreaterThan(0);
    const mails = (await delivered()).filter((m) => m.subject === "Reminder: Fortnightly pulse");
    expect(mails.map((m) => m.to[0])).toContain("noor@example.org");
    expect(mails.find((m) => m.to[0] === "noor@example.org")?.text).toContain("This is the only reminder.");
    expect((await dispatchSurveys(t.ctx, at("2027-04-23T07:30:00Z"))).reminded).toBe(0);
  });
});

describe("answering through the one-click link", () => {
  let token: string;
  let pulseId: string;

  beforeAll(async () => {
    pulseId = await surveyId("Fortnightly pulse");
    const sent = await f.coordinator.post(`/api/programmes/${f.programme.id}/surveys/${pulseId}/send`);
    expect(sent.json().invited).toBe(6);
    const mail = (await delivered()).find(
      (m) => m.to[0] === "noor@example.org" && m.subject.startsWith("Fortnightly pulse"),
    ) as CapturedMail;
    token = tokenIn(mail);
  });

  it("shows the survey without signing in, saying who will see the answers", async () => {
    const res = await new Client(t.app).get(`/api/survey-links/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: "open",
      programme: { name: "Support" },
      title: "Fortnightly pulse",
      anonymous: false,
      about: "Mo Mentor",
      privacyNote: expect.stringContaining("Your coordinators will see your name"),
    });
    expect(res.json().questions.map((q: { id: string }) => q.id)).toEqual(["going", "tell_us"]);
  });

  it("lists it under the person's own surveys in the app", async () => {
    const mine = (await f.people["noor@example.org"].get("/api/me/surveys")).json().items;
    expect(mine.map((s: { path: string }) => s.path)).toContain(`/s/${token}`);
  });

  it("refuses bad answers with the question they are about, storing nothing", async () => {
    const res = await new Client(t.app).post(`/api/survey-links/${token}/response`, { answers: { going: 9 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([{ path: ["answers", "going"], message: "Choose a whole number from 1 to 5." }]);
    const [{ n }] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from survey_responses`);
    expect(n).toBe(0);
  });

  it("refuses a link opened by someone else who is signed in", async () => {
    const res = await f.people["ben@example.org"].post(`/api/survey-links/${token}/response`, { answers: { going: 4 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("not_your_link");
  });

  it("refuses an altered link as not valid", async () => {
    const later = Buffer.from(token, "base64url");
    later.writeUInt32BE(later.readUInt32BE(16) + 86_400, 16);
    const forged = Buffer.from(token, "base64url");
    forged[35] ^= 1;
    for (const bad of [later.toString("base64url"), forged.toString("base64url")]) {
      const res = await new Client(t.app).get(`/api/survey-links/${bad}`);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json().error.code).toBe("invalid_link");
    }
  });

  it("takes the answers once; the link is spent after", async () => {
    const anon = new Client(t.app);
    const res = await anon.post(`/api/survey-links/${token}/response`, { answers: { going: 2, tell_us: "We keep rescheduling" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ state: "answered" });
    const again = await anon.post(`/api/survey-links/${token}/response`, { answers: { going: 5 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_answered");
    expect((await anon.get(`/api/survey-links/${token}`)).json()).toMatchObject({ state: "answered", questions: [] });
    expect((await f.people["noor@example.org"].get("/api/me/surveys")).json().items.map((s: { path: string }) => s.path)).not.toContain(
      `/s/${token}`,
    );
  });

  it("is closed once its window has passed", async () => {
    const later = at("2030-01-01T00:00:00Z");
    const bens = tokenIn(
      smtp.messages.filter((m) => m.to[0] === "ben@example.org" && m.subject.startsWith("Fortnightly pulse")).at(-1) as CapturedMail,
    );
    expect((await readSurveyLink(t.ctx.db, bens, null, later)).state).toBe("closed");
    await expect(answerSurvey(t.ctx, bens, null, { going: 4 }, later)).rejects.toMatchObject({ status: 409, code: "survey_closed" });
  });

  it("the token never reaches a log line", () => {
    expect(t.logs.join("\n")).not.toContain(token);
  });
});

describe("results", () => {
  let pulseId: string;
  beforeAll(async () => {
    pulseId = await surveyId("Fortnightly pulse");
    for (const [email, going] of [
      ["mo@example.org", 4],
      ["lea@example.org", 5],
    ] as const) {
      const mail = smtp.messages.filter((m) => m.to[0] === email && m.subject.startsWith("Fortnightly pulse")).at(-1) as CapturedMail;
      expect((await new Client(t.app).post(`/api/survey-links/${tokenIn(mail)}/response`, { answers: { going } })).statusCode).toBe(200);
    }
  });

  it("gives the response rate, the distribution, and attributed free text with who said it", async () => {
    const res = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${pulseId}/results`)).json();
    expect(res.responses).toBe(3);
    expect(res.invited).toBeGreaterThan(6);
    expect(res.responseRate).toBeCloseTo(3 / res.invited);
    const going = res.questions.find((q: { questionId: string }) => q.questionId === "going");
    expect(going.distribution.map((b: { count: number }) => b.count)).toEqual([0, 1, 0, 1, 1]);
    expect(going.average).toBe(3.7);
    const text = res.questions.find((q: { questionId: string }) => q.questionId === "tell_us");
    expect(text.textAnswers).toEqual([
      { text: "We keep rescheduling", respondent: { name: "Noor Mentee", role: "mentee" }, submittedAt: expect.any(String) },
    ]);
  });

  it("exports attributed responses as CSV with who, side and when", async () => {
    const res = await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${pulseId}/responses.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const [header, ...rows] = res.body.trim().split("\n");
    expect(header).toBe("respondent,role,week,submitted_at,How is your mentoring going?,Is there anything your coordinator should know?");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Noor Mentee,mentee,,\d{4}-.*,2,We keep rescheduling$/);
  });
});

describe("an anonymous survey", () => {
  let id: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const created = await f.coordinator.post(`/api/programmes/${f.programme.id}/surveys`, {
      title: "How we run the programme",
      anonymous: true,
      audiences: ["mentees", "mentors"],
      schedule: { kind: "manual" },
      status: "active",
      questions: [
        { id: "recommend", type: "nps", prompt: "Would you recommend it?", required: true },
        { id: "better", type: "short_text", prompt: "One thing to do better", required: false },
      ],
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect((await f.coordinator.post(`/api/programmes/${f.programme.id}/surveys/${id}/send`)).json().invited).toBe(6);
    for (const m of (await delivered()).filter((m) => m.subject.startsWith("How we run the programme"))) tokens[m.to[0]] = tokenIn(m);
  });
  const answer = (email: string, recommend: number, better?: string) =>
    new Client(t.app).post(`/api/survey-links/${tokens[email]}/response`, { answers: { recommend, ...(better ? { better } : {}) } });

  it("tells respondents before they answer, in the email and on the page", async () => {
    const page = (await new Client(t.app).get(`/api/survey-links/${tokens["noor@example.org"]}`)).json();
    expect(page.anonymous).toBe(true);
    expect(page.privacyNote).toContain("This survey is anonymous");
    const mail = smtp.messages.find((m) => m.to[0] === "noor@example.org" && m.subject.startsWith("How we run")) as CapturedMail;
    expect(mail.text).toContain("It is anonymous");
  });

  it("shows nothing while fewer than five have answered, and says so; the export is refused", async () => {
    for (const [email, score] of [
      ["noor@example.org", 9],
      ["mo@example.org", 3],
      ["ben@example.org", 10],
      ["lea@example.org", 7],
    ] as const)
      expect((await answer(email, score, `Zeta-${email.split("@")[0]}`)).statusCode).toBe(200);
    const res = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}/results`)).json();
    expect(res).toMatchObject({ responses: 4, suppressed: true, questions: [], pulseTrend: [] });
    expect(res.notice).toContain("results appear once at least 5 people have answered");
    const csv = await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}/responses.csv`);
    expect(csv.statusCode).toBe(409);
    expect(csv.json().error.code).toBe("too_few_responses");
  });

  it("stores answers with no link to the person, yet knows who already answered", async () => {
    const rows = await queryRows<Record<string, unknown>>(
      t.ctx.db,
      sql`select respondent_user_id, relationship_id, respondent_role, submitted_at, occasion from survey_responses where survey_id = ${id}`,
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(Object.values(r)).toEqual([null, null, null, null, null]);
    const again = await answer("noor@example.org", 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_answered");
  });

  it("at five, shows aggregates and unattributed text sorted by its words, and exports answers only", async () => {
    expect((await answer("ana@example.org", 6, "Zeta-ana")).statusCode).toBe(200);
    const res = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}/results`)).json();
    expect(res.suppressed).toBe(false);
    expect(res.questions[0].nps).toEqual({ n: 5, promoters: 2, passives: 1, detractors: 2, score: 0 });
    expect(res.questions[1].textAnswers.map((a: { text: string }) => a.text)).toEqual([
      "Zeta-ana",
      "Zeta-ben",
      "Zeta-lea",
      "Zeta-mo",
      "Zeta-noor",
    ]);
    for (const a of res.questions[1].textAnswers) expect(a).toMatchObject({ respondent: null, submittedAt: null });
    const csv = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}/responses.csv`)).body.trim().split("\n");
    expect(csv[0]).toBe("Would you recommend it?,One thing to do better");
    expect(csv.slice(1)).toEqual(["10,Zeta-ben", "3,Zeta-mo", "6,Zeta-ana", "7,Zeta-lea", "9,Zeta-noor"]);
    expect(csv.join("\n")).not.toMatch(/Mentee|Mentor|@example|2027|20\d\d-/);
  });

  it("cannot change its questions or its promise of anonymity once answered", async () => {
    const survey = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}`)).json();
    const body = { ...survey, version: survey.version };
    for (const k of ["id", "purpose", "scheduleText", "status", "hasResponses", "createdAt", "updatedAt"]) delete body[k];
    const res = await f.coordinator.request("PUT", `/api/programmes/${f.programme.id}/surveys/${id}`, { ...body, anonymous: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("survey_has_answers");
    const retitled = await f.coordinator.request("PUT", `/api/programmes/${f.programme.id}/surveys/${id}`, {
      ...body,
      title: "Running the programme",
    });
    expect(retitled.statusCode).toBe(200);
    const stale = await f.coordinator.request("PUT", `/api/programmes/${f.programme.id}/surveys/${id}`, { ...body, title: "Again" });
    expect(stale.json().error.code).toBe("version_conflict");
  });
});

describe("who may do what", () => {
  it("outsiders get 404, participants 403, for every coordinator endpoint", async () => {
    const outsider = await createUserClient(t.app, f.admin, "otto@example.org", "Otto Outsider");
    const id = await surveyId("Fortnightly pulse");
    const base = `/api/programmes/${f.programme.id}/surveys`;
    const calls: [string, (c: Client) => ReturnType<Client["get"]>][] = [
      ["list", (c) => c.get(base)],
      ["read", (c) => c.get(`${base}/${id}`)],
      ["results", (c) => c.get(`${base}/${id}/results`)],
      ["export", (c) => c.get(`${base}/${id}/responses.csv`)],
      ["send", (c) => c.post(`${base}/${id}/send`)],
      [
        "create",
        (c) =>
          c.post(base, {
            title: "Nope",
            audiences: ["mentees"],
            schedule: { kind: "manual" },
            questions: [{ id: "a", type: "rating", prompt: "x", required: true }],
          }),
      ],
    ];
    for (const [what, call] of calls) {
      expect((await call(outsider)).statusCode, `outsider ${what}`).toBe(404);
      expect((await call(f.people["noor@example.org"])).statusCode, `mentee ${what}`).toBe(403);
    }
  });

  it("refuses a survey that cannot fit the programme, writing nothing", async () => {
    const before = (await surveysOf()).length;
    const res = await f.coordinator.post(`/api/programmes/${f.programme.id}/surveys`, {
      title: "Coaches only",
      audiences: ["coaches"],
      schedule: { kind: "week", week: 20 },
      questions: [{ id: "a", type: "single_choice", prompt: "Pick", required: true, options: ["Only"] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { path: (string | number)[] }) => i.path.join("."))).toEqual([
      "questions.0.options",
      "audiences",
      "schedule",
    ]);
    expect((await surveysOf()).length).toBe(before);
  });
});

describe("privacy", () => {
  it("no pair content reaches results, exports, emails or logs", async () => {
    const id = await surveyId("Fortnightly pulse");
    const results = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}/results`)).body;
    const csv = (await f.coordinator.get(`/api/programmes/${f.programme.id}/surveys/${id}/responses.csv`)).body;
    const mail = smtp.messages.map((m) => m.raw + m.text).join("\n");
    for (const marker of MARKER) {
      for (const [where, text] of [
        ["results", results],
        ["export", csv],
        ["emails", mail],
        ["logs", t.logs.join("\n")],
      ])
        expect(text, `${marker} in ${where}`).not.toContain(marker);
    }
    // Nor do survey answers themselves go into logs.
    expect(t.logs.join("\n")).not.toContain("We keep rescheduling");
  });
});
