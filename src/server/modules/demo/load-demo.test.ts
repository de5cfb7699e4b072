import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/principal.js";
import { queryRows } from "../../platform/db.js";
import { ADMIN, type Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { users } from "../accounts/tables.js";
import { type DemoLoaded, loadDemo } from "./load-demo.js";

type Entry = {
  email: string;
  role: string;
  status: string;
  source: string;
  appliedAt: string;
  training: { completed: number; total: number };
  answers: Record<string, unknown>;
};

let t: TestApp;
let admin: Client;
let principal: Principal;
let demo: DemoLoaded;
let entries: Entry[];

const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.ctx.db, query))[0].n);
const directory = async (programmeId: string, query = "") =>
  (await admin.get(`/api/programmes/${programmeId}/enrolments?limit=200${query}`)).json();

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
  const [user] = await t.ctx.db.select().from(users).where(eq(users.email, ADMIN.email));
  principal = { user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, via: "session" };
  demo = await loadDemo(t.ctx, principal);
  entries = (await directory(demo.programmeId)).items;
});
afterAll(() => t.close());

describe("loading the demo programme", () => {
  it("creates an open mentoring programme the coordinator can see", async () => {
    expect(demo).toMatchObject({ slug: "demo-developer-mentoring", name: "Demo: Developer Mentoring", mentors: 22, mentees: 38 });
    const programme = (await admin.get(`/api/programmes/${demo.programmeId}`)).json();
    expect(programme).toMatchObject({ name: "Demo: Developer Mentoring", type: "mentoring", status: "open" });
  });

  it("lists 60 people in the directory: 50 approved, 8 waiting for review, 2 waitlisted", async () => {
    expect(entries).toHaveLength(60);
    expect(entries.filter((e) => e.role === "mentor")).toHaveLength(22);
    const byStatus = (s: string) => entries.filter((e) => e.status === s);
    expect(byStatus("approved")).toHaveLength(50);
    expect(byStatus("applied")).toHaveLength(8);
    expect(byStatus("waitlisted")).toHaveLength(2);
    expect((await directory(demo.programmeId, "&status=applied")).total).toBe(8);
    // Pending and waitlisted people came in through the public link; the rest were imported.
    for (const e of [...byStatus("applied"), ...byStatus("waitlisted")]) expect(e.source).toBe("application");
    for (const e of byStatus("approved")) expect(e.source).toBe("import");
  });

  it("gives only approved people a role in the programme", async () => {
    expect(
      await count(
        sql`select count(*)::int as n from programme_members where programme_id = ${demo.programmeId} and role in ('mentor', 'mentee')`,
      ),
    ).toBe(50);
  });

  it("has about half the approved people through onboarding, some part-way, none of the undecided", async () => {
    const approved = entries.filter((e) => e.status === "approved");
    const done = approved.filter((e) => e.training.completed === e.training.total);
    const partial = approved.filter((e) => e.training.completed > 0 && e.training.completed < e.training.total);
    expect(done.length).toBeGreaterThanOrEqual(18);
    expect(done.length).toBeLessThanOrEqual(32);
    expect(partial.length).toBeGreaterThan(3);
    for (const e of entries.filter((x) => x.status !== "approved")) expect(e.training.completed).toBe(0);
    expect((await directory(demo.programmeId, "&training=done")).total).toBe(done.length);
  });

  it("spreads applications over the last three weeks, newest still pending", () => {
    const applied = (e: Entry) => new Date(e.appliedAt).getTime();
    const pending = entries.filter((e) => e.status === "applied").map(applied);
    const others = entries.filter((e) => e.status !== "applied").map(applied);
    expect(Math.min(...pending)).toBeGreaterThan(Math.max(...others));
    expect(Date.now() - Math.min(...others)).toBeGreaterThan(14 * 86_400_000);
  });

  it("keeps a few mentees whose manager is one of the mentors", () => {
    const mentors = new Set(entries.filter((e) => e.role === "mentor").map((e) => e.email));
    expect(entries.filter((e) => e.role === "mentee" && mentors.has(e.answers.manager_email as string)).length).toBeGreaterThanOrEqual(2);
  });

  it("comes matched: a published round, most pairs started, two still waiting for acceptance", async () => {
    expect(demo.pairs).toBeDefined();
    const pairs = demo.pairs as NonNullable<DemoLoaded["pairs"]>;
    expect(pairs.proposed).toBe(2);
    expect(pairs.active).toBeGreaterThanOrEqual(15);
    const rounds = (await admin.get(`/api/programmes/${demo.programmeId}/match-rounds`)).json();
    expect(rounds).toEqual([expect.objectContaining({ status: "published", kind: "full" })]);
    expect(rounds[0].stats.matched).toBe(pairs.active + pairs.proposed);
    expect(rounds[0].stats.mentees - rounds[0].stats.matched).toBe(pairs.unmatched);
    const list = async (status: string) =>
      (await admin.get(`/api/programmes/${demo.programmeId}/relationships?status=${status}&limit=100`)).json();
    expect((await list("active")).total).toBe(pairs.active);
    const proposed = (await list("proposed")).items;
    expect(proposed.map((p: { menteeAccepted: boolean; mentorAccepted: boolean }) => [p.menteeAccepted, p.mentorAccepted]).sort()).toEqual([
      [false, false],
      [true, false],
    ]);
    // Nobody is paired with their own manager.
    const managerOf = new Map(entries.map((e) => [e.email, e.answers.manager_email]));
    for (const p of [...(await list("active")).items, ...proposed]) expect(managerOf.get(p.mentee.email)).not.toBe(p.mentor.email);
  });

  it("is four weeks into its term: survey answers, check-ins, and alerts in every state", async () => {
    const support = demo.support as NonNullable<DemoLoaded["support"]>;
    expect(support.responses).toBeGreaterThan(40);
    expect(support.checkIns).toBeGreaterThan(10);
    expect(support.alerts.open).toBeGreaterThan(0);
    expect(support.alerts.acknowledged).toBeGreaterThanOrEqual(2);
    expect(support.alerts.snoozed).toBe(1);
    expect(support.alerts.resolved).toBeGreaterThanOrEqual(2);
    const base = `/api/programmes/${demo.programmeId}`;
    const programme = (await admin.get(base)).json();
    expect(Date.now() - Date.parse(programme.termStart)).toBeGreaterThan(27 * 86_400_000);
    const surveys = (await admin.get(`${base}/surveys`)).json().items;
    const pulse = surveys.find((s: { title: string }) => s.title === "Fortnightly pulse");
    const results = (await admin.get(`${base}/surveys/${pulse.id}/results`)).json();
    expect(results.pulseTrend.map((p: { week: number }) => p.week)).toEqual([2, 4]);
    const anonymous = surveys.find((s: { anonymous: boolean }) => s.anonymous);
    expect((await admin.get(`${base}/surveys/${anonymous.id}/results`)).json()).toMatchObject({ suppressed: false, anonymous: true });
    const resolved = (await admin.get(`${base}/alerts?state=resolved`)).json().items;
    expect(resolved.map((a: { resolvedBy: string }) => a.resolvedBy).sort()).toEqual(expect.arrayContaining(["coordinator", "signal"]));
    const lows = (await admin.get(`${base}/alerts?state=acknowledged&type=low_pulse`)).json().items;
    expect(lows.length).toBeGreaterThanOrEqual(2);
    for (const a of lows) expect(a.assignee?.name).toBe("Ada Admin");
    const plan = (await admin.get(`${base}/check-ins?limit=100`)).json();
    expect(plan.items.some((r: { overdue: boolean }) => r.overdue)).toBe(true);
    expect(plan.items.some((r: { planned: { state: string }[] }) => r.planned[0].state === "done")).toBe(true);
  });

  it("sends no email and leaves no set-password link for the fictional people", async () => {
    expect(await count(sql`select count(*)::int as n from jobs where name = 'mail.send'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from password_resets`)).toBe(0);
    await t.runJobs();
    expect(await count(sql`select count(*)::int as n from jobs where name = 'mail.send'`)).toBe(0);
  });

  it("makes a second demo programme with its own slug when run again", async () => {
    const again = await loadDemo(t.ctx, principal);
    expect(again.slug).toBe("demo-developer-mentoring-2");
    expect((await directory(again.programmeId)).total).toBe(60);
    expect(await count(sql`select count(*)::int as n from users where email like '%@example.org' and email <> ${ADMIN.email}`)).toBe(60);
    expect(await count(sql`select count(*)::int as n from jobs where name = 'mail.send'`)).toBe(0);
  });
});
