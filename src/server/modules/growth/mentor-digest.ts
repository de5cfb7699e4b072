import { and, eq, inArray } from "drizzle-orm";
import { PROGRAMME_TYPES, rulesFor } from "../../../core/programme-modes.js";
import { weeklySlotDue, zoneOrUtc } from "../../../core/support/local-schedule.js";
import type { AppContext } from "../../platform/context.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { whenFor } from "../workspace/emails.js";
import { pairPeople } from "../workspace/people.js";
import { type DigestPair, mentorDigestEmail } from "./emails.js";
import { meetingPairs } from "./meeting-pairs.js";
import { nextSessionByPair } from "./next-sessions.js";
import { enqueueNudge } from "./send-nudge.js";

const DAY = 86_400_000;

/** The digest tells the giving side about agendas the other side writes: only where that is how the mode works. */
const mentorDigestTypes = PROGRAMME_TYPES.filter((t) => rulesFor(t).agenda.author === "mentee");

/** Monday 07:00 in the mentor's own time zone, before the working week starts. */
const DIGEST_WEEKDAY = 0;
const DIGEST_TIME = "07:00";

/**
 * Weekly, from Monday 07:00 where the mentor is (the job runs hourly; the key names their
 * local Monday, so it comes once a week): each mentor gets one short email for all their mentoring pairs — each mentee's
 * next session and whether its agenda is shared, and how many shared agendas wait for
 * the coming week. Names, dates and counts only; never what an agenda says.
 */
export async function sendMentorDigests(ctx: AppContext, now = new Date()) {
  const pairs = await ctx.db
    .select({ relationship: relationships })
    .from(relationships)
    .innerJoin(programmes, eq(programmes.id, relationships.programmeId))
    .where(and(meetingPairs, inArray(programmes.type, mentorDigestTypes)));
  if (pairs.length === 0) return 0;
  const next = await nextSessionByPair(ctx.db, { relationshipIds: pairs.map((p) => p.relationship.id) }, now);
  const byMentor = new Map<string, typeof pairs>();
  for (const p of pairs) byMentor.set(p.relationship.mentorUserId, [...(byMentor.get(p.relationship.mentorUserId) ?? []), p]);

  const horizon = now.getTime() + 7 * DAY;
  let sent = 0;
  for (const [mentorUserId, mine] of byMentor) {
    const lines: DigestPair[] = [];
    let waiting = 0;
    let mentor: { id: string; email: string; name: string; timeZone: string | null } | undefined;
    for (const { relationship } of mine) {
      const people = await pairPeople(ctx.db, relationship);
      mentor = people.mentor;
      const n = next.get(relationship.id);
      if (n?.agendaShared && n.startsAt.getTime() <= horizon) waiting++;
      lines.push({
        mentee: people.mentee.name,
        nextSessionAt: n ? whenFor(n.startsAt, people.mentor.timeZone, n.timeZone) : null,
        agendaShared: n?.agendaShared ?? false,
      });
    }
    if (!mentor) continue;
    const to = mentor;
    const week = weeklySlotDue(now, zoneOrUtc(mentor.timeZone), DIGEST_WEEKDAY, DIGEST_TIME);
    if (!week) continue;
    const queued = await ctx.db.transaction((tx) =>
      enqueueNudge(tx, ctx, { id: mentorUserId }, "mentor_digest", `nudge:digest:${mentorUserId}:${week}`, (unsubscribe) =>
        mentorDigestEmail(to, { pairs: lines, waiting, link: `${ctx.config.baseUrl}/pairs`, unsubscribe }),
      ),
    );
    if (queued) sent++;
  }
  ctx.logger.info({ mentors: byMentor.size, sent }, "mentor digests queued");
  return sent;
}
