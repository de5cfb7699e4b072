import { describe, expect, it } from "vitest";
import { healthFlags, type PairFacts, riskScore } from "./pair-health.js";

const now = new Date("2026-03-20T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const healthy: PairFacts = {
  status: "active",
  startedAt: daysAgo(40),
  sessionsHeld: 5,
  sessionsMissed: 0,
  lastSessionAt: daysAgo(6),
  nextSessionAt: new Date(now.getTime() + 86_400_000),
  nextSessionHasAgenda: true,
  planAcknowledged: true,
};

describe("pair health", () => {
  it("raises nothing for a pair that meets, plans and prepares", () => {
    expect(healthFlags(healthy, now)).toEqual([]);
  });

  it("flags 14 quiet days, counting from the start when no session was held yet", () => {
    expect(healthFlags({ ...healthy, lastSessionAt: daysAgo(14) }, now)).toEqual(["no_session_14_days"]);
    expect(healthFlags({ ...healthy, lastSessionAt: daysAgo(13) }, now)).toEqual([]);
    expect(healthFlags({ ...healthy, lastSessionAt: null, sessionsHeld: 0, startedAt: daysAgo(20) }, now)).toContain("no_session_14_days");
    expect(healthFlags({ ...healthy, lastSessionAt: null, sessionsHeld: 0, startedAt: daysAgo(3) }, now)).toEqual([]);
  });

  it("flags a next session without a shared agenda, repeated misses and an unagreed plan", () => {
    expect(healthFlags({ ...healthy, nextSessionHasAgenda: false }, now)).toEqual(["no_agenda_next_session"]);
    expect(healthFlags({ ...healthy, nextSessionAt: null, nextSessionHasAgenda: false }, now)).toEqual([]);
    expect(healthFlags({ ...healthy, sessionsMissed: 2 }, now)).toEqual(["missed_sessions"]);
    expect(healthFlags({ ...healthy, planAcknowledged: false }, now)).toEqual(["plan_not_acknowledged"]);
    expect(healthFlags({ ...healthy, planAcknowledged: false, startedAt: daysAgo(5) }, now)).toEqual([]);
  });

  it("raises nothing for paused or closed pairs", () => {
    for (const status of ["paused", "completed", "ended", "proposed"] as const) {
      expect(healthFlags({ ...healthy, status, lastSessionAt: daysAgo(60), sessionsMissed: 4 }, now)).toEqual([]);
    }
  });

  it("orders by flags first, then by how long the pair has been quiet", () => {
    const quiet = { ...healthy, lastSessionAt: daysAgo(30) };
    const quieter = { ...healthy, lastSessionAt: daysAgo(45) };
    const noAgenda = { ...healthy, nextSessionHasAgenda: false };
    const score = (p: PairFacts) => riskScore(healthFlags(p, now), p, now);
    expect(score(quieter)).toBeGreaterThan(score(quiet));
    expect(score(quiet)).toBeGreaterThan(score(noAgenda));
    expect(score(noAgenda)).toBeGreaterThan(score(healthy));
  });
});
