import { and, eq, inArray, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { dueProgrammeWeek, zoneOrUtc } from "../../../core/support/local-schedule.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { enrolments, programmeResources } from "../enrolment/tables.js";
import { enqueueNudge } from "../growth/send-nudge.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { weeklyResourceEmail } from "./emails.js";

const person = alias(users, "person");
const enrolment = alias(enrolments, "enrolment");

/**
 * Hourly: at the start of each programme week — 08:00 on its first day, in the person's own
 * time zone — everyone in an active pair gets that week's resource for their side, once
 * (keyed by programme, person and week: a mentor with two mentees gets one). Never to a
 * paused pair, never after the term's last day, never to someone who switched these off.
 */
export async function sendWeeklyResources(ctx: AppContext, now = new Date()) {
  const withResources = ctx.db.selectDistinct({ id: programmeResources.programmeId }).from(programmeResources);
  const rows = await ctx.db
    .select({
      programme: { id: programmes.id, name: programmes.name, termStart: programmes.termStart, termEnd: programmes.termEnd },
      side: enrolment.role,
      to: { id: person.id, name: person.name, email: person.email },
      answers: enrolment.answers,
    })
    .from(relationships)
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(enrolment, or(eq(enrolment.id, relationships.menteeEnrolmentId), eq(enrolment.id, relationships.mentorEnrolmentId)))
    .innerJoin(person, eq(person.id, enrolment.userId))
    .where(and(eq(relationships.status, "active"), ne(programmes.status, "archived"), inArray(programmes.id, withResources)));
  if (rows.length === 0) return 0;
  const resources = await ctx.db
    .select()
    .from(programmeResources)
    .where(inArray(programmeResources.programmeId, [...new Set(rows.map((r) => r.programme.id))]));
  const byKey = new Map(resources.map((r) => [`${r.programmeId}:${r.week}:${r.audience}`, r]));
  const done = new Set<string>();
  let sent = 0;
  for (const row of rows) {
    const due = dueProgrammeWeek(row.programme, zoneOrUtc(typeof row.answers?.timezone === "string" ? row.answers.timezone : null), now);
    if (!due) continue;
    // The receiving side (mentee, coachee) reads the mentee resources; the giving side the mentor ones.
    const audience = row.side === "mentee" || row.side === "coachee" ? "mentee" : "mentor";
    const resource = byKey.get(`${row.programme.id}:${due.week}:${audience}`);
    const key = `resource:${row.programme.id}:${row.to.id}:w${due.week}`;
    if (!resource || done.has(key)) continue;
    done.add(key);
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, row.to, "weekly_resource", key, (unsubscribe) =>
        weeklyResourceEmail(row.to, {
          programme: row.programme.name,
          week: due.week,
          title: resource.title,
          body: resource.body,
          links: resource.links,
          link: `${ctx.config.baseUrl}/programmes/${row.programme.id}`,
          unsubscribe,
        }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ people: done.size, sent }, "weekly resources queued");
  return sent;
}
