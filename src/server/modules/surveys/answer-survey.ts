import { eq } from "drizzle-orm";
import { checkAnswers } from "../../../core/surveys/questions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { loadInvitation } from "./read-survey-link.js";
import { surveyInvitations, surveyResponses } from "./tables.js";

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * Takes one person's answers through their link. In one transaction that holds the
 * invitation's row lock: the answers are stored and the invitation marked answered, so
 * a second submit — a double click, a reused link — is refused and nothing is stored twice.
 * An anonymous response keeps only the survey and the programme week; the receipt keeps
 * only the day, so the two cannot be lined up by time.
 */
export async function answerSurvey(
  ctx: AppContext,
  token: string,
  principal: Principal | null,
  given: Record<string, unknown>,
  now = new Date(),
) {
  const { survey } = await loadInvitation(ctx.db, token, principal, now);
  const { answers, issues } = checkAnswers(survey.questions, given);
  if (issues.length) throw badRequest("validation_failed", issues[0].message, { issues });
  const attributed = !survey.anonymous;
  const responseId = await ctx.db.transaction(async (tx) => {
    const { invitation, block } = await loadInvitation(tx, token, principal, now, true);
    if (block === "answered") throw conflict("already_answered", "You have already answered this survey. Thank you!");
    if (block === "closed") throw conflict("survey_closed", "This survey has closed and takes no more answers.");
    const [response] = await tx
      .insert(surveyResponses)
      .values({
        surveyId: invitation.surveyId,
        week: invitation.week,
        answers,
        ...(attributed
          ? {
              occasion: invitation.occasion,
              respondentUserId: invitation.userId,
              relationshipId: invitation.relationshipId,
              respondentRole: invitation.role,
              submittedAt: now,
            }
          : {}),
      })
      .returning({ id: surveyResponses.id });
    await tx
      .update(surveyInvitations)
      .set({ answeredAt: attributed ? now : startOfDay(now) })
      .where(eq(surveyInvitations.id, invitation.id));
    // A low pulse or a detractor should reach the queue now, not at the next hourly run.
    const scored = survey.questions.some((q) => q.pulse || q.type === "nps");
    if (attributed && scored)
      await enqueue(tx, "alerts.evaluate", { programmeId: invitation.programmeId }, { dedupeKey: `alerts:evaluate:${response.id}` });
    return response.id;
  });
  ctx.logger.info({ surveyId: survey.id, anonymous: survey.anonymous, ...(attributed ? { responseId } : {}) }, "survey answered");
  return { state: "answered" as const };
}
