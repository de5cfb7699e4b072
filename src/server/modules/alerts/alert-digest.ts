import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { ALERT_TYPE_LABELS, alertAge, describeAlert } from "../../../core/alerts/describe.js";
import { effectiveState } from "../../../core/alerts/state.js";
import { dailySlotDue, WEEK_START_TIME, zoneOrUtc } from "../../../core/support/local-schedule.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { enqueueNudge } from "../growth/send-nudge.js";
import { programmeMembers, programmes } from "../programmes/tables.js";
import { settingsByProgramme } from "../support/settings.js";
import { alertDigestEmail, type DigestLine, type DigestProgramme } from "./emails.js";
import { isOverdue } from "./present.js";
import { namesOf } from "./repository.js";
import { supportAlerts } from "./tables.js";

const DAY = 86_400_000;

/**
 * Hourly, each coordinator gets one email a day — at 08:00 in their time zone when they gave
 * one in any programme, otherwise 08:00 UTC — listing their programmes' new alerts (raised
 * in the last day) and overdue ones. Nothing new and nothing overdue: no email. Keyed by
 * person and local date, so it comes once a day however often the job runs.
 */
export async function sendAlertDigests(ctx: AppContext, now = new Date()) {
  const coordinators = await ctx.db
    .select({ userId: programmeMembers.userId, programmeId: programmeMembers.programmeId, name: users.name, email: users.email })
    .from(programmeMembers)
    .innerJoin(users, eq(users.id, programmeMembers.userId))
    .innerJoin(programmes, eq(programmes.id, programmeMembers.programmeId))
    .where(and(eq(programmeMembers.role, "coordinator"), ne(programmes.status, "archived")));
  if (coordinators.length === 0) return 0;
  const programmeIds = [...new Set(coordinators.map((c) => c.programmeId))];
  const progs = await ctx.db
    .select({ id: programmes.id, name: programmes.name, termStart: programmes.termStart, termEnd: programmes.termEnd })
    .from(programmes)
    .where(inArray(programmes.id, programmeIds));
  const settings = await settingsByProgramme(ctx.db, progs);
  const alerts = await ctx.db
    .select()
    .from(supportAlerts)
    .where(and(inArray(supportAlerts.programmeId, programmeIds), ne(supportAlerts.state, "resolved")))
    .orderBy(asc(supportAlerts.raisedAt));
  const name = await namesOf(
    ctx.db,
    alerts.flatMap((a) => [a.menteeUserId, a.mentorUserId]),
  );
  const zones = new Map(
    (
      await ctx.db
        .select({ userId: enrolments.userId, answers: enrolments.answers })
        .from(enrolments)
        .where(inArray(enrolments.userId, [...new Set(coordinators.map((c) => c.userId))]))
    ).map((e) => [e.userId, typeof e.answers?.timezone === "string" ? e.answers.timezone : null]),
  );

  const digests = new Map<string, { to: { id: string; name: string; email: string }; programmes: DigestProgramme[] }>();
  for (const c of coordinators) {
    const p = progs.find((x) => x.id === c.programmeId);
    const s = settings.get(c.programmeId);
    if (!p || !s) continue;
    const mine = alerts.filter((a) => a.programmeId === p.id && effectiveState(a, now) !== "snoozed");
    const toLine = (a: (typeof mine)[number]): DigestLine => ({
      title: ALERT_TYPE_LABELS[a.type],
      pair: [name(a.menteeUserId)?.name, name(a.mentorUserId)?.name].filter(Boolean).join(" and ") || "a participant",
      summary: describeAlert(a.type, a.detail),
      age: alertAge(a.raisedAt, now),
    });
    const fresh = mine.filter((a) => now.getTime() - a.raisedAt.getTime() < DAY).map(toLine);
    const overdue = mine.filter((a) => isOverdue(a, s.overdueAfterDays, now)).map(toLine);
    if (!fresh.length && !overdue.length) continue;
    const d = digests.get(c.userId) ?? { to: { id: c.userId, name: c.name, email: c.email }, programmes: [] };
    d.programmes.push({ name: p.name, link: `${ctx.config.baseUrl}/programmes/${p.id}/alerts`, fresh, overdue });
    digests.set(c.userId, d);
  }

  let sent = 0;
  for (const [userId, d] of digests) {
    const date = dailySlotDue(now, zoneOrUtc(zones.get(userId)), WEEK_START_TIME);
    if (!date) continue;
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, d.to, "alert_digest", `alert-digest:${userId}:${date}`, (unsubscribe) =>
        alertDigestEmail(d.to, d.programmes, unsubscribe),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ coordinators: digests.size, sent }, "alert digests queued");
  return sent;
}
