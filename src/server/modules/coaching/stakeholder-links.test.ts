import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db.js";
import { Client } from "../../test-support/test-app.js";
import { takeMail } from "../workspace/test-pair.js";
import { type CoachingWorld, coachingWorld, rubric } from "./coaching-fixture.js";
import { submitRatings } from "./rating-links.js";
import { coachingRatingRequests } from "./tables.js";

let w: CoachingWorld;
let a: string;
let b: string;
let outcomeA: string;
const stranger = () => new Client(w.t.app);

/** Sends rating requests and returns the link path of each stakeholder's email, by address. */
async function requestLinks(engagementId: string, phase = "baseline") {
  const coach = engagementId === a ? w.coach : w.otherCoach;
  const res = await coach.post(`/api/engagements/${engagementId}/rating-requests`, { phase });
  expect(res.statusCode, res.body).toBe(201);
  const links = new Map<string, string>();
  for (const m of await takeMail(w.t)) {
    const path = /\/rate\/([0-9a-f-]{36})\/([A-Za-z0-9_-]+)/.exec(m.text);
    if (path) links.set(m.to, `/api/stakeholder-ratings/${path[1]}/${path[2]}`);
  }
  return links;
}

const measurementCount = async () =>
  (
    await queryRows<{ n: number }>(w.t.ctx.db, sql`select count(*)::int as n from coaching_measurements where stakeholder_id is not null`)
  )[0].n;

beforeAll(async () => {
  w = await coachingWorld();
  a = await w.engagement();
  b = await w.engagement({ coachee: "eli@example.org", coach: "cas@example.org" });
  for (const [id, coach] of [
    [a, w.coach],
    [b, w.otherCoach],
  ] as const) {
    await coach.post(`/api/engagements/${id}/outcomes`, rubric("Speaks up in design reviews", ["coachee", "stakeholders"]));
    await coach.post(`/api/engagements/${id}/outcomes`, rubric("Coach-only outcome", ["coach"]));
  }
  outcomeA = (await w.coach.get(`/api/engagements/${a}/outcomes`)).json().outcomes[0].id;
  for (const email of ["pia@example.org", "raj@example.org"])
    await w.coachee.post(`/api/engagements/${a}/stakeholders`, { name: email.split("@")[0], email });
  await w.otherCoachee.post(`/api/engagements/${b}/stakeholders`, { name: "Quinn", email: "quinn@example.org" });
  await takeMail(w.t);
});
afterAll(() => w.t.close());

describe("a stakeholder's rating link", () => {
  it("shows only what to rate, needs no account, and works once", async () => {
    const links = await requestLinks(a);
    expect([...links.keys()].sort()).toEqual(["pia@example.org", "raj@example.org"]);
    const pia = links.get("pia@example.org") as string;
    const form = await stranger().get(pia);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ coachee: "Dana Coachee", stakeholder: "pia", phase: "baseline" });
    expect(form.json().outcomes.map((o: { title: string }) => o.title)).toEqual(["Speaks up in design reviews"]);
    const sent = await stranger().post(pia, { ratings: [{ outcomeId: outcomeA, value: 3 }] });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await measurementCount()).toBe(1);
    const again = await stranger().post(pia, { ratings: [{ outcomeId: outcomeA, value: 9 }] });
    expect([again.statusCode, again.json().error.code]).toEqual([410, "rating_link_used"]);
    expect((await stranger().get(pia)).statusCode).toBe(410);
    expect(await measurementCount()).toBe(1);
  });

  it("is refused at another engagement's address, writing nothing, and still works at its own", async () => {
    const raj = (await requestLinks(a)).get("raj@example.org") as string;
    const wrong = raj.replace(`/stakeholder-ratings/${a}/`, `/stakeholder-ratings/${b}/`);
    const outcomeB = (await w.otherCoach.get(`/api/engagements/${b}/outcomes`)).json().outcomes[0].id;
    for (const body of [{ ratings: [{ outcomeId: outcomeB, value: 2 }] }, { ratings: [{ outcomeId: outcomeA, value: 2 }] }]) {
      const res = await stranger().post(wrong, body);
      expect([res.statusCode, res.json().error.code]).toEqual([404, "rating_link_not_found"]);
    }
    expect((await stranger().get(wrong)).statusCode).toBe(404);
    expect(await measurementCount()).toBe(1);
    // An outcome of another engagement, or one stakeholders do not rate, is refused at the right address too.
    const coachOnly = (await w.coach.get(`/api/engagements/${a}/outcomes`)).json().outcomes[1].id;
    for (const outcomeId of [outcomeB, coachOnly])
      expect((await stranger().post(raj, { ratings: [{ outcomeId, value: 2 }] })).statusCode).toBe(400);
    expect((await stranger().post(raj, { ratings: [{ outcomeId: outcomeA, value: 11 }] })).statusCode).toBe(400);
    expect((await stranger().post(raj, { ratings: [{ outcomeId: outcomeA, value: 5 }] })).statusCode).toBe(200);
    expect(await measurementCount()).toBe(2);
  });

  it("is refused once expired, and when a newer link replaced it", async () => {
    const first = (await requestLinks(b)).get("quinn@example.org") as string;
    const second = (await requestLinks(b)).get("quinn@example.org") as string;
    const outcomeB = (await w.otherCoach.get(`/api/engagements/${b}/outcomes`)).json().outcomes[0].id;
    const replaced = await stranger().post(first, { ratings: [{ outcomeId: outcomeB, value: 4 }] });
    expect([replaced.statusCode, replaced.json().error.code]).toEqual([410, "rating_link_expired"]);
    // The clock, not the database, moves: the same link fifteen days on is expired.
    const token = second.split("/").at(-1) as string;
    await expect(
      submitRatings(w.t.ctx.db, b, token, [{ outcomeId: outcomeB, value: 4 }], new Date(Date.now() + 15 * 86_400_000)),
    ).rejects.toMatchObject({
      status: 410,
      code: "rating_link_expired",
    });
    // And through the API once its expiry has passed.
    await w.t.ctx.db
      .update(coachingRatingRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(coachingRatingRequests.relationshipId, b));
    const expired = await stranger().post(second, { ratings: [{ outcomeId: outcomeB, value: 4 }] });
    expect([expired.statusCode, expired.json().error.code]).toEqual([410, "rating_link_expired"]);
    expect(await measurementCount()).toBe(2);
  });

  it("is refused for an unknown token and once the engagement has finished", async () => {
    const unknown = await stranger().get(`/api/stakeholder-ratings/${a}/${"A".repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    const raj = (await requestLinks(a, "baseline")).get("raj@example.org") as string;
    await w.coachee.post(`/api/relationships/${a}/end`, { category: "other" });
    const closed = await stranger().post(raj, { ratings: [{ outcomeId: outcomeA, value: 6 }] });
    expect([closed.statusCode, closed.json().error.code]).toEqual([410, "engagement_closed"]);
  });

  it("shows stakeholders only as a group average, never one by one", async () => {
    const board = (await w.coach.get(`/api/engagements/${a}/outcomes`)).json();
    const outcome = board.outcomes[0];
    expect(outcome.measurements.filter((m: { group: string }) => m.group === "stakeholders")).toEqual([]);
    expect(outcome.byPhase).toEqual([{ phase: "baseline", groups: [{ group: "stakeholders", count: 2, average: 4 }] }]);
    expect(JSON.stringify(board)).not.toContain("pia");
  });
});

describe("requesting ratings", () => {
  it("refuses finals before the outcomes are agreed, and needs an outcome that asks stakeholders", async () => {
    const final = await w.otherCoach.post(`/api/engagements/${b}/rating-requests`, { phase: "final" });
    expect([final.statusCode, final.json().error.code]).toEqual([409, "outcomes_not_agreed"]);
    const board = (await w.otherCoach.get(`/api/engagements/${b}/outcomes`)).json();
    await w.otherCoach.delete(`/api/engagements/${b}/outcomes/${board.outcomes[0].id}`);
    const none = await w.otherCoach.post(`/api/engagements/${b}/rating-requests`, { phase: "baseline" });
    expect([none.statusCode, none.json().error.code]).toEqual([409, "no_stakeholder_outcomes"]);
    // Only the coach asks.
    expect((await w.otherCoachee.post(`/api/engagements/${b}/rating-requests`, { phase: "baseline" })).statusCode).toBe(403);
  });
});
