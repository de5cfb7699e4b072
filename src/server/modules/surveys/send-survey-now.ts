import { termPosition } from "../../../core/workspace/term.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import { loadProgrammeActor } from "../support/access.js";
import { surveyRecipients } from "./audience.js";
import { assertManagesSurveys } from "./policies.js";
import { findProgrammeSurvey } from "./repository.js";
import { sendInvitation } from "./send-invitation.js";

const DAY = 86_400_000;

/**
 * "Send now": the survey goes at once to everyone its schedule would reach today, as one
 * more occasion (keyed by the minute, so a double click sends once). The window runs from
 * now for the survey's open days. Drafts and closed surveys are not sent.
 */
export async function sendSurveyNow(ctx: AppContext, principal: Principal, programmeId: string, surveyId: string, now = new Date()) {
  const { programme, actor } = await loadProgrammeActor(ctx.db, principal, programmeId);
  assertManagesSurveys(actor);
  const survey = await findProgrammeSurvey(ctx.db, programme.id, surveyId);
  if (survey.status !== "active") {
    throw conflict(
      "survey_not_active",
      survey.status === "draft" ? "Switch the survey on before sending it." : "This survey is closed; reopen it to send it again.",
    );
  }
  const recipients = await surveyRecipients(ctx.db, programme.id, survey);
  const position = termPosition(programme.termStart, programme.termEnd, now.toISOString().slice(0, 10));
  const occasion = `manual:${now.toISOString().slice(0, 16)}`;
  const closesAt = new Date(now.getTime() + survey.openDays * DAY);
  const invited = await ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const recipient of recipients) {
      const week = position.state === "running" ? position.week : null;
      if (await sendInvitation(tx, ctx, { survey, programmeName: programme.name, recipient, occasion, week, sentAt: now, closesAt })) n++;
    }
    return n;
  });
  ctx.logger.info({ programmeId: programme.id, surveyId: survey.id, invited }, "survey sent by a coordinator");
  return { invited, occasion };
}
