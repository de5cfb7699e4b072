import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/principal.js";
import { queryRows } from "../../platform/db.js";
import { ADMIN, type Client, createTestApp, setUpAdmin, type TestApp } from "../../test-support/test-app.js";
import { users } from "../accounts/tables.js";
import { engagementsAtRiskOfClosingUnmeasured } from "../coaching/repository.js";
import { sponsoredEngagements } from "../coaching/sponsored-engagements.js";
import { type CoachingDemoLoaded, loadCoachingDemo } from "./load-coaching-demo.js";

let t: TestApp;
let admin: Client;
let demo: CoachingDemoLoaded;

beforeAll(async () => {
  t = await createTestApp();
  admin = await setUpAdmin(t.app);
  const [user] = await t.ctx.db.select().from(users).where(eq(users.email, ADMIN.email));
  const principal: Principal = { user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, via: "session" };
  demo = await loadCoachingDemo(t.ctx, principal);
});
afterAll(() => t.close());

describe("loading the coaching demo", () => {
  it("creates a running coaching programme with five coaches, twenty coachees and their sponsors", async () => {
    expect(demo).toMatchObject({ name: "Demo: Engineering Leadership Coaching", coaches: 5, coachees: 20, sponsors: 6 });
    const programme = (await admin.get(`/api/programmes/${demo.programmeId}`)).json();
    expect(programme).toMatchObject({ type: "coaching", status: "running" });
    const people = (await admin.get(`/api/programmes/${demo.programmeId}/enrolments?limit=100`)).json().items as {
      role: string;
      status: string;
    }[];
    expect(people.filter((p) => p.role === "coach")).toHaveLength(5);
    expect(people.filter((p) => p.role === "coachee")).toHaveLength(20);
    expect(people.filter((p) => p.role === "sponsor")).toHaveLength(6);
    expect(people.every((p) => p.status === "approved")).toBe(true);
  });

  it("has an engagement at every stage, and says which are at risk of closing unmeasured", async () => {
    const overview = (await admin.get(`/api/programmes/${demo.programmeId}/coaching/overview?limit=100`)).json();
    expect(overview.counts.stages).toMatchObject({ proposed: 1, contracting: 3, in_progress: 4, closing: 3, completed: 4 });
    expect(overview.counts.atRisk).toBeGreaterThanOrEqual(3);
    const atRisk = await engagementsAtRiskOfClosingUnmeasured(t.ctx.db, { programmeId: demo.programmeId });
    expect(atRisk.filter((e) => e.reason === "closing")).toHaveLength(3);
    expect(overview.counts.coacheesWaiting).toBe(5);
    expect(demo.shortlists).toBe(3);
  });

  it("shows completed engagements with targets both met and missed, and finals missing where closing", async () => {
    const asSponsor = async (email: string) => {
      const [s] = await t.ctx.db.select().from(users).where(eq(users.email, email));
      const p: Principal = { user: { id: s.id, email: s.email, name: s.name, isAdmin: false }, via: "session" };
      return (await sponsoredEngagements(t.ctx.db, p, { limit: 10, offset: 0 })).items;
    };
    const grace = await asSponsor("grace.ho.sponsor@example.org");
    expect(grace.map((e) => e.stage).sort()).toEqual(["completed", "in_progress"]);
    expect(grace.find((e) => e.stage === "completed")?.outcomes.map((o) => o.targetMet)).toEqual([true, true]);
    const olivia = await asSponsor("olivia.grant.sponsor@example.org");
    expect(olivia.find((e) => e.stage === "completed")?.outcomes.map((o) => o.targetMet)).toEqual([true, false]);
    const felix = await asSponsor("felix.baptiste.sponsor@example.org");
    const closing = felix.find((e) => e.stage === "closing");
    expect(closing?.outcomes.map((o) => o.final === null)).toEqual([false, true]);
    const overview = (await admin.get(`/api/programmes/${demo.programmeId}/coaching/overview?stage=completed`)).json();
    expect(overview.engagements.items.map((e: { outcomesMeasured: boolean }) => e.outcomesMeasured)).toEqual([true, true, true, true]);
  });

  it("emails none of the fictional people", async () => {
    const queued = await queryRows<{ to: string }>(t.ctx.db, sql`select payload->>'to' as "to" from jobs where name = 'mail.send'`);
    expect(queued.filter((m) => m.to.endsWith("@example.org") && m.to !== ADMIN.email)).toEqual([]);
  });
});
