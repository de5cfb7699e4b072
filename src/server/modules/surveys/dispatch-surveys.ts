import { and, eq, isNull, lte, notInArray, sql } from "drizzle-orm";
import { dailySlotDue, localMoment, WEEK_START_TIME, zoneOrUtc } from "../../../core/support/local-schedule.js";
import { currentOccasion, isPairAnchored, type Occasion, pairOccasion, termOccasions } from "../../../core/surveys/schedule.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { enqueueNudge } from "../growth/send-nudge.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { surveyRecipients } from "./audience.js";
import { surveyReminderEmail } from "./emails.js";
import { sendInvitation } from "./send-invitation.js";
import { surveyLink, surveyToken } from "./survey-links.js";
import { surveyInvitations, surveys } from "./tables.js";

const DAY = 86_400_000;

/**
 * Hourly: every active survey asks whoever's occasion has come — at 08:00 on the day it
 * opens, in the person's own time zone — and reminds, once, those who have not answered
 * after the survey's reminder delay. Only the latest occasion still open is ever sent, so
 * a survey switched on mid-term does not send every past pulse at once. Pairs meeting is
 * what counts, not the programme's status; only archived programmes hear nothing.
 */
export async function dispatchSurveys(ctx: AppContext, now = new Date()) {
  const invited = await sendDueInvitations(ctx, now);
  const reminded = await sendDueReminders(ctx, now);
  ctx.logger.info({ invited, reminded }, "survey invitations and reminders queued");
  return { invited, reminded };
}

async function sendDueInvitations(ctx: AppContext, now: Date) {
  const rows = await ctx.db
    .select({
      survey: surveys,
      programme: { id: programmes.id, name: programmes.name, termStart: programmes.termStart, termEnd: programmes.termEnd },
    })
    .from(surveys)
    .innerJoin(programmes, eq(programmes.id, surveys.programmeId))
    .where(and(eq(surveys.status, "active"), notInArray(programmes.status, ["archived"]), sql`${surveys.schedule}->>'kind' <> 'manual'`));
  let invited = 0;
  for (const { survey, programme } of rows) {
    const recipients = await surveyRecipients(ctx.db, programme.id, survey);
    if (recipients.length === 0) continue;
    const sent = new Set(
      (
        await ctx.db
          .select({
            userId: surveyInvitations.userId,
            relationshipId: surveyInvitations.relationshipId,
            occasion: surveyInvitations.occasion,
          })
          .from(surveyInvitations)
          .where(eq(surveyInvitations.surveyId, survey.id))
      ).map((i) => `${i.userId}|${i.relationshipId}|${i.occasion}`),
    );
    const termWide = isPairAnchored(survey.schedule) ? [] : termOccasions(survey.schedule, programme);
    for (const r of recipients) {
      const occasions: Occasion[] = isPairAnchored(survey.schedule)
        ? [r.pair && r.relationshipId ? pairOccasion(survey.schedule, { id: r.relationshipId, ...r.pair }, programme) : null].filter(
            (o) => o !== null,
          )
        : termWide;
      const opensAt = (o: Occasion) => localMoment(o.opensOn, WEEK_START_TIME, zoneOrUtc(r.timeZone));
      const occasion = currentOccasion(occasions, opensAt, survey.openDays, now);
      if (!occasion || sent.has(`${r.userId}|${r.relationshipId}|${occasion.key}`)) continue;
      const sentAt = opensAt(occasion);
      const queued = await ctx.db.transaction((tx) =>
        sendInvitation(tx, ctx, {
          survey,
          programmeName: programme.name,
          recipient: r,
          occasion: occasion.key,
          week: occasion.week,
          sentAt: now,
          closesAt: new Date(sentAt.getTime() + survey.openDays * DAY),
        }),
      );
      if (queued) invited++;
    }
  }
  return invited;
}

/** One reminder per invitation, once the survey's delay is over and it is past 08:00 where the person is — never after it closed. */
async function sendDueReminders(ctx: AppContext, now: Date) {
  const due = await ctx.db
    .select({
      invitation: surveyInvitations,
      survey: {
        title: surveys.title,
        anonymous: surveys.anonymous,
        questions: surveys.questions,
        reminderAfterDays: surveys.reminderAfterDays,
      },
      programme: programmes.name,
      to: { id: users.id, name: users.name, email: users.email },
      answers: enrolments.answers,
    })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .innerJoin(programmes, eq(programmes.id, surveyInvitations.programmeId))
    .innerJoin(users, eq(users.id, surveyInvitations.userId))
    .leftJoin(enrolments, and(eq(enrolments.userId, surveyInvitations.userId), eq(enrolments.programmeId, surveyInvitations.programmeId)))
    .where(
      and(
        eq(surveys.status, "active"),
        isNull(surveyInvitations.answeredAt),
        isNull(surveyInvitations.remindedAt),
        sql`${surveys.reminderAfterDays} is not null`,
        lte(sql`${surveyInvitations.sentAt} + ${surveys.reminderAfterDays} * interval '1 day'`, now),
        sql`${surveyInvitations.closesAt} > ${now}`,
      ),
    );
  let reminded = 0;
  for (const d of due) {
    const tz = zoneOrUtc(typeof d.answers?.timezone === "string" ? d.answers.timezone : null);
    // Not in the small hours: the reminder waits for 08:00 in the person's zone.
    if (!dailySlotDue(now, tz, WEEK_START_TIME)) continue;
    const about = d.invitation.relationshipId ? await otherPersonName(ctx, d.invitation.relationshipId, d.to.id) : null;
    const link = surveyLink(ctx, surveyToken(d.invitation));
    const done = await ctx.db.transaction(async (tx) => {
      const [marked] = await tx
        .update(surveyInvitations)
        .set({ remindedAt: now })
        .where(and(eq(surveyInvitations.id, d.invitation.id), isNull(surveyInvitations.remindedAt), isNull(surveyInvitations.answeredAt)))
        .returning({ id: surveyInvitations.id });
      if (!marked) return false;
      await enqueueNudge(tx, ctx, d.to, "survey_invitation", `survey-reminder:${d.invitation.id}`, (unsubscribe) =>
        surveyReminderEmail(d.to, {
          programme: d.programme,
          title: d.survey.title,
          about,
          anonymous: d.survey.anonymous,
          questions: d.survey.questions.length,
          closesAt: d.invitation.closesAt,
          link,
          unsubscribe,
        }),
      );
      return true;
    });
    if (done) reminded++;
  }
  return reminded;
}

async function otherPersonName(ctx: AppContext, relationshipId: string, userId: string) {
  const [r] = await ctx.db
    .select({ mentee: relationships.menteeUserId, mentor: relationships.mentorUserId })
    .from(relationships)
    .where(eq(relationships.id, relationshipId));
  if (!r) return null;
  const [other] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, r.mentee === userId ? r.mentor : r.mentee));
  return other?.name ?? null;
}
