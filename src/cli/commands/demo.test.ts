import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../server/platform/db.js";
import { cleanUpGroves, migratedDataDir, PROCESS_ADMIN, runGrove } from "../../server/test-support/spawn-grove.js";

afterAll(cleanUpGroves);

let dataDir: string;

/** Runs the real `grove demo …` (the compiled CLI) on the test's PGlite data directory. */
const demo = (...args: string[]) => runGrove(["demo", ...args], { GROVE_DATA_DIR: dataDir, GROVE_BASE_URL: "https://grove.example.org" });

beforeAll(async () => {
  dataDir = await migratedDataDir();
});

describe("grove demo (child process)", { timeout: 60_000 }, () => {
  it("asks for an admin first when there is nobody to own the programme", async () => {
    const res = await demo();
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/There is no instance admin yet: run `grove admin create` first/);
    const unknown = await demo("--as", "nobody@example.org");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("There is no account for nobody@example.org.");
  });

  it("creates the mentoring and the coaching demo programmes, prints their URLs and summaries, and queues no email", async () => {
    const admin = await runGrove(["admin", "create", "--email", PROCESS_ADMIN.email, "--name", PROCESS_ADMIN.name], {
      GROVE_DATA_DIR: dataDir,
      GROVE_ADMIN_PASSWORD: PROCESS_ADMIN.password,
    });
    expect(admin.code, admin.output).toBe(0);

    const res = await demo("--as", PROCESS_ADMIN.email);
    expect(res.code, res.stderr).toBe(0);
    const [url, summary, coachingUrl, coachingSummary, ...rest] = res.stdout.split("\n");
    expect(url).toMatch(/^https:\/\/grove\.example\.org\/programmes\/[0-9a-f-]{36}$/);
    expect(coachingUrl).toMatch(/^https:\/\/grove\.example\.org\/programmes\/[0-9a-f-]{36}$/);
    expect(coachingSummary).toBe(
      'Created "Demo: Engineering Leadership Coaching" (demo-engineering-leadership-coaching): 5 coaches, 20 coachees and 6 sponsors; ' +
        "engagements: 1 waiting for the coach, 3 contracting, 4 under way, 3 closing, 4 completed; 3 coachees choosing from a shortlist. Nobody was emailed.",
    );
    expect(
      summary.startsWith(
        'Created "Demo: Developer Mentoring" (demo-developer-mentoring): 22 mentors and 38 mentees, ' +
          "8 applications waiting for review, 2 waitlisted; 26 pairs matched (24 started, 2 waiting for acceptance), " +
          "4 mentees waiting for a mentor; four weeks into the term: ",
      ),
      summary,
    ).toBe(true);
    expect(summary).toMatch(
      /four weeks into the term: \d+ survey answers, \d+ check-ins, \d+ alerts in the queue \(\d+ resolved\)\. Nobody was emailed\.$/,
    );
    expect(rest).toEqual([""]);

    const database = await openDatabase({ driver: "pglite", dataDir: `${dataDir}/db` });
    try {
      const [row] = await queryRows<{ enrolments: number; mails: number }>(
        database.db,
        sql`select (select count(*)::int from enrolments) as enrolments, (select count(*)::int from jobs where name = 'mail.send') as mails`,
      );
      expect(row).toEqual({ enrolments: 60 + 31, mails: 0 });
      const [pairs] = await queryRows<{ active: number; proposed: number }>(
        database.db,
        sql`select count(*) filter (where r.status = 'active')::int as active, count(*) filter (where r.status = 'proposed')::int as proposed from relationships r join programmes p on p.id = r.programme_id where p.type = 'mentoring'`,
      );
      expect(pairs).toEqual({ active: 24, proposed: 2 });
    } finally {
      await database.close();
    }
  });
});
