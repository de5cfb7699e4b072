/**
 * The whole matching round from the database, as a coordinator runs it: load the approved
 * pool, build profiles, generate candidates (K per mentee), solve exactly, explain every pair
 * and every unmatched mentee, store the draft. Prints figures; asserts nothing.
 * Target: 10,000 mentees x 2,000 mentors in under 15 s on PGlite.
 *
 *   npx tsx bench/matching-round.bench.ts [mentees=10000] [mentors=2000]
 *
 * The pool is generated with the demo cohort generator, imported through the real CSV import
 * (timed separately), mentors given capacity so that total capacity equals the mentees.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cohortCsv } from "../src/core/demo/cohort-csv.js";
import { generateCohort } from "../src/core/demo/generate-cohort.js";
import { importParticipants } from "../src/server/modules/enrolment/import-participants.js";
import { publishRound } from "../src/server/modules/matching/publish-round.js";
import { runMatchingRound } from "../src/server/modules/matching/run-round.js";
import { createProgramme } from "../src/server/modules/programmes/create-programme.js";
import { createUser } from "../src/server/modules/users/create-user.js";
import type { Principal } from "../src/server/platform/auth/principal.js";
import { loadConfig } from "../src/server/platform/config.js";
import type { AppContext } from "../src/server/platform/context.js";
import { openDatabase } from "../src/server/platform/db.js";
import { createLogger } from "../src/server/platform/logger.js";
import { createMailer } from "../src/server/platform/mail.js";

const [menteeCount = 10_000, mentorCount = 2_000] = process.argv.slice(2).map(Number);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

// Enough people of each role from the demo generator, then capacities that add up to the mentees.
const cohort = generateCohort({ size: Math.ceil((menteeCount + mentorCount) * 1.8), seed: 7 });
const mentees = cohort.filter((p) => p.role === "mentee").slice(0, menteeCount);
const perMentor = Math.ceil(menteeCount / mentorCount);
const mentors = cohort
  .filter((p) => p.role === "mentor")
  .slice(0, mentorCount)
  .map((p) => ({ ...p, answers: { ...p.answers, capacity: Math.min(10, perMentor) } }));
if (mentees.length < menteeCount || mentors.length < mentorCount)
  throw new Error("the generator gave too few people; raise the cohort size");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-round-"));
const database = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "db") });
try {
  await database.migrate();
  const config = loadConfig({ GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: "silent" });
  const logger = createLogger("silent");
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    mailer: createMailer({ from: config.mailFrom, dataDir, logger }),
    logger,
    version: "bench",
    startedAt: Date.now(),
  };
  const admin = await createUser(database.db, { email: "bench@example.org", name: "Bench", password: "bench password 123", isAdmin: true });
  const principal: Principal = { user: { id: admin.id, email: admin.email, name: admin.name, isAdmin: true }, via: "token" };
  const programme = await createProgramme(database.db, principal, {
    name: "Round bench",
    type: "mentoring",
    description: "",
    cadence: "weekly",
    sessionMinutes: 60,
  });

  let t = performance.now();
  const report = await importParticipants(ctx, principal, programme.id, cohortCsv([...mentors, ...mentees]), false);
  if (report.errors.length) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  console.log(`pool imported: ${report.created} people in ${seconds(performance.now() - t)} s`);

  t = performance.now();
  const round = await runMatchingRound(ctx, principal, programme.id, { k: 50 });
  const wall = performance.now() - t;
  const s = round.stats;
  console.log(`matching round ${menteeCount} mentees x ${mentorCount} mentors (capacity ${s.capacity}), K=50, PGlite:`);
  console.log(
    `  total ${seconds(wall)} s  (load ${seconds(s.millis.load)}, candidates ${seconds(s.millis.candidates)}, solve ${seconds(s.millis.solve)}, explain ${seconds(s.millis.explain)}, store ${seconds(s.millis.store)})`,
  );
  console.log(`  candidate pairs ${s.candidatePairs}, matched ${s.matched}/${s.mentees}, average score ${s.averageScore.toFixed(1)}`);
  console.log(`  RSS ${mb(process.memoryUsage().rss)}`);

  // Publishing: every pair through createPair and two emails queued per pair, in one transaction.
  t = performance.now();
  const published = await publishRound(ctx, principal, programme, round.id);
  console.log(
    `published ${published.created} pairs (${published.unmatchedNotified} unmatched told) in ${seconds(performance.now() - t)} s`,
  );
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
