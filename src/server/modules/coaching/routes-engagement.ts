import {
  Engagement,
  EngagementParams,
  EngagementSessionParams,
  Exercise,
  ExerciseCreate,
  ExerciseList,
  ExerciseListQuery,
  ExerciseParams,
  ExerciseUpdate,
  ExtensionCreate,
  SessionPlan,
  SessionPlanFromTemplate,
  SessionPlanSave,
  SessionSummary,
  SessionSummarySave,
  SponsorSet,
} from "../../../contracts/coaching.js";
import { Ok } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { completeEngagement, extendEngagement, readEngagement, setSponsor } from "./engagement-lifecycle.js";
import { assignExercise, listExercises, removeExercise, updateExercise } from "./exercises.js";
import { planFromTemplate, readSessionPlan, saveSessionPlan } from "./session-plan.js";
import { readSummary, saveSummary, shareSummary } from "./summaries.js";

const tags = ["coaching"];

/** One engagement: its frame (package, sponsor, completion) and the coach-led structure (plan, exercises, summaries). */
export async function coachingEngagementRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/engagements/:engagementId",
    {
      schema: {
        tags,
        summary: "An engagement's package, stage, agreement and counts (coach, coachee, sponsor, coordinator)",
        params: EngagementParams,
        response: { 200: Engagement, ...errorResponses },
      },
    },
    async (req) => readEngagement(ctx, requireUser(req), req.params.engagementId),
  );

  app.post(
    "/engagements/:engagementId/extensions",
    {
      schema: {
        tags,
        summary: "Extend the package by sessions and/or weeks, with a reason (coordinators)",
        params: EngagementParams,
        body: ExtensionCreate,
        response: { 201: Engagement, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await extendEngagement(ctx, requireUser(req), req.params.engagementId, req.body)),
  );

  app.put(
    "/engagements/:engagementId/sponsor",
    {
      schema: {
        tags,
        summary: "Name, change or remove the sponsor (coordinators); someone without a sponsor place is invited",
        params: EngagementParams,
        body: SponsorSet,
        response: { 200: Engagement, ...errorResponses },
      },
    },
    async (req) => setSponsor(ctx, requireUser(req), req.params.engagementId, req.body.email),
  );

  app.post(
    "/engagements/:engagementId/complete",
    {
      schema: {
        tags,
        summary: "Complete the engagement (the coach); 422 names each outcome still missing its final measurement",
        description: "After completion everything is read-only.",
        params: EngagementParams,
        response: { 200: Engagement, ...errorResponses },
      },
    },
    async (req) => completeEngagement(ctx, requireUser(req), req.params.engagementId),
  );

  app.get(
    "/engagements/:engagementId/session-plan",
    {
      schema: {
        tags,
        summary: "The coach's session plan (coach and coachee)",
        params: EngagementParams,
        response: { 200: SessionPlan, ...errorResponses },
      },
    },
    async (req) => readSessionPlan(ctx.db, requireUser(req), req.params.engagementId),
  );

  app.put(
    "/engagements/:engagementId/session-plan",
    {
      schema: {
        tags,
        summary: "Write the session plan (the coach; send the version you edited)",
        params: EngagementParams,
        body: SessionPlanSave,
        response: { 200: SessionPlan, ...errorResponses },
      },
    },
    async (req) => saveSessionPlan(ctx.db, requireUser(req), req.params.engagementId, req.body),
  );

  app.post(
    "/engagements/:engagementId/session-plan/from-template",
    {
      schema: {
        tags,
        summary: "Start the session plan from one of the programme's templates (the coach)",
        params: EngagementParams,
        body: SessionPlanFromTemplate,
        response: { 200: SessionPlan, ...errorResponses },
      },
    },
    async (req) => planFromTemplate(ctx.db, requireUser(req), req.params.engagementId, req.body),
  );

  app.get(
    "/engagements/:engagementId/exercises",
    {
      schema: {
        tags,
        summary: "Exercises between sessions (coach and coachee)",
        params: EngagementParams,
        querystring: ExerciseListQuery,
        response: { 200: ExerciseList, ...errorResponses },
      },
    },
    async (req) => listExercises(ctx.db, requireUser(req), req.params.engagementId, req.query),
  );

  app.post(
    "/engagements/:engagementId/exercises",
    {
      schema: {
        tags,
        summary: "Set an exercise with instructions and a due date (the coach)",
        params: EngagementParams,
        body: ExerciseCreate,
        response: { 201: Exercise, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await assignExercise(ctx.db, requireUser(req), req.params.engagementId, req.body)),
  );

  app.patch(
    "/engagements/:engagementId/exercises/:exerciseId",
    {
      schema: {
        tags,
        summary: "Change an exercise (coach: what it is; coachee: done and the answer)",
        params: ExerciseParams,
        body: ExerciseUpdate,
        response: { 200: Exercise, ...errorResponses },
      },
    },
    async (req) => updateExercise(ctx.db, requireUser(req), req.params.engagementId, req.params.exerciseId, req.body),
  );

  app.delete(
    "/engagements/:engagementId/exercises/:exerciseId",
    { schema: { tags, summary: "Remove an exercise (the coach)", params: ExerciseParams, response: { 200: Ok, ...errorResponses } } },
    async (req) => removeExercise(ctx.db, requireUser(req), req.params.engagementId, req.params.exerciseId),
  );

  app.get(
    "/engagements/:engagementId/sessions/:sessionId/summary",
    {
      schema: {
        tags,
        summary: "The coach's summary of a session (the coachee reads it once shared)",
        params: EngagementSessionParams,
        response: { 200: SessionSummary, ...errorResponses },
      },
    },
    async (req) => readSummary(ctx.db, requireUser(req), req.params.engagementId, req.params.sessionId),
  );

  app.put(
    "/engagements/:engagementId/sessions/:sessionId/summary",
    {
      schema: {
        tags,
        summary: "Write a session's summary (the coach, once the session has started)",
        params: EngagementSessionParams,
        body: SessionSummarySave,
        response: { 200: SessionSummary, ...errorResponses },
      },
    },
    async (req) => {
      const summary = await saveSummary(ctx.db, requireUser(req), req.params.engagementId, req.params.sessionId, req.body);
      req.log.info(
        { engagementId: req.params.engagementId, sessionId: req.params.sessionId, version: summary.version },
        "session summary saved",
      );
      return summary;
    },
  );

  app.post(
    "/engagements/:engagementId/sessions/:sessionId/summary/share",
    {
      schema: {
        tags,
        summary: "Share a session's summary with the coachee (the coach)",
        params: EngagementSessionParams,
        response: { 200: SessionSummary, ...errorResponses },
      },
    },
    async (req) => shareSummary(ctx.db, requireUser(req), req.params.engagementId, req.params.sessionId),
  );
}
