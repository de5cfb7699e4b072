import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../server/platform/db.js";
import { PAIRING_CSV_HEADER } from "../../server/test-support/programme-fixture.js";
import {
  cleanUpGroves,
  HttpClient,
  migratedDataDir,
  PROCESS_ADMIN,
  runGrove,
  spawnGrove,
  tempDir,
} from "../../server/test-support/spawn-grove.js";

// Real processes on a PGlite data directory, through the real CLI entry (bin/grove.js).
afterAll(cleanUpGroves);

// Mo manages Noor; Kai speaks only Japanese. Best: Ana–Ria, Ben–Mo, Noor unmatched (Ria is taken), Kai unmatched.
const pool = [
  PAIRING_CSV_HEADER,
  "mo@example.org,Mo Mentor,mentor,14,Go:5;PostgreSQL:4,technical skills,,Europe/Lisbon,English,1,",
  "ria@example.org,Ria Mentor,mentor,9,React:5;TypeScript:5,technical skills,,America/Sao_Paulo,English;Portuguese,1,",
  "noor@example.org,Noor Mentee,mentee,2,Go:3,,technical skills,Europe/London,English,,mo@example.org",
  "ben@example.org,Ben Mentee,mentee,1,Go:2;PostgreSQL:2,,technical skills,Europe/Madrid,English,,",
  "ana@example.org,Ana Mentee,mentee,1,React:2;TypeScript:2,,technical skills,America/Sao_Paulo,Portuguese,,",
  "kai@example.org,Kai Mentee,mentee,3,Go:3,,technical skills,Asia/Tokyo,Japanese,,",
].join("\n");

let dataDir: string;
let slug: string;

const grove = (...args: string[]) =>
  runGrove(args, { GROVE_DATA_DIR: dataDir, GROVE_BASE_URL: "https://grove.example.org" }, { timeoutMs: 60_000 });

beforeAll(async () => {
  dataDir = await migratedDataDir();
  const server = await spawnGrove({ GROVE_DATA_DIR: dataDir });
  const http = new HttpClient(server.url);
  expect((await http.post("/api/setup", PROCESS_ADMIN)).status).toBe(201);
  const created = await http.post("/api/programmes", { name: "Matched from the shell" });
  expect(created.status).toBe(201);
  slug = created.json.slug;
  expect(await server.stop(), server.output()).toBe(0);
  const file = path.join(tempDir("grove-match-run-").dir, "pool.csv");
  fs.writeFileSync(file, pool);
  const imported = await grove("import", "participants", file, "--programme", slug);
  expect(imported.code, imported.output).toBe(0);
}, 120_000);

describe("grove match run (real processes)", { timeout: 90_000 }, () => {
  it("says which programme it cannot find", async () => {
    const res = await grove("match", "run", "--programme", "no-such-programme");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('There is no programme with the slug "no-such-programme".');
  });

  it("runs a draft and prints the figures and every unmatched mentee's reason as JSON", async () => {
    const res = await grove("match", "run", "--programme", slug, "--json");
    expect(res.code, res.output).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.round).toMatchObject({ status: "draft", kind: "full", stats: { mentees: 4, mentors: 2, matched: 2 } });
    expect(out.published).toBeUndefined();
    const pairs = Object.fromEntries(
      out.round.pairs.map((p: { mentee: { email: string }; mentor: { email: string } }) => [p.mentee.email, p.mentor.email]),
    );
    expect(pairs).toEqual({ "ana@example.org": "ria@example.org", "ben@example.org": "mo@example.org" });
    const kai = out.round.unmatched.find((u: { mentee: { email: string } }) => u.mentee.email === "kai@example.org");
    expect(kai.reason).toBe("No mentor with capacity speaks Japanese.");
    expect(out.url).toBe(`https://grove.example.org/programmes/${out.round.programmeId}/matching/${out.round.id}`);
  });

  it("publishes with --publish: a readable summary, the pairs proposed, the emails queued for the server", async () => {
    const res = await grove("match", "run", "--programme", slug, "--publish");
    expect(res.code, res.output).toBe(0);
    const lines = res.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Round [0-9a-f-]{36} \(published\) for "Matched from the shell": matched 2 of 4 mentees with 2 mentors \(2 places\); average score \d+(\.\d)?\.$/,
    );
    expect(lines[1]).toBe("Scores:");
    expect(lines.slice(2, 12).every((l) => /^\s+\d+-\d+ #*( \d+)?$/.test(l))).toBe(true);
    expect(res.stdout).toContain("Unmatched (2):");
    expect(res.stdout).toContain("  Kai Mentee <kai@example.org>: No mentor with capacity speaks Japanese.");
    expect(res.stdout).toContain(
      "Published: 2 pairs proposed (both people must accept), 2 unmatched mentees told, 1 other draft discarded.",
    );

    const database = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "db") });
    try {
      const pairs = await queryRows<{ mentee: string; status: string; origin: string }>(
        database.db,
        sql`select u.email as mentee, r.status, r.origin from relationships r join users u on u.id = r.mentee_user_id order by u.email`,
      );
      expect(pairs).toEqual([
        { mentee: "ana@example.org", status: "proposed", origin: "round" },
        { mentee: "ben@example.org", status: "proposed", origin: "round" },
      ]);
      const mails = await queryRows<{ to: string }>(
        database.db,
        sql`select payload->>'to' as "to" from jobs where name = 'mail.send' and payload->>'subject' not like 'Welcome%' order by 1`,
      );
      expect(mails.map((m) => m.to)).toEqual(
        expect.arrayContaining([
          "ana@example.org",
          "ben@example.org",
          "kai@example.org",
          "mo@example.org",
          "noor@example.org",
          "ria@example.org",
        ]),
      );
    } finally {
      await database.close();
    }
  });
});
