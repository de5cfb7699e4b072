import { addDays } from "../workspace/local-time.js";

/**
 * A coaching package: so many sessions of so long within so many weeks from the
 * engagement's start. An engagement copies the terms when it starts, so a coordinator
 * editing the package later changes what new engagements get, never a running one's.
 * Only a recorded extension adds sessions or weeks to an engagement.
 */
export type PackageTerms = { sessions: number; sessionMinutes: number; periodWeeks: number };
export type Extension = { sessions: number; weeks: number };

export const PACKAGE_LIMITS = {
  sessions: { min: 1, max: 50 },
  sessionMinutes: { min: 15, max: 240 },
  periodWeeks: { min: 1, max: 104 },
  extensionSessions: { min: 0, max: 20 },
  extensionWeeks: { min: 0, max: 52 },
} as const;

export type Allowance = {
  /** Sessions the engagement may hold: the package's plus every extension's. */
  sessions: number;
  /** The last day of the period (inclusive), extensions included. */
  endsOn: string;
};

export function allowance(
  terms: Pick<PackageTerms, "sessions" | "periodWeeks">,
  startDate: string,
  extensions: readonly Extension[],
): Allowance {
  const sessions = terms.sessions + extensions.reduce((n, e) => n + e.sessions, 0);
  const weeks = terms.periodWeeks + extensions.reduce((n, e) => n + e.weeks, 0);
  return { sessions, endsOn: addDays(startDate, weeks * 7 - 1) };
}

type CountedSession = {
  status: "scheduled" | "held" | "missed" | "cancelled";
  lateCancellation: boolean | null;
  /** Who cancelled: the coach is side "mentor", the coachee side "mentee". */
  cancelledBySide: "mentor" | "mentee" | null;
};

export type Usage = {
  /** Sessions that took place, were missed, or that the coachee cancelled late: spent. */
  used: number;
  /** Sessions scheduled and not yet marked: they hold a place in the package. */
  booked: number;
};

/**
 * Which sessions count against the package. Held and missed sessions are spent, and so is
 * a session the coachee cancelled with less notice than agreed (the usual rule of paid
 * coaching: the coach kept the hour). A session the coach cancelled, or one cancelled in
 * good time, gives its place back. Chemistry calls are not sessions and never count.
 */
export function usage(sessions: readonly CountedSession[]): Usage {
  const counts: SessionCounts = { held: 0, missed: 0, scheduled: 0, lateCancelledByCoachee: 0 };
  for (const s of sessions) {
    if (s.status === "held") counts.held++;
    else if (s.status === "missed") counts.missed++;
    else if (s.status === "scheduled") counts.scheduled++;
    else if (s.lateCancellation && s.cancelledBySide === "mentee") counts.lateCancelledByCoachee++;
  }
  return usageOf(counts);
}

/** The same rule over counts a query already grouped (the coordinator's overview of many engagements). */
export type SessionCounts = { held: number; missed: number; scheduled: number; lateCancelledByCoachee: number };

export const usageOf = (c: SessionCounts): Usage => ({ used: c.held + c.missed + c.lateCancelledByCoachee, booked: c.scheduled });

export const remaining = (u: Usage, a: Pick<Allowance, "sessions">) => Math.max(0, a.sessions - u.used - u.booked);

export type Refusal = { code: string; message: string };

/**
 * Whether `count` more sessions, the last on `lastDate` (the session's own calendar date),
 * fit the package: Grove refuses a session beyond the package or after its period, and
 * says what the coordinator can do about it.
 */
export function newSessionsProblem(u: Usage, a: Allowance, count: number, lastDate: string): Refusal | null {
  const left = a.sessions - u.used - u.booked;
  if (count > left) {
    const what = left <= 0 ? "has no sessions left" : `has ${left} session${left === 1 ? "" : "s"} left`;
    return {
      code: "package_exhausted",
      message: `This engagement's package ${what} (${a.sessions} in all: ${u.used} used, ${u.booked} booked). The coordinator can extend the package.`,
    };
  }
  if (lastDate > a.endsOn) {
    return {
      code: "package_period_over",
      message: `The engagement's period ends on ${a.endsOn}; sessions after that need the coordinator to extend it.`,
    };
  }
  return null;
}

export type ClosingReason = "sessions_used" | "period_over";

/**
 * An engagement moves to closing when its sessions are used or its period is over; there
 * is no question of continuing. Closing is derived, never stored, so it is always true.
 */
export function closingReason(u: Usage, a: Allowance, today: string): ClosingReason | null {
  if (u.used >= a.sessions) return "sessions_used";
  if (today > a.endsOn) return "period_over";
  return null;
}

export function extensionProblem(e: Extension): Refusal | null {
  if (e.sessions === 0 && e.weeks === 0)
    return { code: "validation_failed", message: "An extension adds at least one session or one week." };
  return null;
}
