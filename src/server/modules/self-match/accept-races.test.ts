import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type GroveApp } from "../../app.js";
import { type Database, openDatabase, queryRows } from "../../platform/db.js";
import { Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { messageFor, selfMatchProgramme } from "./self-match-fixture.js";
import { matchRequests } from "./tables.js";

// Two Grove app instances on one PostgreSQL database, each with its own connection pool, fire
// accepts at the same moment. Only PostgreSQL has concurrent transactions: PGlite serves one
// connection, so there the same requests would simply run one after another and prove nothing.
const postgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let second: { app: GroveApp; database: Database } | undefined;
let programmeId: string;
let ids: Record<string, string>;
/** Each person signed in once, usable through either app instance. */
let clients: Record<string, [Client, Client]>;

const MENTORS = ["m1", "m2", "m3", "m4"].map((m) => `${m}@example.org`);
const MENTEES = ["e1", "e2", "e3", "e4", "e5", "e6"].map((e) => `${e}@example.org`);

beforeAll(async () => {
  if (!postgres) return;
  t = await createTestApp();
  const admin = await setUpAdmin(t.app);
  const rows = [
    ...MENTORS.map((m, i) => `${m},Mentor ${i + 1},mentor,10,Go:5,technical skills,,Europe/Lisbon,English,10,`),
    ...MENTEES.map((e, i) => `${e},Mentee ${i + 1},mentee,1,Go:1,,technical skills,Europe/Lisbon,English,,`),
  ];
  const setup = await selfMatchProgramme(t, admin, "Races", rows, { requestLimit: 10 });
  programmeId = setup.programmeId;
  ids = setup.enrolmentIds;
  const database = await openDatabase({ driver: "postgres", url: (t.database as { url?: string }).url as string, poolSize: 5 });
  const app = await buildApp({ ...t.ctx, database, db: database.db });
  await app.ready();
  second = { app, database };
  clients = {};
  for (const [email, client] of Object.entries(setup.people)) {
    const twin = new Client(app);
    twin.cookie = client.cookie;
    twin.csrfToken = client.csrfToken;
    clients[email] = [client, twin];
  }
}, 180_000);

afterAll(async () => {
  await second?.app.close();
  await second?.database.close();
  await t?.close();
});

/** A fresh start between rounds: no pairs and no requests (so no "paired before" either). */
async function reset(capacities: Record<string, number>) {
  await t.ctx.db.delete(relationships).where(eq(relationships.programmeId, programmeId));
  await t.ctx.db.delete(matchRequests).where(eq(matchRequests.programmeId, programmeId));
  for (const [mentor, capacity] of Object.entries(capacities)) {
    await t.ctx.db.update(enrolments).set({ capacity }).where(eq(enrolments.id, ids[mentor]));
  }
}

/** Each mentee asks each mentor (one after another: the race is in the answers). Returns request ids by "mentee>mentor". */
async function requestAll(mentees: string[], mentors: string[]) {
  const out = new Map<string, string>();
  for (const e of mentees) {
    for (const m of mentors) {
      const res = await clients[e][0].post(`/api/programmes/${programmeId}/match-requests`, {
        mentorEnrolmentId: ids[m],
        message: messageFor(e, m),
      });
      expect(res.statusCode, res.body).toBe(201);
      out.set(`${e}>${m}`, res.json().id);
    }
  }
  return out;
}

type Outcome = { status: number; code?: string };

/** All accepts at once, alternating between the two app instances. */
async function acceptAtOnce(accepts: { mentor: string; requestId: string }[]): Promise<Outcome[]> {
  return Promise.all(
    accepts.map(async ({ mentor, requestId }, i) => {
      const res = await clients[mentor][i % 2].post(`/api/match-requests/${requestId}/accept`);
      return { status: res.statusCode, code: res.statusCode === 200 ? undefined : res.json().error?.code };
    }),
  );
}

/** What must hold whatever the interleaving. */
async function expectInvariants(outcomes: Outcome[]) {
  for (const o of outcomes) {
    expect([200, 409], JSON.stringify(o)).toContain(o.status);
    if (o.status === 409) expect(["request_not_pending", "mentee_already_matched", "mentor_full"]).toContain(o.code);
  }
  const live = await t.ctx.db
    .select()
    .from(relationships)
    .where(and(eq(relationships.programmeId, programmeId), inArray(relationships.status, ["proposed", "active", "paused"])));
  expect(live).toHaveLength(outcomes.filter((o) => o.status === 200).length);
  const perMentee = new Map<string, number>();
  const perMentor = new Map<string, number>();
  for (const r of live) {
    perMentee.set(r.menteeEnrolmentId, (perMentee.get(r.menteeEnrolmentId) ?? 0) + 1);
    perMentor.set(r.mentorEnrolmentId, (perMentor.get(r.mentorEnrolmentId) ?? 0) + 1);
  }
  for (const n of perMentee.values()) expect(n).toBe(1);
  const capacity = new Map(
    (await t.ctx.db.select().from(enrolments).where(eq(enrolments.programmeId, programmeId))).map((e) => [e.id, e.capacity ?? 0]),
  );
  for (const [mentor, n] of perMentor) expect(n).toBeLessThanOrEqual(capacity.get(mentor) as number);

  const requests = await t.ctx.db.select().from(matchRequests).where(eq(matchRequests.programmeId, programmeId));
  const accepted = requests.filter((r) => r.status === "accepted");
  // Every accepted request is exactly one live pair, and every live pair came from one.
  expect(accepted.map((r) => `${r.menteeEnrolmentId}>${r.mentorEnrolmentId}`).sort()).toEqual(
    live.map((r) => `${r.menteeEnrolmentId}>${r.mentorEnrolmentId}`).sort(),
  );
  // Nothing left pending for a matched mentee or to a full mentor.
  for (const r of requests.filter((x) => x.status === "pending")) {
    expect(perMentee.has(r.menteeEnrolmentId), "pending request of a matched mentee").toBe(false);
    expect(perMentor.get(r.mentorEnrolmentId) ?? 0, "pending request to a full mentor").toBeLessThan(
      capacity.get(r.mentorEnrolmentId) as number,
    );
  }
  return { live, requests };
}

const shuffle = <T>(xs: T[], seed: number) => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

describe.skipIf(!postgres)(
  "accepting at the same moment: two app instances on PostgreSQL (skipped on PGlite: one connection, nothing runs concurrently)",
  { timeout: 240_000 },
  () => {
    it("four mentors accept the same mentee at once, twelve times: exactly one pair each time", async () => {
      for (let round = 0; round < 12; round++) {
        const mentee = MENTEES[round % MENTEES.length];
        await reset(Object.fromEntries(MENTORS.map((m) => [m, 10])));
        const requests = await requestAll([mentee], MENTORS);
        const outcomes = await acceptAtOnce(MENTORS.map((m) => ({ mentor: m, requestId: requests.get(`${mentee}>${m}`) as string })));
        expect(
          outcomes.filter((o) => o.status === 200),
          `round ${round}: ${JSON.stringify(outcomes)}`,
        ).toHaveLength(1);
        const { requests: after } = await expectInvariants(outcomes);
        // The three others were closed as "matched elsewhere", not left pending.
        expect(after.filter((r) => r.status === "withdrawn" && r.closedReason?.includes("another mentor"))).toHaveLength(3);
      }
    });

    it("one mentor with one place accepts four mentees at once, twelve times: exactly one pair each time", async () => {
      for (let round = 0; round < 12; round++) {
        const mentor = MENTORS[round % MENTORS.length];
        const mentees = MENTEES.slice(round % 3, (round % 3) + 4);
        await reset({ [mentor]: 1 });
        const requests = await requestAll(mentees, [mentor]);
        const outcomes = await acceptAtOnce(mentees.map((e) => ({ mentor, requestId: requests.get(`${e}>${mentor}`) as string })));
        expect(
          outcomes.filter((o) => o.status === 200),
          `round ${round}: ${JSON.stringify(outcomes)}`,
        ).toHaveLength(1);
        const { requests: after } = await expectInvariants(outcomes);
        expect(after.filter((r) => r.status === "closed" && r.closedReason === "The mentor has no places left.")).toHaveLength(3);
        await t.ctx.db.update(enrolments).set({ capacity: 10 }).where(eq(enrolments.id, ids[mentor]));
      }
    });

    it("a mentee sends four requests at once with a limit of two, ten times: never more than two wait", async () => {
      await t.ctx.db.update(programmes).set({ requestLimit: 2 }).where(eq(programmes.id, programmeId));
      try {
        for (let round = 0; round < 10; round++) {
          const mentee = MENTEES[round % MENTEES.length];
          await reset(Object.fromEntries(MENTORS.map((m) => [m, 10])));
          const answers = await Promise.all(
            MENTORS.map((m, i) =>
              clients[mentee][i % 2].post(`/api/programmes/${programmeId}/match-requests`, {
                mentorEnrolmentId: ids[m],
                message: messageFor(mentee, m),
              }),
            ),
          );
          expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join("\n")).toEqual([201, 201, 409, 409]);
          for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.code).toBe("request_limit");
          const pending = await t.ctx.db
            .select()
            .from(matchRequests)
            .where(and(eq(matchRequests.menteeEnrolmentId, ids[mentee]), eq(matchRequests.status, "pending")));
          expect(pending).toHaveLength(2);
        }
      } finally {
        await t.ctx.db.update(programmes).set({ requestLimit: 10 }).where(eq(programmes.id, programmeId));
      }
    });

    it("every mentor accepts every mentee at once (24 accepts, 6 places), five shuffles: capacity and one pair per mentee hold", async () => {
      const capacities = { [MENTORS[0]]: 1, [MENTORS[1]]: 1, [MENTORS[2]]: 2, [MENTORS[3]]: 2 };
      for (let round = 0; round < 5; round++) {
        await reset(capacities);
        const requests = await requestAll(MENTEES, MENTORS);
        const all = MENTEES.flatMap((e) => MENTORS.map((m) => ({ mentor: m, requestId: requests.get(`${e}>${m}`) as string })));
        const outcomes = await acceptAtOnce(shuffle(all, round + 1));
        const { live } = await expectInvariants(outcomes);
        // Someone always wins, and no place is given twice.
        expect(live.length).toBeGreaterThanOrEqual(1);
        expect(live.length).toBeLessThanOrEqual(6);
      }
      // Not a single unexpected error in either instance's answers (checked per outcome above); the database agrees.
      const [{ n }] = await queryRows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from relationships where programme_id = ${programmeId} and origin = 'self_match'`,
      );
      expect(n).toBeGreaterThan(0);
    });
  },
);
