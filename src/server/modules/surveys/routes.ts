import { z } from "zod";
import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  MySurveys,
  SendResult,
  Survey,
  SurveyAnswer,
  SurveyAnswered,
  SurveyCreate,
  SurveyForRespondent,
  SurveyLinkParams,
  SurveyList,
  SurveyParams,
  SurveyResults,
  SurveyStatusChange,
  SurveyUpdate,
} from "../../../contracts/surveys.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { answerSurvey } from "./answer-survey.js";
import { changeSurveyStatus } from "./change-survey-status.js";
import { createSurvey } from "./create-survey.js";
import { deleteSurvey } from "./delete-survey.js";
import { duplicateSurvey } from "./duplicate-survey.js";
import { exportResponses } from "./export-responses.js";
import { listSurveys } from "./list-surveys.js";
import { mySurveys } from "./my-surveys.js";
import { readSurvey } from "./read-survey.js";
import { readSurveyLink } from "./read-survey-link.js";
import { sendSurveyNow } from "./send-survey-now.js";
import { surveyResults } from "./survey-results.js";
import { updateSurvey } from "./update-survey.js";

const tags = ["surveys"];

export async function surveyRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/surveys",
    {
      schema: {
        tags,
        summary: "The programme's surveys with response counts (coordinators)",
        params: IdParams,
        response: { 200: SurveyList, ...errorResponses },
      },
    },
    async (req) => listSurveys(ctx.db, requireUser(req), req.params.id),
  );

  app.post(
    "/programmes/:id/surveys",
    {
      schema: {
        tags,
        summary: "Create a survey (coordinators)",
        params: IdParams,
        body: SurveyCreate,
        response: { 201: Survey, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createSurvey(ctx.db, requireUser(req), req.params.id, req.body)),
  );

  app.get(
    "/programmes/:id/surveys/:surveyId",
    {
      schema: {
        tags,
        summary: "One survey's definition (coordinators)",
        params: SurveyParams,
        response: { 200: Survey, ...errorResponses },
      },
    },
    async (req) => readSurvey(ctx.db, requireUser(req), req.params.id, req.params.surveyId),
  );

  app.put(
    "/programmes/:id/surveys/:surveyId",
    {
      schema: {
        tags,
        summary: "Change a survey; once answered its questions and anonymity are fixed (409 survey_has_answers)",
        params: SurveyParams,
        body: SurveyUpdate,
        response: { 200: Survey, ...errorResponses },
      },
    },
    async (req) => updateSurvey(ctx.db, requireUser(req), req.params.id, req.params.surveyId, req.body),
  );

  app.put(
    "/programmes/:id/surveys/:surveyId/status",
    {
      schema: {
        tags,
        summary: "Switch a survey on (active), off (draft) or close it",
        params: SurveyParams,
        body: SurveyStatusChange,
        response: { 200: Survey, ...errorResponses },
      },
    },
    async (req) => changeSurveyStatus(ctx.db, requireUser(req), req.params.id, req.params.surveyId, req.body.status, req.body.version),
  );

  app.post(
    "/programmes/:id/surveys/:surveyId/duplicate",
    { schema: { tags, summary: "Copy a survey as a new draft", params: SurveyParams, response: { 201: Survey, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await duplicateSurvey(ctx.db, requireUser(req), req.params.id, req.params.surveyId)),
  );

  app.delete(
    "/programmes/:id/surveys/:surveyId",
    {
      schema: {
        tags,
        summary: "Delete a survey with its invitations and answers",
        params: SurveyParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteSurvey(ctx.db, requireUser(req), req.params.id, req.params.surveyId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/programmes/:id/surveys/:surveyId/send",
    {
      schema: {
        tags,
        summary: "Send an active survey now to everyone its schedule reaches today",
        params: SurveyParams,
        response: { 200: SendResult, ...errorResponses },
      },
    },
    async (req) => sendSurveyNow(ctx, requireUser(req), req.params.id, req.params.surveyId),
  );

  app.get(
    "/programmes/:id/surveys/:surveyId/results",
    {
      schema: {
        tags,
        summary:
          "Response rate, distributions, NPS with n, the pulse by week and free text; anonymous surveys show nothing under 5 responses",
        params: SurveyParams,
        response: { 200: SurveyResults, ...errorResponses },
      },
    },
    async (req) => surveyResults(ctx.db, requireUser(req), req.params.id, req.params.surveyId),
  );

  app.get(
    "/programmes/:id/surveys/:surveyId/responses.csv",
    {
      schema: {
        tags,
        summary: "Responses as CSV; anonymous surveys export answers only, and nothing under 5 responses (409 too_few_responses)",
        params: SurveyParams,
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      const { csv, filename } = await exportResponses(ctx.db, requireUser(req), req.params.id, req.params.surveyId);
      req.log.info({ programmeId: req.params.id, surveyId: req.params.surveyId }, "survey responses exported");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.get(
    "/me/surveys",
    {
      schema: { tags, summary: "Surveys waiting for your answer, across your programmes", response: { 200: MySurveys, ...errorResponses } },
    },
    async (req) => mySurveys(ctx.db, requireUser(req)),
  );

  // The one-click link from the email: no sign-in needed, the signed token is the proof.
  // Signed in as someone else, the link is refused (403 not_your_link).
  app.get(
    "/survey-links/:token",
    {
      schema: {
        tags,
        summary: "The survey behind a one-click link, with who will see the answers; or that it was answered or has closed",
        security: [],
        params: SurveyLinkParams,
        response: { 200: SurveyForRespondent, ...errorResponses },
      },
    },
    async (req) => readSurveyLink(ctx.db, req.params.token, req.principal),
  );

  app.post(
    "/survey-links/:token/response",
    {
      config: { csrf: false },
      schema: {
        tags,
        summary: "Answer the survey behind a one-click link, once (409 already_answered, survey_closed)",
        security: [],
        params: SurveyLinkParams,
        body: SurveyAnswer,
        response: { 200: SurveyAnswered, ...errorResponses },
      },
    },
    async (req) => answerSurvey(ctx, req.params.token, req.principal, req.body.answers),
  );
}
