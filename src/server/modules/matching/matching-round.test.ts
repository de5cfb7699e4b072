import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, createUserClient, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let admin: Client;
let programmeId: string;

// Two mentors with room for three; four mentees. Noor's manager is Mo, so they must never be paired;
// Ana speaks only Portuguese (only Ria does); Kai speaks only Japanese (nobody does). So Mo can take
// only Ben, Ria (capacity 1) takes Noor or Ana, and the best possible is two mentees matched.
const csv = [
  "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,manager_email",
  "mo@example.org,Mo Mentor,mentor,14,Go:5;Kubernetes:4;PostgreSQL:4,technical skills;career development,,Europe/Lisbon,English,2,",
  "ria@example.org,Ria Mentor,mentor,9,React:5;TypeScript:5,technical skills,,America/Sao_Paulo,English;Portuguese,1,",
  "noor@example.org,Noor,mentee,2,Go:3;k8s:2,,technical skills,Europe/London,English,,mo@example.org",
  "ben@example.org,Ben,mentee,1,Go:2;Postgres:2,,technical skills;career development,Europe/Madrid,English,,",
  "ana@example.org,Ana,mentee,1,React:2;TS:2,,technical skills,America/Sao_Paulo,Portuguese,,",
  "kai@example.org,Kai,mentee,3,Go:3,,technical skills,Asia/Tokyo,Japanese,,",
].join("\n");

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
  programmeId = (await admin.post("/api/programmes", { name: "Matching round" })).json().id;
  const imported = await t.app.inject({
    method: "POST",
    url: `/api/programmes/${programmeId}/imports`,
    headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string, "content-type": "text/csv" },
    payload: csv,
  });
  expect(imported.json().errors).toEqual([]);
});
afterAll(() => t.close());

describe("a matching round from the database", () => {
  it("matches as many mentees as the rules allow, explains every pair and every left-out mentee", async () => {
    const res = await admin.post(`/api/programmes/${programmeId}/match-rounds`, {});
    expect(res.statusCode).toBe(201);
    const round = res.json();
    expect(round.stats).toMatchObject({ mentees: 4, mentors: 2, capacity: 3, matched: 2 });
    const detail = (await admin.get(`/api/programmes/${programmeId}/match-rounds/${round.id}`)).json();
    const pairs = Object.fromEntries(
      detail.pairs.map((p: { mentee: { email: string }; mentor: { email: string } }) => [p.mentee.email, p.mentor.email]),
    );
    expect(pairs["noor@example.org"]).not.toBe("mo@example.org");
    expect(Object.values(pairs).filter((m) => m === "ria@example.org")).toHaveLength(1);
    // Ria shares React and TypeScript with Ana and nothing with Noor: the higher total pairs Ria with Ana.
    expect(pairs["ana@example.org"]).toBe("ria@example.org");
    expect(pairs["ben@example.org"]).toBe("mo@example.org");
    expect(Object.keys(pairs)).not.toContain("kai@example.org");
    for (const p of detail.pairs) {
      expect(p.reasons.length).toBeGreaterThanOrEqual(1);
      expect(p.factors.map((f: { factor: string }) => f.factor).sort()).toEqual([
        "areas",
        "availability",
        "experience",
        "interests",
        "language",
        "skills",
      ]);
      expect(p.score).toBeGreaterThan(0);
    }
    const noor = detail.unmatched.find((u: { mentee: { email: string } }) => u.mentee.email === "noor@example.org");
    expect(noor.reason.length).toBeGreaterThan(20);
    const kai = detail.unmatched.find((u: { mentee: { email: string } }) => u.mentee.email === "kai@example.org");
    expect(kai.reason).toBe("No mentor with capacity speaks Japanese.");
    // Mentor loads never exceed capacity.
    for (const m of detail.mentors) expect(m.assigned).toBeLessThanOrEqual(m.capacity);
    expect(detail.unmatched.length + detail.pairs.length).toBe(4);
  });

  it("is the same result when run again on the same pool (deterministic)", async () => {
    const a = (await admin.post(`/api/programmes/${programmeId}/match-rounds`, {})).json();
    const b = (await admin.post(`/api/programmes/${programmeId}/match-rounds`, {})).json();
    const pairsOf = async (id: string) =>
      (await admin.get(`/api/programmes/${programmeId}/match-rounds/${id}`))
        .json()
        .pairs.map(
          (p: { mentee: { email: string }; mentor: { email: string }; score: number }) =>
            `${p.mentee.email}>${p.mentor.email}:${p.score.toFixed(3)}`,
        );
    expect(await pairsOf(a.id)).toEqual(await pairsOf(b.id));
    expect(a.stats.totalScore).toBeCloseTo(b.stats.totalScore, 9);
    expect((await admin.get(`/api/programmes/${programmeId}/match-rounds`)).json().length).toBeGreaterThanOrEqual(3);
  });

  it("refuses weights outside 0–10 and keeps rounds to coordinators", async () => {
    expect((await admin.post(`/api/programmes/${programmeId}/match-rounds`, { weights: { skills: 11 } })).statusCode).toBe(400);
    const mentorClient = await createUserClient(t.app, admin, "someone@example.org");
    expect((await mentorClient.post(`/api/programmes/${programmeId}/match-rounds`, {})).statusCode).toBe(404);
  });

  it("says why it cannot run on an empty pool", async () => {
    const empty = (await admin.post("/api/programmes", { name: "Nobody yet" })).json();
    const res = await admin.post(`/api/programmes/${empty.id}/match-rounds`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("empty_pool");
  });

  it("counts stated preferences: a mentee's pick wins over a slightly better fit", async () => {
    const p = (await admin.post("/api/programmes", { name: "Preferences" })).json();
    const people = [
      "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,mentor_picks,avoid_mentees",
      "go1@example.org,Gia,mentor,12,Go:5;Kubernetes:5,technical skills,,Europe/Berlin,English,1,,",
      "go2@example.org,Hal,mentor,12,Go:4,technical skills,,Europe/Berlin,English,1,,",
      "sam@example.org,Sam,mentee,1,Go:3;Kubernetes:3,,technical skills,Europe/Berlin,English,,go2@example.org,",
      "lou@example.org,Lou,mentee,1,Go:3;Kubernetes:3,,technical skills,Europe/Berlin,English,,,",
    ].join("\n");
    const imported = await t.app.inject({
      method: "POST",
      url: `/api/programmes/${p.id}/imports`,
      headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string, "content-type": "text/csv" },
      payload: people,
    });
    expect(imported.json().errors).toEqual([]);
    const round = (await admin.post(`/api/programmes/${p.id}/match-rounds`, {})).json();
    const detail = (await admin.get(`/api/programmes/${p.id}/match-rounds/${round.id}`)).json();
    const pairs = Object.fromEntries(
      detail.pairs.map((x: { mentee: { email: string }; mentor: { email: string } }) => [x.mentee.email, x.mentor.email]),
    );
    // On fit alone Sam and Lou are identical and Gia (Go and Kubernetes) fits both best; Sam picked Hal.
    expect(pairs).toEqual({ "sam@example.org": "go2@example.org", "lou@example.org": "go1@example.org" });
    const sam = detail.pairs.find((x: { mentee: { email: string } }) => x.mentee.email === "sam@example.org");
    expect(sam.reasons[0]).toBe("The mentee's first pick");
    expect(sam.factors.find((f: { factor: string }) => f.factor === "preferences").points).toBeGreaterThan(0);
  });
});
