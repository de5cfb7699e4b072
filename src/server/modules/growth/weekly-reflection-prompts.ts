import { and, eq, inArray, lte } from "drizzle-orm";
import { weeklyPrompt } from "../../../core/growth/reflection-prompts.js";
import { typesWith } from "../../../core/programme-modes.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { todayUtc } from "./access.js";
import { reflectionPromptEmail } from "./emails.js";
import { pairLink } from "./links.js";
import { meetingPairs } from "./meeting-pairs.js";
import { reflectedInWeek } from "./reflections.js";
import { enqueueNudge } from "./send-nudge.js";

/**
 * Once a week every mentee in a meeting mentoring pair gets the week's question, unless
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
    })
    .from(relationships)
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .innerJoin(users, eq(users.id, relationships.menteeUserId))
    .where(and(meetingPairs, inArray(programmes.type, typesWith("reflections")), lte(programmes.termStart, today)));
  let sent = 0;
  for (const { relationship, programme, mentee } of rows) {
    const p = weeklyPrompt(programme.termStart, programme.phases, today);
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
