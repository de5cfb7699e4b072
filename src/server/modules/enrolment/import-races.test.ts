import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { type Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

/**
 * Imports of the same people at the same moment — a coordinator double-clicking, two
 * coordinators loading one HR export into two programmes — must each succeed, and
 * nobody ends up with two accounts or two welcome emails.
 */
let t: TestApp;
let admin: Client;

const header = "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,interests";
const person = (i: number, role = i % 2 ? "mentor" : "mentee") =>
  role === "mentor"
    ? `p${i}@example.org,Person ${i},mentor,${3 + (i % 7)},Go:4,technical skills,,Europe/London,English,2,`
    : `p${i}@example.org,Person ${i},mentee,1,Go:2,,technical skills,Europe/London,English,,`;
const csv = (from: number, to: number) => [header, ...Array.from({ length: to - from }, (_, k) => person(from + k))].join("\n");

const upload = (programmeId: string, body: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/programmes/${programmeId}/imports`,
    headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string, "content-type": "text/csv" },
    payload: body,
  });

const newProgramme = async (name: string) => (await admin.post("/api/programmes", { name })).json().id as string;

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.ctx.db, query))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
});
afterAll(() => t.close());

describe("concurrent CSV imports", () => {
  it("20 parallel imports of one file all succeed, and create each person once", async () => {
    const programmeId = await newProgramme("Double click");
    const file = csv(0, 30);
    const answers = await Promise.all(Array.from({ length: 20 }, () => upload(programmeId, file)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    expect(await count(sql`select count(*)::int as n from users where email like 'p%@example.org'`)).toBe(30);
    expect(await count(sql`select count(*)::int as n from enrolments where programme_id = ${programmeId}`)).toBe(30);
    // One welcome (with a set-password link) per new person, whichever import created them.
    expect(await count(sql`select count(*)::int as n from jobs where name = 'mail.send'`)).toBe(30);
    const created = answers.reduce((sum, a) => sum + a.json().created, 0);
    expect(created).toBe(30);
  });

  it("two programmes importing overlapping people at once both keep all their rows", async () => {
    const first = await newProgramme("Overlap A");
    const second = await newProgramme("Overlap B");
    const [a, b] = await Promise.all([upload(first, csv(100, 160)), upload(second, csv(130, 190))]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await count(sql`select count(*)::int as n from enrolments where programme_id = ${first}`)).toBe(60);
    expect(await count(sql`select count(*)::int as n from enrolments where programme_id = ${second}`)).toBe(60);
    expect(await count(sql`select count(*)::int as n from users where email ~ '^p1[0-8][0-9]@'`)).toBe(90);
    expect(a.json().errors).toEqual([]);
    expect(b.json().errors).toEqual([]);
  });
});
