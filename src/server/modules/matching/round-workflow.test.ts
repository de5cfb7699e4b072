import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { programmeWithPool } from "../../test-support/programme-fixture.js";
import { startSmtpCapture } from "../../test-support/smtp-capture.js";
import { type Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { endPair } from "../relationships/end-pair.js";
import { relationships } from "../relationships/tables.js";

// Mo manages Noor, so they are never paired; Ana speaks only Portuguese (only Ria does); Kai only
// Japanese (nobody). Places: Mo 2, Ria 1, Pia 1. The best full round is Ana–Ria, Noor–Pia (her only
// option left), Ben–Mo and Lou–Mo, with Kai unmatched.
const rows = [
  "mo@example.org,Mo Mentor,mentor,14,Go:5;Kubernetes:4;PostgreSQL:4,technical skills;career development,,Europe/Lisbon,English,2,",
  "ria@example.org,Ria Mentor,mentor,9,React:5;TypeScript:5,technical skills,,America/Sao_Paulo,English;Portuguese,1,",
  "pia@example.org,Pia Mentor,mentor,11,Python:5;Django:4,technical skills,,Europe/Berlin,English,1,",
  "noor@example.org,Noor Mentee,mentee,2,Go:3;k8s:2,,technical skills,Europe/London,English,,mo@example.org",
  "ben@example.org,Ben Mentee,mentee,1,Go:2;Postgres:2,,technical skills;career development,Europe/Madrid,English,,",
  "ana@example.org,Ana Mentee,mentee,1,React:2;TS:2,,technical skills,America/Sao_Paulo,Portuguese,,",
  "kai@example.org,Kai Mentee,mentee,3,Go:3,,technical skills,Asia/Tokyo,Japanese,,",
  "lou@example.org,Lou Mentee,mentee,1,Python:2,,technical skills,Europe/Paris,English,,",
];

const DECLINE_SECRET = "[secret-decline] our time zones are too far apart";
const REMATCH_NOTE = "[note-rematch] Thank you both for trying.";
const END_NOTE = "[secret-end-note] we argued about tabs";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let admin: Client;
let outsider: Client;
let people: Record<string, Client>;
let programmeId: string;
let ids: Record<string, string>;

const url = (path = "") => `/api/programmes/${programmeId}/match-rounds${path}`;
const mailTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
type Pair = { mentee: { email: string }; mentor: { email: string }; locked: boolean; manual: boolean; score: number };
const pairsOf = async (roundId: string, programme = programmeId) =>
  Object.fromEntries(
    (await admin.get(`/api/programmes/${programme}/match-rounds/${roundId}`))
      .json()
      .pairs.map((p: Pair) => [p.mentee.email, p.mentor.email]),
  );
const lock = (mentee: string, mentor: string) => ({ menteeEnrolmentId: ids[mentee], mentorEnrolmentId: ids[mentor] });
const roundCount = async () => Number((await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from match_rounds`))[0].n);

async function enrolmentIds(programme: string) {
  const rows = await queryRows<{ id: string; email: string }>(
    t.ctx.db,
    sql`select e.id, u.email from enrolments e join users u on u.id = e.user_id where e.programme_id = ${programme}`,
  );
  return Object.fromEntries(rows.map((r) => [r.email, r.id]));
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ GROVE_SMTP_URL: smtp.url });
  admin = await setUpAdmin(t.app);
  const pool = await programmeWithPool(t.app, admin, "Round workflow", rows);
  people = pool.people;
  programmeId = pool.programme.id;
  ids = await enrolmentIds(programmeId);
  outsider = await createUserClient(t.app, admin, "eve@example.org", "Eve Outsider");
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe("tuning a round", () => {
  it("refuses a lock that breaks a hard rule, naming the pair and the rule, and stores nothing", async () => {
    const before = await roundCount();
    const manager = await admin.post(url(), { locked: [lock("noor@example.org", "mo@example.org")] });
    expect(manager.statusCode).toBe(409);
    expect(manager.json().error.code).toBe("pair_not_allowed");
    expect(manager.json().error.message).toContain("Noor Mentee and Mo Mentor");
    expect(manager.json().error.message).toContain("manages");
    const language = await admin.post(url(), { locked: [lock("kai@example.org", "mo@example.org")] });
    expect(language.statusCode).toBe(409);
    expect(language.json().error.details.problems[0]).toMatchObject({ rule: "no-shared-language" });
    const twice = await admin.post(url(), {
      locked: [lock("ben@example.org", "mo@example.org"), lock("ben@example.org", "pia@example.org")],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain("Ben Mentee is locked to two mentors");
    const both = await admin.post(url(), {
      locked: [lock("ben@example.org", "mo@example.org")],
      excluded: [lock("ben@example.org", "mo@example.org")],
    });
    expect(both.statusCode).toBe(400);
    const mentee = await admin.post(url(), { locked: [lock("mo@example.org", "ria@example.org")] });
    expect(mentee.statusCode).toBe(409);
    expect(mentee.json().error.message).toContain("Mo Mentor is not a mentee here");
    expect(await roundCount()).toBe(before);
  });

  it("honours a lock and an exclusion and keeps them in the round's settings", async () => {
    const plain = (await admin.post(url(), {})).json();
    expect(await pairsOf(plain.id)).toEqual({
      "ana@example.org": "ria@example.org",
      "noor@example.org": "pia@example.org",
      "ben@example.org": "mo@example.org",
      "lou@example.org": "mo@example.org",
    });
    const res = await admin.post(url(), {
      locked: [lock("lou@example.org", "pia@example.org")],
      excluded: [lock("ana@example.org", "ria@example.org")],
    });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    expect(round.settings.locked).toEqual([lock("lou@example.org", "pia@example.org")]);
    expect(round.settings.excluded).toEqual([lock("ana@example.org", "ria@example.org")]);
    const detail = (await admin.get(url(`/${round.id}`))).json();
    const lou = detail.pairs.find((p: Pair) => p.mentee.email === "lou@example.org");
    expect(lou).toMatchObject({ mentor: { email: "pia@example.org" }, locked: true });
    expect(detail.pairs.find((p: Pair) => p.mentee.email === "ana@example.org")).toBeUndefined();
    expect(detail.unmatched.map((u: { mentee: { email: string } }) => u.mentee.email)).toContain("ana@example.org");
    // The people behind the stored locks and exclusions are named, for screens that list them.
    expect(detail.names[ids["lou@example.org"]]).toBe("Lou Mentee");
    expect(detail.names[ids["ria@example.org"]]).toBe("Ria Mentor");
    expect(detail.manualPairs).toBe(0);
  });

  it("pages, sorts and filters a round's pairs in the database", async () => {
    const round = (await admin.get(url())).json()[0];
    const all = (await admin.get(url(`/${round.id}?limit=500`))).json();
    const scores = all.pairs.map((p: Pair) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const worstFirst = (await admin.get(url(`/${round.id}?sort=score-asc&limit=1`))).json();
    expect(worstFirst).toMatchObject({ pairsTotal: all.pairsTotal });
    expect(worstFirst.pairs).toHaveLength(1);
    expect(worstFirst.pairs[0].score).toBe(Math.min(...scores));
    const byMentee = (await admin.get(url(`/${round.id}?sort=mentee`)))
      .json()
      .pairs.map((p: Pair & { mentee: { name: string } }) => p.mentee.name);
    expect(byMentee).toEqual([...byMentee].sort((a, b) => a.localeCompare(b)));
    const mo = (await admin.get(url(`/${round.id}?mentor=${ids["mo@example.org"]}`))).json();
    expect(mo.pairs.length).toBeGreaterThan(0);
    expect(mo.pairsTotal).toBe(mo.pairs.length);
    expect(mo.pairs.every((p: Pair) => p.mentor.email === "mo@example.org")).toBe(true);
    const second = (await admin.get(url(`/${round.id}?limit=1&offset=1`))).json();
    expect(second.pairs[0].mentee.email).toBe(all.pairs[1].mentee.email);
    expect((await admin.get(url(`/${round.id}?sort=random`))).statusCode).toBe(400);
  });

  it("runs again from a round with changes, keeping its locks", async () => {
    const base = (await admin.get(url())).json()[0];
    const res = await admin.post(url(`/${base.id}/rerun`), { weights: { interests: 0 } });
    expect(res.statusCode).toBe(201);
    const again = res.json();
    expect(again.settings).toMatchObject({ basedOn: base.id, locked: base.settings.locked, excluded: base.settings.excluded });
    expect(again.settings.weights.interests).toBe(0);
    expect(again.settings.weights.skills).toBe(base.settings.weights.skills);
    const cleared = (await admin.post(url(`/${base.id}/rerun`), { locked: [], excluded: [] })).json();
    expect((await pairsOf(cleared.id))["ana@example.org"]).toBe("ria@example.org");
  });
});

describe("inspecting a round", () => {
  let roundId: string;
  beforeAll(async () => {
    roundId = (await admin.post(url(), {})).json().id;
  });

  it("shows a pair side by side with the overlaps marked", async () => {
    const res = await admin.get(url(`/${roundId}/pairs/${ids["ana@example.org"]}`));
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ inRound: true, allowed: true, blockedBy: [], mentor: { person: { email: "ria@example.org" } } });
    expect(d.overlaps.languages).toEqual(["portuguese"]);
    expect(d.overlaps.skills.length).toBe(2);
    expect(d.overlaps.areas).toEqual(["technical skills"]);
    expect(d.mentee.languages).toEqual([{ name: "Portuguese", shared: true }]);
    expect(d.mentor.languages).toEqual([
      { name: "English", shared: false },
      { name: "Portuguese", shared: true },
    ]);
    expect(d.mentee.skills.every((s: { match: string | null }) => s.match === "skill")).toBe(true);
    expect(d.mentor).toMatchObject({ capacity: 1, assignedInRound: 1, timezone: "America/Sao_Paulo" });
    const labels = d.mentee.answers.map((a: { label: string }) => a.label);
    expect(labels).toContain("Your time zone");
    expect(d.mentee.answers.find((a: { key: string }) => a.key === "skills").value).toBe("React (2), TypeScript (2)");
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.factors.length).toBeGreaterThan(0);
  });

  it("answers 'what if' for another mentor, with the rules the pair would break", async () => {
    const d = (await admin.get(url(`/${roundId}/pairs/${ids["noor@example.org"]}?mentorEnrolmentId=${ids["mo@example.org"]}`))).json();
    expect(d).toMatchObject({ inRound: false, allowed: false });
    expect(d.blockedBy.map((b: { rule: string }) => b.rule)).toEqual(["own-manager"]);
    const kai = (await admin.get(url(`/${roundId}/pairs/${ids["kai@example.org"]}`))).json();
    expect(kai).toMatchObject({ mentor: null, unmatchedReason: "No mentor with capacity speaks Japanese." });
    expect((await admin.get(url(`/${roundId}/pairs/${ids["mo@example.org"]}`))).statusCode).toBe(404);
  });

  it("compares two rounds: who changed mentor, by how much", async () => {
    const other = (await admin.post(url(), { excluded: [lock("ana@example.org", "ria@example.org")] })).json();
    const res = await admin.get(url(`/compare?a=${roundId}&b=${other.id}`));
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ mentees: 5, changed: c.changes.length, changesTotal: c.changes.length });
    expect(c.same + c.changed).toBe(5);
    const ana = c.changes.find((x: { mentee: { email: string } }) => x.mentee.email === "ana@example.org");
    expect(ana).toMatchObject({ a: { mentor: { email: "ria@example.org" } }, b: { mentor: null, score: null }, scoreDelta: null });
    expect(c.a.id).toBe(roundId);
    expect((await admin.get(url(`/compare?a=${roundId}&b=${roundId}`))).json()).toMatchObject({ changed: 0, same: 5, changes: [] });
  });
});

describe("editing a draft", () => {
  let roundId: string;
  const patch = (mentee: string, mentor: string | null) =>
    admin.patch(url(`/${roundId}/pairs/${ids[mentee]}`), { mentorEnrolmentId: mentor ? ids[mentor] : null });
  beforeAll(async () => {
    roundId = (await admin.post(url(), {})).json().id;
  });

  it("refuses a move over a mentor's places or against a rule, with a clear message", async () => {
    const full = await patch("lou@example.org", "pia@example.org");
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: "mentor_full" });
    expect(full.json().error.message).toContain("Pia Mentor");
    const manager = await patch("noor@example.org", "mo@example.org");
    expect(manager.statusCode).toBe(409);
    expect(manager.json().error.code).toBe("pair_not_allowed");
    expect(manager.json().error.message).toContain("Noor Mentee and Mo Mentor");
    expect(await pairsOf(roundId)).toMatchObject({ "lou@example.org": "mo@example.org", "noor@example.org": "pia@example.org" });
  });

  it("unmatches and moves mentees, marks the pair manual and keeps the figures right", async () => {
    const before = (await admin.get(url(`/${roundId}`))).json();
    const out = await patch("lou@example.org", null);
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ pair: null, unmatched: { mentee: { email: "lou@example.org" }, kind: "manual" } });
    expect(out.json().round.stats.matched).toBe(before.stats.matched - 1);
    const moved = await patch("lou@example.org", "mo@example.org");
    expect(moved.statusCode).toBe(200);
    const body = moved.json();
    expect(body.pair).toMatchObject({ mentor: { email: "mo@example.org" }, manual: true });
    expect(body.pair.reasons.length).toBeGreaterThan(0);
    expect(body.round.stats.matched).toBe(before.stats.matched);
    const detail = (await admin.get(url(`/${roundId}`))).json();
    expect(detail.mentors.find((m: { mentor: { email: string } }) => m.mentor.email === "mo@example.org").assigned).toBe(2);
    expect(detail.stats.scoreHistogram.reduce((a: number, b: number) => a + b, 0)).toBe(detail.stats.matched);
    // A re-run keeps the hand-made pair as a lock.
    const rerun = (await admin.post(url(`/${roundId}/rerun`), {})).json();
    expect(rerun.settings.locked).toEqual([lock("lou@example.org", "mo@example.org")]);
    // …also beside locks the coordinator gives, unless asked not to or the pair is excluded.
    const noor = lock("noor@example.org", "ria@example.org");
    const both = (await admin.post(url(`/${roundId}/rerun`), { locked: [noor] })).json();
    expect(both.settings.locked).toEqual([noor, lock("lou@example.org", "mo@example.org")]);
    const without = (await admin.post(url(`/${roundId}/rerun`), { locked: [noor], keepManualPairs: false })).json();
    expect(without.settings.locked).toEqual([noor]);
    const excluded = (await admin.post(url(`/${roundId}/rerun`), { excluded: [lock("lou@example.org", "mo@example.org")] })).json();
    expect(excluded.settings.locked).toEqual([]);
  });

  it("discards a draft; a discarded round cannot be edited or published", async () => {
    const res = await admin.post(url(`/${roundId}/discard`));
    expect(res.json().status).toBe("discarded");
    const edit = await patch("ben@example.org", null);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("round_not_draft");
    expect((await admin.post(url(`/${roundId}/publish`), {})).json().error.code).toBe("round_not_draft");
  });
});

describe("publishing", () => {
  let published: { round: { id: string } };

  it("refuses a draft whose pool changed since, saying how much", async () => {
    const draft = (await admin.post(url(), {})).json();
    expect((await people["pia@example.org"].patch(`/api/programmes/${programmeId}/my-enrolment`, { paused: true })).statusCode).toBe(200);
    expect((await admin.get(url(`/${draft.id}`))).json()).toMatchObject({ stale: true, poolChanges: 1 });
    const res = await admin.post(url(`/${draft.id}/publish`), { poolFingerprint: draft.poolFingerprint });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "stale_round",
      message: "The pool changed since this draft was made (1 person joined, left or changed); run again.",
    });
    const back = await people["pia@example.org"].patch(`/api/programmes/${programmeId}/my-enrolment`, { paused: false });
    expect(back.statusCode, back.body).toBe(200);
    expect(await queryRows(t.ctx.db, sql`select 1 from relationships`)).toEqual([]);
  });

  it("creates every pair as proposed, emails both sides and the unmatched, and discards other drafts", async () => {
    const draft = (await admin.post(url(), {})).json();
    expect((await admin.get(url(`/${draft.id}`))).json()).toMatchObject({ stale: false, poolChanges: 0 });
    const res = await admin.post(url(`/${draft.id}/publish`), { poolFingerprint: draft.poolFingerprint });
    expect(res.statusCode).toBe(200);
    published = res.json();
    expect(res.json()).toMatchObject({ created: 4, status: "proposed", skipped: [], unmatchedNotified: 1 });
    expect(res.json().discarded).toBeGreaterThan(0);
    expect(res.json().round).toMatchObject({ status: "published" });
    expect((await admin.get(url())).json().filter((r: { status: string }) => r.status === "draft")).toEqual([]);
    const ben = (await people["ben@example.org"].get("/api/relationships")).json();
    expect(ben).toEqual([
      expect.objectContaining({ status: "proposed", origin: "round", partner: { name: "Mo Mentor", email: "mo@example.org" } }),
    ]);
    expect(ben[0].matchReasons.length).toBeGreaterThan(0);

    await t.runJobs();
    const [toBen] = mailTo("ben@example.org");
    expect(toBen.subject).toBe("A proposed mentor for you in Round workflow");
    expect(toBen.text).toContain("Mo Mentor (mo@example.org)");
    expect(toBen.text).toContain(`http://grove.test/pairs/${ben[0].id}`);
    expect(toBen.text).toContain("accept or decline");
    expect(mailTo("mo@example.org").map((m) => m.subject)).toEqual([
      "A proposed mentee for you in Round workflow",
      "A proposed mentee for you in Round workflow",
    ]);
    const [toKai] = mailTo("kai@example.org");
    expect(toKai.subject).toBe("No mentor for you yet in Round workflow");
    for (const word of ["Mo", "Ria", "Pia", "Ben", "Ana", "Noor", "Lou", "Japanese", "language"]) expect(toKai.text).not.toContain(word);

    expect((await admin.post(url(`/${draft.id}/publish`), {})).json().error.code).toBe("round_not_draft");
  });

  it("keeps the round's internal reasons out of the log", () => {
    const logs = t.logs.join("\n");
    expect(logs).toContain("matching round published");
    expect(logs).not.toContain("Can help with");
    expect(logs).not.toContain("speaks Japanese");
  });

  it("lists the pairs for coordinators only", async () => {
    const list = await admin.get(`/api/programmes/${programmeId}/relationships?status=proposed`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 4, limit: 25, offset: 0 });
    expect(list.json().items[0]).toMatchObject({ status: "proposed", origin: "round", roundId: published.round.id, endCategory: null });
    expect((await people["ben@example.org"].get(`/api/programmes/${programmeId}/relationships`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/programmes/${programmeId}/relationships`)).statusCode).toBe(404);
  });
});

describe("answering a proposal", () => {
  const pairOf = async (email: string) => (await people[email].get("/api/relationships")).json()[0];

  it("starts the pair once both accept; a second click changes nothing", async () => {
    const pair = await pairOf("ben@example.org");
    const first = await people["ben@example.org"].post(`/api/relationships/${pair.id}/accept`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: "proposed", menteeAccepted: true, mentorAccepted: false });
    const again = await people["ben@example.org"].post(`/api/relationships/${pair.id}/accept`);
    expect(again.json()).toMatchObject({ status: "proposed", version: first.json().version });
    for (const stranger of [admin, outsider, people["lou@example.org"]]) {
      expect((await stranger.post(`/api/relationships/${pair.id}/accept`)).statusCode).toBe(404);
    }
    const mo = await people["mo@example.org"].post(`/api/relationships/${pair.id}/accept`);
    expect(mo.json()).toMatchObject({ status: "active", menteeAccepted: true, mentorAccepted: true, writable: true });
    expect(mo.json().startedAt).not.toBeNull();
    await t.runJobs();
    expect(mailTo("ben@example.org").at(-1)?.subject).toBe("You and Mo Mentor are on: Round workflow");
    expect(mailTo("mo@example.org").at(-1)?.subject).toBe("You and Ben Mentee are on: Round workflow");
  });

  it("starts a pair exactly once when both accept at the same moment", async () => {
    const pair = await pairOf("lou@example.org");
    const [a, b] = await Promise.all([
      people["lou@example.org"].post(`/api/relationships/${pair.id}/accept`),
      people["mo@example.org"].post(`/api/relationships/${pair.id}/accept`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const now = await pairOf("lou@example.org");
    expect(now).toMatchObject({ status: "active", menteeAccepted: true, mentorAccepted: true, version: pair.version + 2 });
    await t.runJobs();
    expect(mailTo("lou@example.org").filter((m) => m.subject.startsWith("You and Mo Mentor are on"))).toHaveLength(1);
  });

  it("declines with a reason the coordinator reads and the other person does not", async () => {
    const pair = await pairOf("ana@example.org");
    const short = await people["ana@example.org"].post(`/api/relationships/${pair.id}/decline`, { reason: "no" });
    expect(short.statusCode).toBe(400);
    const res = await people["ana@example.org"].post(`/api/relationships/${pair.id}/decline`, { reason: DECLINE_SECRET });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "declined" });
    expect((await people["ria@example.org"].post(`/api/relationships/${pair.id}/accept`)).json().error.code).toBe("not_proposed");
    expect((await people["ana@example.org"].post(`/api/relationships/${pair.id}/decline`, { reason: DECLINE_SECRET })).statusCode).toBe(
      409,
    );

    await t.runJobs();
    const toRia = mailTo("ria@example.org").at(-1);
    expect(toRia?.subject).toBe("Your proposed pairing in Round workflow will not go ahead");
    expect(toRia?.text).not.toContain("secret-decline");
    const toCoordinator = mailTo("ada@example.org").at(-1);
    expect(toCoordinator?.subject).toBe("A proposed pair was declined in Round workflow");
    expect(toCoordinator?.text).toContain("Ana Mentee");
    expect(toCoordinator?.text).not.toContain("secret-decline");
    const listed = (await admin.get(`/api/programmes/${programmeId}/relationships?status=declined`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ declinedBy: "mentee", declineReason: DECLINE_SECRET })]);
    expect(t.logs.join("\n")).not.toContain("secret-decline");
  });
});

describe("rematch and re-solving the open places", () => {
  it("ends a pair without fault, tells both kindly and returns the freed mentee", async () => {
    const pair = (await people["ben@example.org"].get("/api/relationships")).json()[0];
    expect(pair.status).toBe("active");
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await people["ben@example.org"].post(`/api/relationships/${pair.id}/sessions`, {
      date: inAWeek,
      startTime: "10:00",
      timeZone: "Europe/Madrid",
    });
    expect(scheduled.statusCode).toBe(201);
    const notMine = await people["ben@example.org"].post(`/api/programmes/${programmeId}/relationships/${pair.id}/rematch`, {});
    expect(notMine.statusCode).toBe(403);
    const res = await admin.post(`/api/programmes/${programmeId}/relationships/${pair.id}/rematch`, { note: REMATCH_NOTE });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ended: { status: "ended", endCategory: "rematch" },
      freedMentee: { enrolmentId: ids["ben@example.org"], name: "Ben Mentee" },
    });
    expect((await admin.post(`/api/programmes/${programmeId}/relationships/${pair.id}/rematch`, {})).json().error.code).toBe(
      "relationship_not_live",
    );
    // An ended pair cannot be accepted or declined any more.
    expect((await people["ben@example.org"].post(`/api/relationships/${pair.id}/accept`)).json().error.code).toBe("not_proposed");
    expect((await people["mo@example.org"].post(`/api/relationships/${pair.id}/decline`, { reason: "Too late now" })).statusCode).toBe(409);
    await t.runJobs();
    for (const email of ["ben@example.org", "mo@example.org"]) {
      const mail = mailTo(email).at(-1);
      expect(mail?.subject).toBe("A new match for you in Round workflow");
      expect(mail?.text).toContain("nobody's fault");
      expect(mail?.text).toContain(REMATCH_NOTE);
    }
    expect(t.logs.join("\n")).not.toContain("note-rematch");
    // The pair's upcoming session left both calendars.
    const sessions = (await people["ben@example.org"].get(`/api/relationships/${pair.id}/sessions`)).json();
    expect(JSON.stringify(sessions)).toContain('"status":"cancelled"');
    expect(JSON.stringify(sessions)).not.toContain('"status":"scheduled"');
    for (const email of ["ben@example.org", "mo@example.org"])
      expect(mailTo(email).some((m) => m.raw.includes("METHOD:CANCEL"))).toBe(true);
  });

  it("re-solves only the open places, never proposing a previous or declined pair again", async () => {
    const res = await admin.post(url("/resolve-open"), {});
    expect(res.statusCode).toBe(201);
    const open = res.json();
    // Free: Ben (rematched), Ana (declined), Kai. Places: Ria 1 (Ana declined), Mo 1 (Ben ended).
    expect(open).toMatchObject({ kind: "open", stats: { mentees: 3, mentors: 2, capacity: 2 } });
    expect(await pairsOf(open.id)).toEqual({ "ben@example.org": "ria@example.org" });
    const detail = (await admin.get(url(`/${open.id}`))).json();
    expect(detail.unmatched.map((u: { mentee: { email: string } }) => u.mentee.email).sort()).toEqual([
      "ana@example.org",
      "kai@example.org",
    ]);
    const why = (await admin.get(url(`/${open.id}/pairs/${ids["ben@example.org"]}?mentorEnrolmentId=${ids["mo@example.org"]}`))).json();
    expect(why.blockedBy.map((b: { rule: string }) => b.rule)).toContain("previous-pair");
    const declined = (
      await admin.get(url(`/${open.id}/pairs/${ids["ana@example.org"]}?mentorEnrolmentId=${ids["ria@example.org"]}`))
    ).json();
    expect(declined.blockedBy.map((b: { rule: string }) => b.rule)).toEqual(["declined-before"]);
  });

  it("makes an open draft stale when places change, and publishing adds pairs without touching the others", async () => {
    const draft = (await admin.post(url("/resolve-open"), {})).json();
    const noorPair = (await people["noor@example.org"].get("/api/relationships")).json()[0];
    expect(
      (await people["noor@example.org"].post(`/api/relationships/${noorPair.id}/decline`, { reason: "Not now, thanks" })).statusCode,
    ).toBe(200);
    expect((await admin.post(url(`/${draft.id}/publish`), {})).json().error.code).toBe("stale_round");
    const fresh = (await admin.post(url(`/${draft.id}/rerun`), {})).json();
    expect(fresh).toMatchObject({ kind: "open", settings: { basedOn: draft.id } });
    const before = (await admin.get(`/api/programmes/${programmeId}/relationships?limit=100`)).json().items;
    // Two publishes at once (a double click): one goes through, the other is told the round is no longer a draft.
    const [one, two] = await Promise.all([admin.post(url(`/${fresh.id}/publish`), {}), admin.post(url(`/${fresh.id}/publish`), {})]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
    const res = one.statusCode === 200 ? one : two;
    expect((one.statusCode === 409 ? one : two).json().error.code).toBe("round_not_draft");
    expect(res.json().created).toBeGreaterThanOrEqual(1);
    const after = (await admin.get(`/api/programmes/${programmeId}/relationships?limit=100`)).json().items;
    for (const old of before) expect(after.find((p: { id: string }) => p.id === old.id)).toEqual(old);
    const ben = after.find(
      (p: { mentee: { email: string }; status: string }) => p.mentee.email === "ben@example.org" && p.status === "proposed",
    );
    expect(ben).toMatchObject({ origin: "rematch", roundId: fresh.id });
  });
});

describe("pairing by hand", () => {
  it("refuses a pair against the rules, naming it, and is for coordinators only", async () => {
    const pairs = `/api/programmes/${programmeId}/relationships`;
    const manager = await admin.post(pairs, lock("noor@example.org", "mo@example.org"));
    expect(manager.statusCode).toBe(409);
    expect(manager.json().error.message).toContain("Noor Mentee and Mo Mentor");
    const language = await admin.post(pairs, lock("kai@example.org", "pia@example.org"));
    expect(language.json().error.details.problems[0].rule).toBe("no-shared-language");
    expect((await people["noor@example.org"].post(pairs, lock("noor@example.org", "pia@example.org"))).statusCode).toBe(403);
  });
});

describe("a programme whose pairs start at once", () => {
  let p2: string;
  let ids2: Record<string, string>;
  beforeAll(async () => {
    p2 = (await admin.post("/api/programmes", { name: "Straight to work", acceptance: "auto" })).json().id;
    const csv = [
      "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,avoid_mentees,availability",
      "gia@example.org,Gia Mentor,mentor,12,Go:5,technical skills,,Europe/Berlin,English,2,sam@example.org,mon 18:00-20:00;wed 07:00-08:00",
      "hal@example.org,Hal Mentor,mentor,12,Go:4,technical skills,,Asia/Tokyo,Japanese,1,,",
      "sam@example.org,Sam Mentee,mentee,1,Go:3,,technical skills,Europe/Berlin,English,,,mon 19:00-21:00",
      "max@example.org,Max Mentee,mentee,1,Go:2,,technical skills,Europe/London,English,,,mon 17:00-18:00",
      "yui@example.org,Yui Mentee,mentee,1,Go:2,,technical skills,Asia/Tokyo,Japanese,,,",
    ].join("\n");
    const imported = await t.app.inject({
      method: "POST",
      url: `/api/programmes/${p2}/imports`,
      headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string, "content-type": "text/csv" },
      payload: csv,
    });
    expect(imported.json().errors).toEqual([]);
    ids2 = await enrolmentIds(p2);
  });

  it("publishes active pairs, skips a mentee paired by hand meanwhile, and never shows a stated preference to the pair", async () => {
    const round = (await admin.post(`/api/programmes/${p2}/match-rounds`, {})).json();
    expect(await pairsOf(round.id, p2)).toEqual({
      "sam@example.org": "gia@example.org",
      "max@example.org": "gia@example.org",
      "yui@example.org": "hal@example.org",
    });
    // Side by side, availability is compared on one clock: London 17:00 is Berlin 18:00.
    const side = async (mentee: string) => (await admin.get(`/api/programmes/${p2}/match-rounds/${round.id}/pairs/${ids2[mentee]}`)).json();
    const samSide = await side("sam@example.org");
    expect(samSide.mentee.availability).toEqual([{ day: "mon", start: "19:00", end: "21:00", overlapMinutes: 60 }]);
    expect(samSide.mentor.availability).toEqual([
      { day: "mon", start: "18:00", end: "20:00", overlapMinutes: 60 },
      { day: "wed", start: "07:00", end: "08:00", overlapMinutes: 0 },
    ]);
    expect(samSide.overlaps).toMatchObject({ availabilityMinutesPerWeek: 60, timeZoneHoursApart: 0 });
    const maxSide = await side("max@example.org");
    expect(maxSide.mentee.availability).toEqual([{ day: "mon", start: "17:00", end: "18:00", overlapMinutes: 60 }]);
    expect(maxSide.overlaps.timeZoneHoursApart).toBe(1);
    const detail = (await admin.get(`/api/programmes/${p2}/match-rounds/${round.id}`)).json();
    const sam = detail.pairs.find((p: Pair) => p.mentee.email === "sam@example.org");
    expect(sam.reasons).toContain("The mentor would rather not, but no better pair was possible");
    // Max is paired by hand after the run: the round is not stale (the pool is the same), Max is skipped.
    const byHand = await admin.post(`/api/programmes/${p2}/relationships`, {
      menteeEnrolmentId: ids2["max@example.org"],
      mentorEnrolmentId: ids2["gia@example.org"],
    });
    expect(byHand.statusCode).toBe(201);
    expect(byHand.json()).toMatchObject({ status: "active", origin: "manual", mentorAccepted: true, menteeAccepted: true });
    const res = await admin.post(`/api/programmes/${p2}/match-rounds/${round.id}/publish`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      created: 2,
      status: "active",
      unmatchedNotified: 0,
      skipped: [{ mentee: { email: "max@example.org" }, reason: "mentee_already_matched" }],
    });
    const [samPair] = await t.ctx.db.select().from(relationships).where(eq(relationships.menteeEnrolmentId, ids2["sam@example.org"]));
    expect(samPair.status).toBe("active");
    expect(samPair.matchReasons.join(" ")).not.toContain("rather not");
    await t.runJobs();
    for (const email of ["sam@example.org", "gia@example.org"]) {
      const mails = mailTo(email);
      expect(mails.length).toBeGreaterThan(0);
      for (const m of mails) expect(m.text).not.toContain("rather not");
    }
    expect(mailTo("sam@example.org").at(-1)?.subject).toBe("Meet your mentor in Straight to work");
    expect(mailTo("sam@example.org").at(-1)?.text).toContain("shared space is open");
  });

  it("never shows a coordinator the pair's own words about an early end", async () => {
    const [yui] = await t.ctx.db.select().from(relationships).where(eq(relationships.menteeEnrolmentId, ids2["yui@example.org"]));
    await t.ctx.db.transaction((tx) =>
      endPair(tx, { relationshipId: yui.id, endedBy: yui.menteeUserId, category: "schedule", note: END_NOTE }),
    );
    const res = await admin.get(`/api/programmes/${p2}/relationships?status=ended`);
    expect(res.json().items).toEqual([expect.objectContaining({ id: yui.id, endCategory: "schedule" })]);
    expect(res.body).not.toContain("secret-end-note");
    expect(res.body).not.toContain("endNote");
  });

  it("answers 404 for a round, a pair or a relationship of another programme", async () => {
    const round = (await admin.get(`/api/programmes/${p2}/match-rounds`)).json()[0];
    expect((await admin.get(url(`/${round.id}`))).statusCode).toBe(404);
    expect((await admin.post(url(`/${round.id}/rerun`), {})).statusCode).toBe(404);
    expect((await admin.get(url(`/${round.id}/pairs/${ids2["sam@example.org"]}`))).statusCode).toBe(404);
    const [sam] = await t.ctx.db.select().from(relationships).where(eq(relationships.menteeEnrolmentId, ids2["sam@example.org"]));
    expect((await admin.post(`/api/programmes/${programmeId}/relationships/${sam.id}/rematch`, {})).statusCode).toBe(404);
    expect((await outsider.get(`/api/programmes/${p2}/match-rounds`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/programmes/${p2}/match-rounds/resolve-open`, {})).statusCode).toBe(404);
    expect((await people["ben@example.org"].get(url())).statusCode).toBe(403);
  });
});

describe("publishing after a mentee was paired outside the round", () => {
  it("does not tell someone who holds a pair by now that the round left them unmatched", async () => {
    const pool = await programmeWithPool(t.app, admin, "One place", [
      "una@example.org,Una Mentor,mentor,10,Go:5,technical skills,,Europe/Berlin,English,1,",
      "tom@example.org,Tom Mentee,mentee,1,Go:2,,technical skills,Europe/Berlin,English,,",
      "zoe@example.org,Zoe Mentee,mentee,1,Go:2,,technical skills,Europe/Berlin,English,,",
    ]);
    const p3 = pool.programme.id as string;
    const ids3 = await enrolmentIds(p3);
    const round = (await admin.post(`/api/programmes/${p3}/match-rounds`, {})).json();
    const detail = (await admin.get(`/api/programmes/${p3}/match-rounds/${round.id}`)).json();
    expect(detail.unmatched).toHaveLength(1);
    const left = detail.unmatched[0].mentee.email as string;
    // The coordinator pairs the left-out mentee by hand before publishing: the pool is unchanged, so the draft is not stale.
    const byHand = await admin.post(`/api/programmes/${p3}/relationships`, {
      menteeEnrolmentId: ids3[left],
      mentorEnrolmentId: ids3["una@example.org"],
    });
    expect(byHand.statusCode).toBe(201);
    const res = await admin.post(`/api/programmes/${p3}/match-rounds/${round.id}/publish`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, unmatchedNotified: 0, skipped: [{ reason: "mentor_full" }] });
    await t.runJobs();
    expect(mailTo(left).map((m) => m.subject)).not.toContain("No mentor for you yet in One place");
  });
});
