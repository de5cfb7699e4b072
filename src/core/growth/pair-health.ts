import type { RelationshipStatus } from "../relationships/status.js";

/**
 * What a coordinator may know about how a pair is doing: counts and dates only, never
 * what the pair wrote. Flags are simple early warnings a coordinator can act on with a
 * check-in; the risk score only orders the list so the pairs needing a look come first.
 */
export const HEALTH_FLAGS = ["no_session_14_days", "no_agenda_next_session", "missed_sessions", "plan_not_acknowledged"] as const;
export type HealthFlag = (typeof HEALTH_FLAGS)[number];

export const HEALTH_FLAG_LABELS: Record<HealthFlag, string> = {
  no_session_14_days: "No session in 14 days",
  no_agenda_next_session: "No agenda for the next session",
  missed_sessions: "Two or more missed sessions",
  plan_not_acknowledged: "Plan not agreed after two weeks",
};

const WEIGHT: Record<HealthFlag, number> = {
  no_session_14_days: 40,
  missed_sessions: 25,
  no_agenda_next_session: 15,
  plan_not_acknowledged: 10,
};

export type PairFacts = {
  status: RelationshipStatus;
  startedAt: Date | null;
  sessionsHeld: number;
  sessionsMissed: number;
  lastSessionAt: Date | null;
  nextSessionAt: Date | null;
  /** Whether the mentee has shared an agenda for the next session (false when there is none). */
  nextSessionHasAgenda: boolean;
  planAcknowledged: boolean;
};

const DAY_MS = 86_400_000;
export const QUIET_DAYS = 14;

export const daysSince = (at: Date | null, now: Date) => (at ? Math.floor((now.getTime() - at.getTime()) / DAY_MS) : null);

/** `quietDays` is the programme's own threshold when its alerts use one (14 by default). */
export function healthFlags(p: PairFacts, now: Date, quietDays = QUIET_DAYS): HealthFlag[] {
  // Only a pair that is meeting can be falling behind; paused, closed and proposed pairs raise nothing.
  if (p.status !== "active") return [];
  const flags: HealthFlag[] = [];
  const quietSince = p.lastSessionAt ?? p.startedAt;
  const quietFor = daysSince(quietSince, now);
  if (quietFor !== null && quietFor >= quietDays) flags.push("no_session_14_days");
  if (p.nextSessionAt && !p.nextSessionHasAgenda) flags.push("no_agenda_next_session");
  if (p.sessionsMissed >= 2) flags.push("missed_sessions");
  const runningDays = daysSince(p.startedAt, now);
  if (!p.planAcknowledged && runningDays !== null && runningDays >= QUIET_DAYS) flags.push("plan_not_acknowledged");
  return flags;
}

/** Higher means "look at this pair first"; only comparable between pairs. */
export function riskScore(flags: HealthFlag[], p: PairFacts, now: Date): number {
  const quiet = daysSince(p.lastSessionAt ?? p.startedAt, now) ?? 0;
  // Within the same flags, the pair that has been quiet longer comes first (capped so one old pair cannot dominate).
  return flags.reduce((sum, f) => sum + WEIGHT[f], 0) * 100 + (p.status === "active" ? Math.min(quiet, 99) : 0);
}
