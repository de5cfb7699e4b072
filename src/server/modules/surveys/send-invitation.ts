import { newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { enqueueNudge } from "../growth/send-nudge.js";
import type { Recipient } from "./audience.js";
import { surveyInvitationEmail } from "./emails.js";
import type { SurveyRow } from "./present.js";
import { surveyLink, surveyToken } from "./survey-links.js";
import { surveyInvitations } from "./tables.js";

export type Send = {
  survey: SurveyRow;
  programmeName: string;
  recipient: Recipient;
  occasion: string;
  week: number | null;
  sentAt: Date;
  closesAt: Date;
};

/**
 * Invites one person on one occasion and queues the email, in the caller's transaction.
 * The invitation is unique per survey, person, occasion and pair, so a rerun — or two
 * processes — asks nobody twice. The invitation exists even for someone who switched survey
 * emails off: they still find it under Surveys in the app. Returns whether it was new.
 */
export async function sendInvitation(tx: Executor, ctx: AppContext, s: Send): Promise<boolean> {
  const [invitation] = await tx
    .insert(surveyInvitations)
    .values({
      surveyId: s.survey.id,
      programmeId: s.survey.programmeId,
      userId: s.recipient.userId,
      relationshipId: s.recipient.relationshipId,
      role: s.recipient.role,
      occasion: s.occasion,
      week: s.week,
      linkKey: newSecret(),
      sentAt: s.sentAt,
      closesAt: s.closesAt,
    })
    .onConflictDoNothing()
    .returning();
  if (!invitation) return false;
  const link = surveyLink(ctx, surveyToken(invitation));
  await enqueueNudge(tx, ctx, { id: s.recipient.userId }, "survey_invitation", `survey:${invitation.id}`, (unsubscribe) =>
    surveyInvitationEmail(s.recipient, {
      programme: s.programmeName,
      title: s.survey.title,
      about: s.recipient.about,
      anonymous: s.survey.anonymous,
      questions: s.survey.questions.length,
      closesAt: invitation.closesAt,
      link,
      unsubscribe,
    }),
  );
  return true;
}
