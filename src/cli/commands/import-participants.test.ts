import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortCsv } from "../../core/demo/cohort-csv.js";
import { generateCohort } from "../../core/demo/generate-cohort.js";
import { openDatabase, queryRows } from "../../server/platform/db.js";
import {
  cleanUpGroves,
  HttpClient,
  migratedDataDir,
  PROCESS_ADMIN,
  runGrove,
  spawnGrove,
  tempDir,
} from "../../server/test-support/spawn-grove.js";

// Real processes on a PGlite data directory: the helpers strip DATABASE_URL, so this file
// tests the same thing in a PostgreSQL run. Everything started here is killed at the end.
afterAll(cleanUpGroves);

const people = generateCohort({ size: 12, seed: 4242 });
// A file as someone might type it: a subset of the columns, one good row and three bad ones.
const badCsv = [
  "email,name,role,years_experience,skills,offers,timezone,languages,capacity",
  "ok@example.org,Olu Okafor,mentor,9,Go:5,technical skills,Europe/Oslo,English,2",
  "nocap@example.org,Nia Kamau,mentor,9,Go:5,technical skills,Europe/Oslo,English,",
  "zone@example.org,Zed Tamm,astronaut,9,Go:5,technical skills,Europe/Oslo,English,1",
  "not-an-email,Nor Mail,mentor,9,Go:5,technical skills,Mars/Olympus,English,1",
].join("\n");

let dataDir: string;
let slug: string;
let good: string;
let bad: string;

const importCli = (file: string, ...flags: string[]) =>
  runGrove(["import", "participants", file, "--programme", slug, ...flags], { GROVE_DATA_DIR: dataDir }, { timeoutMs: 40_000 });

beforeAll(async () => {
  dataDir = await migratedDataDir();
  const server = await spawnGrove({ GROVE_DATA_DIR: dataDir });
  const http = new HttpClient(server.url);
  expect((await http.post("/api/setup", PROCESS_ADMIN)).status).toBe(201);
  const created = await http.post("/api/programmes", { name: "Imported from HR" });
  expect(created.status).toBe(201);
  slug = created.json.slug;
  // The CLI opens the data directory itself, so the server must be gone first.
  expect(await server.stop(), server.output()).toBe(0);
  const files = tempDir("grove-import-files-").dir;
  good = path.join(files, "cohort.csv");
  bad = path.join(files, "bad.csv");
  fs.writeFileSync(good, cohortCsv(people));
  fs.writeFileSync(bad, badCsv);
});

describe("grove import participants (real processes)", { timeout: 60_000 }, () => {
  it("dry-runs a valid file: exit 0, the report as JSON", async () => {
    const res = await importCli(good, "--dry-run", "--json");
    expect(res.code, res.output).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ rows: 12, created: 12, updated: 0, unchanged: 0, errors: [] });
  });

  it("refuses a bad file with a non-zero exit, listing every problem by row and column", async () => {
    const json = await importCli(bad, "--json");
    expect(json.code, json.output).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 0 });
    expect(report.errors).toEqual([
      { row: 3, column: "capacity", message: "This question needs an answer" },
      { row: 4, column: "role", message: '"astronaut" is not a role here; use mentor or mentee' },
      { row: 5, column: "email", message: '"not-an-email" is not a valid email address' },
      { row: 5, column: "timezone", message: "Expected a time zone such as Europe/Berlin or America/Sao_Paulo" },
    ]);

    const human = await importCli(bad);
    expect(human.code, human.output).toBe(1);
    expect(human.stdout).toBe("");
    expect(human.stderr).toBe(
      [
        `Nothing was imported: 4 problems in ${bad}.`,
        "  row 3, capacity: This question needs an answer",
        '  row 4, role: "astronaut" is not a role here; use mentor or mentee',
        '  row 5, email: "not-an-email" is not a valid email address',
        "  row 5, timezone: Expected a time zone such as Europe/Berlin or America/Sao_Paulo",
        "",
      ].join("\n"),
    );
  });

  it("imports the file: everyone is created, so neither the dry run nor the bad file wrote anything", async () => {
    const res = await importCli(good, "--json");
    expect(res.code, res.output).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ rows: 12, created: 12, updated: 0, unchanged: 0, errors: [] });
  });

  it("reports every row unchanged when the same file is imported again", async () => {
    const res = await importCli(good);
    expect(res.code, res.output).toBe(0);
    expect(res.stdout).toBe("Imported 12 rows: 0 created, 0 updated, 12 unchanged.\n");
  });

  it("leaves the people in the data directory, with welcome emails queued for the server to send", async () => {
    const database = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "db") });
    try {
      const enrolled = await queryRows<{ email: string }>(
        database.db,
        sql`select u.email from enrolments e join users u on u.id = e.user_id join programmes p on p.id = e.programme_id where p.slug = ${slug}`,
      );
      expect(enrolled.map((r) => r.email).sort()).toEqual(people.map((p) => p.email).sort());
      const mails = await queryRows<{ to: string }>(database.db, sql`select payload->>'to' as "to" from jobs where name = 'mail.send'`);
      expect(mails.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
    } finally {
      await database.close();
    }
  });
});
