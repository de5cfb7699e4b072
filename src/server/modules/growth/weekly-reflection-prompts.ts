import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { weeklyPrompt } from "../../../core/growth/reflection-prompts.js";
import { typesWith } from "../../../core/programme-modes.js";
import { weeklySlotDue, zoneOrUtc } from "../../../core/support/local-schedule.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { todayUtc } from "./access.js";
import { reflectionPromptEmail } from "./emails.js";
import { pairLink } from "./links.js";
import { meetingPairs } from "./meeting-pairs.js";
import { reflectedInWeek } from "./reflections.js";
import { enqueueNudge } from "./send-nudge.js";

/** Thursday afternoon in the mentee's own time zone: late enough in the week to have something to reflect on. */
const PROMPT_WEEKDAY = 3;
const PROMPT_TIME = "15:00";

/**
 * Once a week, on Thursday from 15:00 where the mentee is, every mentee in a meeting mentoring pair gets the week's question, unless
 * they already reflected this week or switched these emails off. Keyed by pair and
 * programme week, so a rerun of the job sends nothing new.
 */
export async function sendWeeklyReflectionPrompts(ctx: AppContext, now = new Date()) {
  const today = todayUtc(now);
  const rows = await ctx.db
    .select({
      relationship: relationships,
      programme: { termStart: programmes.termStart, phases: programmes.phases },
      mentee: { id: users.id, email: users.email, name: users.name },
      timeZone: sql<string | null>`${enrolments.answers}->>'timezone'`,
    })
    .from(relationships)
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(users, eq(users.id, relationships.menteeUserId))
    .innerJoin(enrolments, eq(enrolments.id, relationships.menteeEnrolmentId))
    .where(and(meetingPairs, inArray(programmes.type, typesWith("reflections")), lte(programmes.termStart, today)));
  let sent = 0;
  for (const { relationship, programme, mentee, timeZone } of rows) {
    // The prompt's week is the mentee's own: their local Thursday's programme week.
    const localThursday = weeklySlotDue(now, zoneOrUtc(timeZone), PROMPT_WEEKDAY, PROMPT_TIME);
    if (!localThursday || localThursday < programme.termStart) continue;
    const p = weeklyPrompt(programme.termStart, programme.phases, localThursday);
    if (await reflectedInWeek(ctx.db, { relationship }, mentee.id, p.week)) continue;
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, mentee, "reflection_prompt", `nudge:reflection:${relationship.id}:${p.week}`, (unsubscribe) =>
        reflectionPromptEmail(mentee, { week: p.week, prompt: p.prompt, link: pairLink(ctx, relationship.id, "reflections"), unsubscribe }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ pairs: rows.length, sent }, "weekly reflection prompts queued");
  return sent;
}
