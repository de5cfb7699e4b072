import { and, count, eq, gte, inArray, isNull, lt, max, min } from "drizzle-orm";
import { typesWith } from "../../../core/programme-modes.js";
import { addDays } from "../../../core/workspace/local-time.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
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

/**
 * Daily: a mentee with open action items past their due date is reminded to follow up
 * (action items are mentoring's; coaching has exercises, which the coach follows up).
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
    })
    .from(actionItems)
    .innerJoin(relationships, eq(relationships.id, actionItems.relationshipId))
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(users, eq(users.id, relationships.menteeUserId))
    .where(
      and(
        meetingPairs,
        inArray(programmes.type, typesWith("actionItems")),
        eq(actionItems.owner, "mentee"),
        isNull(actionItems.doneAt),
        lt(actionItems.dueOn, today),
      ),
    )
    .groupBy(relationships.id, users.id, users.email, users.name)
    .having(gte(max(actionItems.dueOn), addDays(today, -FRESHLY_OVERDUE_DAYS)));
  let sent = 0;
  for (const r of rows) {
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
