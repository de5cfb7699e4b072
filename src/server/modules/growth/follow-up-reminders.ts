import { and, count, eq, gte, inArray, isNull, lt, max, min, sql } from "drizzle-orm";
import { typesWith } from "../../../core/programme-modes.js";
import { dailySlotDue, zoneOrUtc } from "../../../core/support/local-schedule.js";
import { addDays } from "../../../core/workspace/local-time.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { actionItems } from "../workspace/tables.js";
import { todayUtc } from "./access.js";
import { followUpReminderEmail } from "./emails.js";
import { pairLink } from "./links.js";
import { meetingPairs } from "./meeting-pairs.js";
import { enqueueNudge } from "./send-nudge.js";

/**
 * Only an item that fell overdue in the last week starts a reminder: sent jobs (and their
 * dedupe keys) are pruned after two weeks, and an item left open for months must not
 * bring the same reminder back every fortnight.
 */
const FRESHLY_OVERDUE_DAYS = 7;

/** The reminder arrives at this time in the mentee's own time zone. */
const REMINDER_TIME = "08:00";

/**
 * Daily, at 08:00 where the mentee is (the job runs hourly and asks whose morning it is):
 * a mentee with open action items past their due date is reminded to follow up (action
 * items are mentoring's; coaching has exercises, which the coach follows up).
 * Only the mentee's own items — following up is theirs to drive. The key names the latest
 * overdue due date, so the reminder comes again only when another item falls overdue.
 */
export async function sendFollowUpReminders(ctx: AppContext, now = new Date()) {
  const today = todayUtc(now);
  const rows = await ctx.db
    .select({
      relationshipId: relationships.id,
      mentee: { id: users.id, email: users.email, name: users.name },
      overdue: count(),
      oldestDue: min(actionItems.dueOn),
      latestDue: max(actionItems.dueOn),
      timeZone: sql<string | null>`${enrolments.answers}->>'timezone'`,
    })
    .from(actionItems)
    .innerJoin(relationships, eq(relationships.id, actionItems.relationshipId))
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(users, eq(users.id, relationships.menteeUserId))
    .innerJoin(enrolments, eq(enrolments.id, relationships.menteeEnrolmentId))
    .where(
      and(
        meetingPairs,
        inArray(programmes.type, typesWith("actionItems")),
        eq(actionItems.owner, "mentee"),
        isNull(actionItems.doneAt),
        lt(actionItems.dueOn, today),
      ),
    )
    .groupBy(relationships.id, users.id, users.email, users.name, sql`${enrolments.answers}->>'timezone'`)
    .having(gte(max(actionItems.dueOn), addDays(today, -FRESHLY_OVERDUE_DAYS)));
  let sent = 0;
  for (const r of rows) {
    if (!dailySlotDue(now, zoneOrUtc(r.timeZone), REMINDER_TIME)) continue;
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, r.mentee, "follow_up_reminder", `nudge:follow-up:${r.relationshipId}:${r.latestDue}`, (unsubscribe) =>
        followUpReminderEmail(r.mentee, {
          overdue: Number(r.overdue),
          oldestDue: r.oldestDue ?? today,
          link: pairLink(ctx, r.relationshipId),
          unsubscribe,
        }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ pairs: rows.length, sent }, "follow-up reminders queued");
  return sent;
}
