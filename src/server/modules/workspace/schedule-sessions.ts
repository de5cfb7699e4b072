import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { SessionSchedule } from "../../../contracts/workspace.js";
import { WEEKDAYS } from "../../../core/intake/questions.js";
import { rulesFor } from "../../../core/programme-modes.js";
import {
  addMinutes,
  endsNextDayMessage,
  nextMeetingDate,
  seriesOccurrences,
  sessionTimesProblem,
} from "../../../core/workspace/recurrence.js";
import { newSessionProblem } from "../../../core/workspace/session-rules.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { assertWithinPackage, packageSessionMinutes } from "../coaching/package-guard.js";
import { lockOpenPair, type Pair } from "./access.js";
import type { SessionRow } from "./present.js";
import { mailSessionChange } from "./session-mail.js";
import { assertNoOverlap } from "./session-repository.js";
import { mentoringPlans, pairSessions } from "./tables.js";

type Input = z.infer<typeof SessionSchedule>;

const missing = (field: string, message: string) => badRequest("validation_failed", message, { issues: [{ path: [field], message }] });

/**
 * Schedules one session or a weekly/fortnightly series; anything not given comes from the
 * plan (day, time, zone, place) and the programme (session length). A past time is only
 * accepted as a log of a session already held. Both people get a calendar invitation.
 */
export async function scheduleSessions(ctx: AppContext, pair: Pair, input: Input, now = new Date()): Promise<SessionRow[]> {
  return ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    if (r.status === "paused" && !input.held)
      throw conflict("relationship_paused", "Your relationship is paused. Resume it first to schedule new sessions.");
    const [plan] = await tx.select().from(mentoringPlans).where(eq(mentoringPlans.relationshipId, r.id));

    const timeZone = input.timeZone ?? plan?.timeZone;
    if (!timeZone) throw missing("timeZone", "Choose a time zone for the session, or set one in your plan.");
    const startTime = input.startTime ?? plan?.meetingTime;
    if (!startTime) throw missing("startTime", "Choose a start time, or set a meeting time in your plan.");
    const date =
      input.date ?? (plan?.meetingDay ? nextMeetingDate(now, WEEKDAYS.indexOf(plan.meetingDay), startTime, timeZone) : undefined);
    if (!date) throw missing("date", "Choose a date, or set a meeting day in your plan.");
    // A coaching engagement's sessions last as long as its package says; a mentoring pair's as the programme says.
    const minutes = (await packageSessionMinutes(tx, r.id)) ?? pair.programme.sessionMinutes;
    const endTime = input.endTime ?? addMinutes(startTime, minutes);
    if (!endTime) {
      const message = endsNextDayMessage(minutes);
      throw badRequest("ends_next_day", message, { issues: [{ path: ["startTime"], message }] });
    }

    const timesProblem = sessionTimesProblem({ startTime, endTime });
    if (timesProblem)
      throw badRequest(timesProblem.code, timesProblem.message, { issues: [{ path: ["endTime"], message: timesProblem.message }] });
    const occurrences = seriesOccurrences(
      { date, startTime, endTime, timeZone },
      input.repeat?.frequency ?? null,
      input.repeat?.count ?? 1,
    );
    const whenProblem = newSessionProblem(occurrences[0].startsAt, now, input.held === true);
    if (whenProblem)
      throw badRequest(whenProblem.code, whenProblem.message, { issues: [{ path: ["date"], message: whenProblem.message }] });
    await assertNoOverlap(tx, r.id, occurrences);
    await assertWithinPackage(tx, r.id, occurrences.length, occurrences[occurrences.length - 1].date);

    const seriesId = input.repeat ? randomUUID() : null;
    const rows = await tx
      .insert(pairSessions)
      .values(
        occurrences.map((o) => ({
          relationshipId: r.id,
          seriesId,
          title: input.title ?? rulesFor(pair.programme.type).words.sessionTitle,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          timeZone,
          localDate: o.date,
          localStartTime: startTime,
          localEndTime: endTime,
          location: input.location ?? plan?.location ?? "",
          status: input.held ? ("held" as const) : ("scheduled" as const),
          outcomeAt: input.held ? now : null,
          createdBy: pair.userId,
        })),
      )
      .returning();
    rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    // A logged past session needs no invitation: it is a record, not a plan.
    if (!input.held) await mailSessionChange(ctx, tx, r, rows, "scheduled");
    return rows;
  });
}
