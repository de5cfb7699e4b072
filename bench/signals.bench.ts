/**
 * Evaluating every alert signal for a big programme: 10,000 participants in 5,000 pairs,
 * with their sessions, pulse and recommend answers, survey invitations, check-ins and
 * pending self-match requests. Prints figures; asserts nothing. Target: under 2 s.
 *
 *   npx tsx bench/signals.bench.ts [pairs=5000]
 *
 * Two figures. "rules" is the pure core: evaluateSignals + planAlertChanges over plain rows
 * (what the hourly job does once the rows are loaded). "programme" is the whole job on
 * PGlite in a temporary directory: loading the rows, the rules, and writing the queue in
 * one transaction — first run (raising every alert), then a steady run (nothing new).
 * The rows are written straight with generate_series; ANALYZE runs once afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { planAlertChanges } from "../src/core/alerts/plan-changes.js";
import { evaluateSignals, type PairRow, type SignalInput } from "../src/core/alerts/rules.js";
import { defaultSupportSettings } from "../src/core/alerts/settings.js";
import { seededRandom } from "../src/core/demo/random.js";
import { evaluateProgrammeAlerts } from "../src/server/modules/alerts/evaluate-alerts.js";
import { seedDefaultSurveys } from "../src/server/modules/surveys/seed-default-surveys.js";
import { openDatabase, queryRows } from "../src/server/platform/db.js";

const pairs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5000);
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const now = new Date();
const term = { termStart: iso(new Date(now.getTime() - 35 * DAY)), termEnd: iso(new Date(now.getTime() + 48 * DAY)) };
const settings = defaultSupportSettings(term);

// ---- The pure rules over generated rows ----------------------------------------------------

function generatedInput(): SignalInput {
  const random = seededRandom(11);
  const rows: PairRow[] = [];
  const input: SignalInput = { term, pairs: rows, scores: [], requests: [], checkIns: [], invitations: [], closingEngagements: [] };
  for (let i = 0; i < pairs; i++) {
    const id = `pair-${i}`;
    const status = i % 50 === 0 ? "proposed" : i % 40 === 0 ? "paused" : "active";
    const started = status === "proposed" ? null : new Date(now.getTime() - 34 * DAY);
    rows.push({
      id,
      menteeUserId: `mentee-${i}`,
      mentorUserId: `mentor-${i}`,
      status,
      createdAt: new Date(now.getTime() - (status === "proposed" ? 8 : 35) * DAY),
      startedAt: started,
      mentorAccepted: status !== "proposed",
      menteeAccepted: status !== "proposed",
      sessionsHeld: random.int(0, 5),
      sessionsMissed: random.int(0, 2),
      lastSessionAt: random.next() < 0.8 ? new Date(now.getTime() - random.int(1, 25) * DAY) : null,
      nextSessionAt: random.next() < 0.7 ? new Date(now.getTime() + random.int(1, 7) * DAY) : null,
      nextSessionHasAgenda: random.next() < 0.6,
      planAcknowledged: random.next() < 0.85,
    });
    for (const side of ["mentee", "mentor"] as const) {
      for (const week of [2, 4]) {
        input.scores.push({
          relationshipId: id,
          userId: `${side}-${i}`,
          kind: "pulse",
          score: random.int(1, 5),
          submittedAt: new Date(now.getTime() - (35 - week * 7) * DAY),
          week,
        });
        input.invitations.push({
          userId: `${side}-${i}`,
          relationshipId: id,
          closesAt: new Date(now.getTime() - (28 - week * 7) * DAY),
          answeredAt: random.next() < 0.7 ? now : null,
        });
      }
    }
    if (random.next() < 0.6)
      input.checkIns.push({
        relationshipId: id,
        happenedOn: iso(new Date(now.getTime() - 25 * DAY)),
        followUpOn: random.next() < 0.2 ? iso(new Date(now.getTime() - 2 * DAY)) : null,
      });
    if (i % 20 === 0)
      input.requests.push({
        id: `request-${i}`,
        createdAt: new Date(now.getTime() - random.int(1, 6) * DAY),
        menteeUserId: `mentee-${i}`,
        mentorUserId: `mentor-${i + 1}`,
      });
  }
  return input;
}

const input = generatedInput();
const status = new Map(input.pairs.map((p) => [p.id, p.status]));
const times: number[] = [];
let signals = 0;
for (let run = 0; run < 7; run++) {
  const t = performance.now();
  const found = evaluateSignals(input, settings, now);
  const existing = found.slice(0, Math.floor(found.length / 2)).map((s, i) => ({
    id: String(i),
    key: s.key,
    type: s.type,
    relationshipId: s.relationshipId,
    state: "open" as const,
    snoozedUntil: null,
    signalGoneAt: null,
  }));
  planAlertChanges(existing, found, status, settings.lowPulseMax, now);
  times.push(performance.now() - t);
  signals = found.length;
}
console.log(
  `rules: ${pairs.toLocaleString()} pairs, ${(pairs * 2).toLocaleString()} participants, ${input.scores.length.toLocaleString()} scores, ` +
    `${input.invitations.length.toLocaleString()} invitations → ${signals.toLocaleString()} signals in ${ms(median(times))} (median of 7)`,
);

// ---- The whole job on PGlite ---------------------------------------------------------------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "grove-bench-signals-"));
try {
  const database = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "db") });
  await database.migrate();
  const db = database.db;
  const t0 = performance.now();
  const [programme] = await queryRows<{ id: string; term_start: string; term_end: string }>(
    db,
    sql`insert into programmes (slug, name, type, term_start, term_end, status) values ('bench', 'Bench', 'mentoring', ${term.termStart}, ${term.termEnd}, 'running') returning id, term_start::text, term_end::text`,
  );
  const p = programme.id;
  await db.execute(
    sql`insert into users (email, name) select 'person' || i || '@example.org', 'Person ' || i from generate_series(1, ${pairs * 2}) i`,
  );
  await db.execute(sql`
    insert into enrolments (programme_id, user_id, role, status, source, answers, capacity)
    select ${p}, u.id, case when n % 2 = 0 then 'mentor' else 'mentee' end, 'approved', 'import',
           jsonb_build_object('timezone', (array['Europe/London','Europe/Berlin','America/New_York','Asia/Tokyo'])[1 + n % 4]),
           case when n % 2 = 0 then 1 end
    from (select id, row_number() over (order by email) as n from users) u`);
  await db.execute(sql`
    insert into relationships (programme_id, mentee_enrolment_id, mentor_enrolment_id, mentee_user_id, mentor_user_id, status, origin, started_at, created_at, mentor_accepted_at, mentee_accepted_at)
    select ${p}, me.id, mo.id, me.user_id, mo.user_id,
           case when me.k % 50 = 0 then 'proposed' when me.k % 40 = 0 then 'paused' else 'active' end, 'round',
           case when me.k % 50 = 0 then null else now() - interval '34 days' end,
           now() - case when me.k % 50 = 0 then interval '8 days' else interval '35 days' end,
           case when me.k % 50 = 0 then null else now() end, case when me.k % 50 = 0 then null else now() end
    from (select id, user_id, row_number() over (order by id) k from enrolments where role = 'mentee') me
    join (select id, user_id, row_number() over (order by id) k from enrolments where role = 'mentor') mo on mo.k = me.k`);
  await db.execute(sql`
    insert into pair_sessions (relationship_id, title, starts_at, ends_at, time_zone, local_date, local_start_time, local_end_time, status)
    select r.id, 'Session', now() - (d || ' days')::interval, now() - (d || ' days')::interval + interval '1 hour', 'UTC',
           (now() - (d || ' days')::interval)::date, '10:00', '11:00', case when d < 0 then 'scheduled' when (hashtext(r.id::text) + d) % 7 = 0 then 'missed' else 'held' end
    from relationships r cross join (values (-3), (4), (12), (19), (26)) s(d)
    where r.status <> 'proposed' and (hashtext(r.id::text) % 5 <> 0 or d > 15)`);
  await seedDefaultSurveys(db, { id: p, type: "mentoring", createdBy: null });
  const [pulse] = await queryRows<{ id: string }>(db, sql`select id from surveys where programme_id = ${p} and purpose = 'pulse'`);
  await db.execute(sql`
    insert into survey_invitations (survey_id, programme_id, user_id, relationship_id, role, occasion, week, link_key, sent_at, closes_at, answered_at)
    select ${pulse.id}, ${p}, x.user_id, r.id, x.role, 'w' || w, w, 'k', now() - ((35 - w * 7) || ' days')::interval, now() - ((28 - w * 7) || ' days')::interval,
           case when abs(hashtext(x.user_id::text || w)) % 10 < 7 then now() - ((34 - w * 7) || ' days')::interval end
    from relationships r
    cross join lateral (values (r.mentee_user_id, 'mentee'), (r.mentor_user_id, 'mentor')) x(user_id, role)
    cross join (values (2), (4)) v(w)
    where r.status <> 'proposed'`);
  await db.execute(sql`
    insert into survey_responses (survey_id, week, answers, occasion, respondent_user_id, relationship_id, respondent_role, submitted_at)
    select i.survey_id, i.week, jsonb_build_object('going', 1 + abs(hashtext(i.id::text)) % 5), i.occasion, i.user_id, i.relationship_id, i.role, i.answered_at
    from survey_invitations i where i.answered_at is not null`);
  await db.execute(sql`
    insert into check_ins (programme_id, relationship_id, happened_on, with_whom, outcome, follow_up_on)
    select ${p}, r.id, (now() - interval '25 days')::date, 'both', 'on_track', case when abs(hashtext(r.id::text)) % 5 = 0 then (now() - interval '2 days')::date end
    from relationships r where r.status = 'active' and abs(hashtext(r.id::text)) % 10 < 6`);
  await db.execute(sql`
    insert into match_requests (programme_id, mentee_enrolment_id, mentor_enrolment_id, message, created_at, expires_at)
    select ${p}, r.mentee_enrolment_id, r2.mentor_enrolment_id, 'May I learn from you?', now() - interval '4 days', now() + interval '3 days'
    from relationships r join relationships r2 on r2.mentor_enrolment_id <> r.mentor_enrolment_id and r2.id = (select id from relationships where id > r.id order by id limit 1)
    where abs(hashtext(r.id::text)) % 20 = 0`);
  await db.execute(sql`analyze`);
  const counts = (
    await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*) from relationships)::int pairs, (select count(*) from pair_sessions)::int sessions, (select count(*) from survey_responses)::int responses,
               (select count(*) from survey_invitations)::int invitations, (select count(*) from check_ins)::int check_ins, (select count(*) from match_requests)::int requests`,
    )
  )[0];
  console.log(
    `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([k, v]) => `${v.toLocaleString()} ${k.replace("_", "-")}`)
      .join(", ")}`,
  );

  const first = performance.now();
  const e1 = await evaluateProgrammeAlerts(db, { id: p, termStart: programme.term_start, termEnd: programme.term_end }, now);
  const firstMs = performance.now() - first;
  const steady: number[] = [];
  let e2 = e1;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    e2 = await evaluateProgrammeAlerts(db, { id: p, termStart: programme.term_start, termEnd: programme.term_end }, now);
    steady.push(performance.now() - t);
  }
  console.log(`programme, first run: ${e1.raised.toLocaleString()} alerts raised in ${ms(firstMs)}`);
  console.log(
    `programme, steady run: ${e2.raised} raised, ${e2.cleared} cleared, ${e2.open.toLocaleString()} open in ${ms(median(steady))} (median of 3; target < 2000 ms)`,
  );
  console.log(`RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
  await database.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
