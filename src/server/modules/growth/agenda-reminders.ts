import { eq, inArray } from "drizzle-orm";
import { AGENDA_REMINDER_HOURS, DEFAULT_AGENDA_REMINDER_HOURS } from "../../../core/growth/notifications.js";
import { otherSide, rulesFor } from "../../../core/programme-modes.js";
import type { AppContext } from "../../platform/context.js";
import { programmes } from "../programmes/tables.js";
import { findRelationship } from "../relationships/access.js";
import { whenFor } from "../workspace/emails.js";
import { pairPeople } from "../workspace/people.js";
import { sessionLink } from "../workspace/session-mail.js";
import { sessionsNeedingAgenda } from "../workspace/stats.js";
import { agendaReminderEmail } from "./emails.js";
import { enqueueNudge } from "./send-nudge.js";
import { notificationSettings } from "./tables.js";

const HOUR = 3_600_000;

/**
 * Hourly: the agenda's author is reminded, N hours before a session (their setting,
 * default 24), that its agenda is not shared yet. The author is the side the mode says
 * drives: the mentee in mentoring, the coach in coaching — never the other one. Keyed by
 * session and start time, so each session gets one reminder, and a rescheduled one a fresh one.
 */
export async function sendAgendaReminders(ctx: AppContext, now = new Date()) {
  const candidates = await sessionsNeedingAgenda(ctx.db, now, new Date(now.getTime() + AGENDA_REMINDER_HOURS.max * HOUR));
  if (candidates.length === 0) return 0;
  const programmeIds = [...new Set(candidates.map((c) => c.programmeId))];
  const typeOf = new Map(
    (await ctx.db.select({ id: programmes.id, type: programmes.type }).from(programmes).where(inArray(programmes.id, programmeIds))).map(
      (p) => [p.id, p.type],
    ),
  );
  let sent = 0;
  for (const s of candidates) {
    const type = typeOf.get(s.programmeId);
    if (!type) continue;
    const author = rulesFor(type).agenda.author;
    const authorUserId = author === "mentee" ? s.menteeUserId : s.mentorUserId;
    const [settings] = await ctx.db
      .select({ hours: notificationSettings.agendaReminderHours })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, authorUserId));
    const hours = settings?.hours ?? DEFAULT_AGENDA_REMINDER_HOURS;
    if (s.startsAt.getTime() - now.getTime() > hours * HOUR) continue;
    const relationship = await findRelationship(ctx.db, s.relationshipId);
    if (!relationship) continue;
    const people = await pairPeople(ctx.db, relationship);
    const to = people[author];
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, to, "agenda_reminder", `nudge:agenda:${s.sessionId}:${s.startsAt.toISOString()}`, (unsubscribe) =>
        agendaReminderEmail(to, {
          partner: people[otherSide(author)].name,
          when: whenFor(s.startsAt, to.timeZone, s.timeZone),
          link: sessionLink(ctx.config.baseUrl, { relationshipId: s.relationshipId, id: s.sessionId }),
          unsubscribe,
          mode: type,
        }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ sessions: candidates.length, sent }, "agenda reminders queued");
  return sent;
}
