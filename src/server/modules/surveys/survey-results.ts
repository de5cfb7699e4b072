import { ANONYMITY_THRESHOLD, anonymityNotice } from "../../../core/surveys/anonymity.js";
import { summariseSurvey } from "../../../core/surveys/results.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { forbidden } from "../../platform/errors.js";
import { loadProgrammeActor } from "../support/access.js";
import { invitationCounts, loadResponses } from "./load-responses.js";
import { canReadResults } from "./policies.js";
import { findProgrammeSurvey } from "./repository.js";

/**
 * A survey's results for its coordinators: response rate, each question's distribution,
 * NPS with n, the pulse by week and free text. Anonymous surveys show nothing under the
 * threshold, and their free text comes sorted by its words, with no name, date or order
 * that could point back at a person. Pair content is not read here at all: only answers.
 */
export async function surveyResults(db: Db, principal: Principal, programmeId: string, surveyId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  if (!canReadResults(actor)) throw forbidden("Only the programme's coordinators can read survey results.");
  const survey = await findProgrammeSurvey(db, programme.id, surveyId);
  const [counts, responses] = await Promise.all([invitationCounts(db, survey.id), loadResponses(db, survey)]);
  const summary = summariseSurvey(survey.questions, responses, survey.anonymous);
  return {
    surveyId: survey.id,
    title: survey.title,
    anonymous: survey.anonymous,
    invited: counts.invited,
    responses: responses.length,
    responseRate: counts.invited ? counts.answered / counts.invited : null,
    suppressed: summary.suppressed,
    threshold: ANONYMITY_THRESHOLD,
    notice: summary.suppressed ? anonymityNotice(responses.length) : null,
    pulseTrend: summary.pulseTrend,
    questions: summary.questions.map((q) => {
      const text = q.textAnswers.map((t) => ({
        text: t.text,
        respondent: responses[t.index].respondent,
        submittedAt: responses[t.index].submittedAt?.toISOString() ?? null,
      }));
      return {
        questionId: q.questionId,
        type: q.type,
        prompt: q.prompt,
        n: q.n,
        distribution: q.distribution,
        average: q.average,
        nps: q.nps,
        textAnswers: survey.anonymous ? text.sort((a, b) => a.text.localeCompare(b.text)) : text,
      };
    }),
  };
}
