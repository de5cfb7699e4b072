export const SESSION_STATUSES = ["scheduled", "held", "missed", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export type Refusal = { code: string; message: string };

type Timed = { status: SessionStatus; startsAt: Date };

/**
 * New sessions are for the future; the one exception is logging a session that already
 * took place (so a pair that met before using Grove, or forgot, keeps an honest record).
 */
export function newSessionProblem(startsAt: Date, now: Date, logHeld: boolean): Refusal | null {
  if (logHeld && startsAt.getTime() > now.getTime())
    return { code: "session_not_started", message: "Only a session that has already started can be logged as held." };
  if (!logHeld && startsAt.getTime() <= now.getTime())
    return {
      code: "session_in_past",
      message: "That time has already passed. Choose a future time, or log it as a session you held.",
    };
  return null;
}

export function rescheduleProblem(s: Timed, newStart: Date, now: Date): Refusal | null {
  if (s.status !== "scheduled")
    return { code: "session_not_scheduled", message: `This session is ${s.status}; only scheduled sessions can be moved.` };
  if (newStart.getTime() <= now.getTime()) return { code: "session_in_past", message: "Move the session to a time that is still ahead." };
  return null;
}

export function cancelProblem(s: Timed, now: Date): Refusal | null {
  if (s.status !== "scheduled")
    return { code: "session_not_scheduled", message: `This session is ${s.status}; only scheduled sessions can be cancelled.` };
  if (s.startsAt.getTime() <= now.getTime())
    return { code: "session_already_started", message: "This session has already started. Mark it as held or missed instead." };
  return null;
}

export function outcomeProblem(s: Timed, now: Date): Refusal | null {
  if (s.status === "cancelled") return { code: "session_not_scheduled", message: "This session was cancelled." };
  if (s.startsAt.getTime() > now.getTime())
    return { code: "session_not_started", message: "This session has not started yet; mark it once it has taken place (or not)." };
  return null;
}
