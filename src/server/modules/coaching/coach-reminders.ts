import { and, eq, gte, inArray, isNull, lte, ne, or } from "drizzle-orm";
import { outcomeResult } from "../../../core/coaching/outcomes.js";
import { rulesFor, typesWith } from "../../../core/programme-modes.js";
import type { AppContext } from "../../platform/context.js";
import { enqueueNudge } from "../growth/send-nudge.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { whenFor } from "../workspace/emails.js";
import { pairPeople } from "../workspace/people.js";
import { pairSessions } from "../workspace/tables.js";
import { measurementReminderEmail, summaryReminderEmail } from "./emails.js";
import { asMeasurement, engagementStates, outcomesOf } from "./repository.js";
import { coachingEngagements, coachingSummaries } from "./tables.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Monday of the week `now` falls in, naming a weekly reminder's occasion in its dedupe key. */
const weekOf = (now: Date) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};

/** The side coaching's nudges go to; the mode says it is the coach. */
const nudged = rulesFor("coaching").nudges;

/**
 * Hourly: the coach of a live engagement is reminded once per session, from an hour after
 * it ended and for a week, that its summary is not shared yet. A missed or cancelled
 * session needs no summary. Keyed by session, so it comes once.
 */
export async function sendSummaryReminders(ctx: AppContext, now = new Date()) {
  const rows = await ctx.db
    .select({ session: pairSessions, relationship: relationships })
    .from(pairSessions)
    .innerJoin(relationships, eq(relationships.id, pairSessions.relationshipId))
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(coachingEngagements, eq(coachingEngagements.relationshipId, relationships.id))
    .leftJoin(coachingSummaries, eq(coachingSummaries.sessionId, pairSessions.id))
    .where(
      and(
        inArray(programmes.type, typesWith("summaries")),
        inArray(relationships.status, ["active", "paused"]),
        or(eq(pairSessions.status, "held"), eq(pairSessions.status, "scheduled")),
        lte(pairSessions.endsAt, new Date(now.getTime() - HOUR)),
        gte(pairSessions.endsAt, new Date(now.getTime() - 7 * DAY)),
        or(isNull(coachingSummaries.sessionId), ne(coachingSummaries.status, "shared")),
      ),
    );
  let sent = 0;
  for (const { session, relationship } of rows) {
    const people = await pairPeople(ctx.db, relationship);
    const to = people[nudged];
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, to, "summary_reminder", `nudge:summary:${session.id}`, (unsubscribe) =>
        summaryReminderEmail(to, {
          coachee: people.mentee.name,
          when: whenFor(session.startsAt, to.timeZone, session.timeZone),
          link: `${ctx.config.baseUrl}/pairs/${relationship.id}/sessions/${session.id}`,
          unsubscribe,
        }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ sessions: rows.length, sent }, "summary reminders queued");
  return sent;
}

/**
 * Daily: the coach is told, at most once a week per engagement, when outcomes need
 * measuring — a baseline while contracting (once the first session is held), and a final
 * when the engagement is closing or about to with finals missing. Counts only, never the
 * outcomes' wording.
 */
export async function sendMeasurementReminders(ctx: AppContext, now = new Date()) {
  const rows = await ctx.db
    .select({ engagement: coachingEngagements, status: relationships.status, relationship: relationships })
    .from(coachingEngagements)
    .innerJoin(relationships, eq(relationships.id, coachingEngagements.relationshipId))
    .where(eq(relationships.status, "active"));
  if (rows.length === 0) return 0;
  const states = await engagementStates(ctx.db, rows, now);
  const { outcomes, measurements } = await outcomesOf(
    ctx.db,
    rows.map((r) => r.engagement.relationshipId),
  );
  let sent = 0;
  for (const r of rows) {
    const state = states.get(r.engagement.relationshipId);
    if (!state) continue;
    const phase = state.risk ? ("final" as const) : state.stage === "contracting" && state.usage.used > 0 ? ("baseline" as const) : null;
    if (!phase) continue;
    const missing = outcomes
      .filter((o) => o.relationshipId === r.engagement.relationshipId)
      .filter((o) => outcomeResult(o, measurements.filter((m) => m.outcomeId === o.id).map(asMeasurement))[phase] === null).length;
    if (missing === 0) continue;
    const people = await pairPeople(ctx.db, r.relationship);
    const to = people[nudged];
    const key = `nudge:measure:${phase}:${r.engagement.relationshipId}:${weekOf(now)}`;
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, to, "measurement_reminder", key, (unsubscribe) =>
        measurementReminderEmail(to, {
          coachee: people.mentee.name,
          phase,
          missing,
          link: `${ctx.config.baseUrl}/pairs/${r.engagement.relationshipId}/outcomes`,
          unsubscribe,
        }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ engagements: rows.length, sent }, "measurement reminders queued");
  return sent;
}
