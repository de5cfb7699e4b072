import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SessionReschedule } from "../../../contracts/workspace.js";
import { minutesOfDay, toUtc } from "../../../core/workspace/local-time.js";
import { addMinutes, endsNextDayMessage, sessionTimesProblem } from "../../../core/workspace/recurrence.js";
import { rescheduleProblem } from "../../../core/workspace/session-rules.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { assertWithinPackage } from "../coaching/package-guard.js";
import { lockOpenPair, type Pair } from "./access.js";
import type { SessionRow } from "./present.js";
import { mailSessionChange } from "./session-mail.js";
import { assertNoOverlap, findSession } from "./session-repository.js";
import { pairSessions } from "./tables.js";

type Input = z.infer<typeof SessionReschedule>;

/**
 * Moves a scheduled session. Its UID stays and its SEQUENCE goes up, so each calendar
 * moves the event it already has. Without a new end time the session keeps its length.
 */
export async function rescheduleSession(
  ctx: AppContext,
  pair: Pair,
  sessionId: string,
  input: Input,
  now = new Date(),
): Promise<SessionRow> {
  return ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    const s = await findSession(tx, r.id, sessionId, true);
    const length = minutesOfDay(s.localEndTime) - minutesOfDay(s.localStartTime);
    const endTime = input.endTime ?? addMinutes(input.startTime, length);
    if (!endTime) {
      const message = endsNextDayMessage(length);
      throw badRequest("ends_next_day", message, { issues: [{ path: ["startTime"], message }] });
    }
    const timeZone = input.timeZone ?? s.timeZone;
    const timesProblem = sessionTimesProblem({ startTime: input.startTime, endTime });
    if (timesProblem)
      throw badRequest(timesProblem.code, timesProblem.message, { issues: [{ path: ["endTime"], message: timesProblem.message }] });
    const startsAt = toUtc({ date: input.date, time: input.startTime, timeZone });
    const endsAt = toUtc({ date: input.date, time: endTime, timeZone });
    const problem = rescheduleProblem(s, startsAt, now);
    if (problem) {
      if (problem.code === "session_in_past")
        throw badRequest(problem.code, problem.message, { issues: [{ path: ["date"], message: problem.message }] });
      throw conflict(problem.code, problem.message);
    }
    await assertNoOverlap(tx, r.id, [{ startsAt, endsAt }], s.id);
    // Moving a session adds none, but it must stay inside a coaching package's period.
    await assertWithinPackage(tx, r.id, 0, input.date);
    const [row] = await tx
      .update(pairSessions)
      .set({
        startsAt,
        endsAt,
        timeZone,
        localDate: input.date,
        localStartTime: input.startTime,
        localEndTime: endTime,
        title: input.title ?? s.title,
        location: input.location ?? s.location,
        sequence: sql`${pairSessions.sequence} + 1`,
        updatedAt: now,
      })
      .where(eq(pairSessions.id, s.id))
      .returning();
    await mailSessionChange(ctx, tx, r, [row], "moved");
    return row;
  });
}
