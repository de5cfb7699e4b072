import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CoachingWorld, coachingWorld, daysFromToday, rubric } from "../coaching/coaching-fixture.js";
import { findProgramme } from "../programmes/repository.js";
import { evaluateProgrammeAlerts } from "./evaluate-alerts.js";

// The queue reads the coaching module's own "at risk of closing unmeasured" rule: an
// engagement in its last two weeks with an outcome lacking its final raises one alert,
// which closes itself once every outcome is measured.
const MARKER = "Okapi-outcome: stop shouting in reviews";

let w: CoachingWorld;
afterAll(() => w.t.close());
beforeAll(async () => {
  w = await coachingWorld();
});

const alerts = async (state = "unresolved") =>
  (await w.coordinator.get(`/api/programmes/${w.programmeId}/alerts?limit=100&state=${state}&type=outcomes_unmeasured`)).json().items as {
    id: string;
    state: string;
    relationshipId: string;
    summary: string;
  }[];
const evaluate = async () => {
  const programme = await findProgramme(w.t.ctx.db, w.programmeId);
  if (!programme) throw new Error("no programme");
  return evaluateProgrammeAlerts(w.t.ctx.db, programme, new Date());
};

describe("a coaching engagement closing with outcomes unmeasured", () => {
  let engagementId: string;
  let outcomeId: string;

  it("raises nothing while the engagement has weeks to run", async () => {
    engagementId = await w.engagement({ startDate: daysFromToday(-7) });
    const o = await w.coach.post(`/api/engagements/${engagementId}/outcomes`, rubric(MARKER));
    expect(o.statusCode, o.body).toBe(201);
    outcomeId = o.json().outcomes[0].id;
    await evaluate();
    expect(await alerts()).toEqual([]);
  });

  it("raises one alert in its last two weeks, naming no outcome", async () => {
    // Twelve weeks of period, eleven and a half behind it.
    await w.t.ctx.db.execute(
      sql`update coaching_engagements set start_date = ${daysFromToday(-80)} where relationship_id = ${engagementId}`,
    );
    await evaluate();
    await evaluate();
    const raised = await alerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ relationshipId: engagementId, state: "open" });
    const body = JSON.stringify(await (await w.coordinator.get(`/api/programmes/${w.programmeId}/alerts/${raised[0].id}`)).json());
    expect(body).not.toContain(MARKER);
    expect(w.t.logs.join("\n")).not.toContain(MARKER);
  });

  it("closes itself once every outcome has its final value", async () => {
    const measure = (c: typeof w.coach, phase: string, value: number) =>
      c.request("PUT", `/api/engagements/${engagementId}/outcomes/${outcomeId}/measurements/${phase}`, { value });
    for (const c of [w.coach, w.coachee]) expect((await measure(c, "baseline", 3)).statusCode).toBe(200);
    for (const c of [w.coach, w.coachee]) expect((await c.post(`/api/engagements/${engagementId}/agreement`)).statusCode).toBe(200);
    for (const c of [w.coach, w.coachee]) expect((await measure(c, "final", 8)).statusCode).toBe(200);
    await evaluate();
    expect(await alerts()).toEqual([]);
    const [closed] = await alerts("resolved");
    expect(closed).toMatchObject({ relationshipId: engagementId, state: "resolved" });
  });
});
