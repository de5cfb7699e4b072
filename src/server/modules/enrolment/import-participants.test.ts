import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { type Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";

let t: TestApp;
let admin: Client;
let programmeId: string;

const header = "email,name,role,years_experience,skills,offers,seeks,timezone,languages,capacity,interests";
const good = [
  header,
  'mo@example.org,Mo Mentor,mentor,12,"Go:5;k8s:4",technical skills,,Europe/Lisbon,English;Portuguese,2,"climbing, chess"',
  'eve@example.org,"Eve ""Evie"" Mentee",mentee,1,Go:3,,technical skills;career development,Africa/Lagos,English,,"Line one',
  'line two"',
].join("\r\n");

const upload = (csv: string, dryRun = false) =>
  t.app.inject({
    method: "POST",
    url: `/api/programmes/${programmeId}/imports${dryRun ? "?dryRun=true" : ""}`,
    headers: { cookie: `grove_session=${admin.cookie}`, "x-csrf-token": admin.csrfToken as string, "content-type": "text/csv" },
    payload: csv,
  });

const counts = async () =>
  (
    await queryRows<{ users: number; enrolments: number; jobs: number }>(
      t.ctx.db,
      sql`select (select count(*)::int from users) as users, (select count(*)::int from enrolments) as enrolments, (select count(*)::int from jobs) as jobs`,
    )
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
  programmeId = (await admin.post("/api/programmes", { name: "Imported cohort" })).json().id;
});
afterAll(() => t.close());

describe("CSV import of participants", () => {
  it("dry-runs a valid file (BOM, CRLF, quoted commas, quotes and newlines) without writing", async () => {
    const before = await counts();
    const res = await upload(`\uFEFF${good}`, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it("imports in one go: approved enrolments, canonical skills, welcome emails with a set-password link", async () => {
    const res = await upload(good);
    expect(res.json()).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    const people = (await admin.get(`/api/programmes/${programmeId}/enrolments?sort=email`)).json().items;
    expect(
      people.map((p: { email: string; name: string; status: string; source: string }) => [p.email, p.name, p.status, p.source]),
    ).toEqual([
      ["eve@example.org", 'Eve "Evie" Mentee', "approved", "import"],
      ["mo@example.org", "Mo Mentor", "approved", "import"],
    ]);
    const mo = people[1];
    expect(mo.skills).toEqual([
      { name: "Go", level: 5 },
      { name: "Kubernetes", level: 4 },
    ]);
    expect(mo.answers.interests).toEqual(["climbing, chess"]);
    expect(people[0].answers.interests).toEqual(["Line one\nline two"]);
    const mails = await queryRows<{ payload: { to: string; text: string } }>(
      t.ctx.db,
      sql`select payload from jobs where name = 'mail.send'`,
    );
    expect(mails.map((m) => m.payload.to).sort()).toEqual(["eve@example.org", "mo@example.org"]);
    expect(mails[0].payload.text).toMatch(/reset-password\?token=/);
  });

  it("changes nothing on a second identical import, and updates by email", async () => {
    const before = await counts();
    expect((await upload(good)).json()).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await counts()).toEqual(before);
    const changed = good.replace("Europe/Lisbon", "Europe/Madrid");
    expect((await upload(changed)).json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it("imports nothing when one row is bad, and says which row, column and why", async () => {
    const before = await counts();
    const bad = [
      header,
      "new1@example.org,New One,mentee,1,Go,,technical skills,UTC,English,,",
      "new2@example.org,New Two,astronaut,1,Go,,technical skills,UTC,English,,",
      "new1@example.org,Again,mentee,1,Go,,technical skills,UTC,English,,",
      "not-an-email,X,mentor,3,Go,technical skills,,UTC,English,1,",
      "new3@example.org,New Three,mentor,3,Go,technical skills,,UTC,English,,",
    ].join("\n");
    const res = await upload(bad);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      rows: 5,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        { row: 3, column: "role", message: '"astronaut" is not a role here; use mentor or mentee' },
        { row: 4, column: "email", message: "new1@example.org already appears on row 2" },
        { row: 5, column: "email", message: '"not-an-email" is not a valid email address' },
        { row: 6, column: "capacity", message: "This question needs an answer" },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it("reports an unknown column and a broken file instead of guessing", async () => {
    expect((await upload("email,name,role,shoe_size\na@b.org,A,mentee,44")).json().errors).toEqual([
      { row: 1, column: "shoe_size", message: expect.stringMatching(/No question has the key "shoe_size"/) },
    ]);
    const broken = await upload('email,name,role\n"unterminated,A,mentee');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0].message).toMatch(/not valid CSV/);
  });

  it("is for coordinators only", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/programmes/${programmeId}/imports`,
      headers: { "content-type": "text/csv" },
      payload: good,
    });
    expect(res.statusCode).toBe(401);
  });
});
