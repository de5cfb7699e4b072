import { z } from "zod";
import { Page } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  Goal,
  GoalChange,
  GoalComment,
  GoalCommentCreate,
  GoalCommentParams,
  GoalCreate,
  GoalList,
  GoalParams,
  GoalUpdate,
} from "../../../contracts/growth.js";
import { RelationshipParams } from "../../../contracts/relationships.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadPair } from "./access.js";
import { createGoal } from "./create-goal.js";
import { addGoalComment, deleteGoalComment, listGoalComments } from "./goal-comments.js";
import { goalHistory } from "./goal-history.js";
import { findGoal, listGoals, presentOneGoal } from "./list-goals.js";
import { updateGoal } from "./update-goal.js";

const tags = ["goals"];
const base = "/relationships/:relationshipId/goals";

export async function goalRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The pair's GROW goals with SMART hints (the pair's two people only)",
        params: RelationshipParams,
        querystring: Page,
        response: { 200: GoalList, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId, "goals");
      return listGoals(ctx.db, pair.relationship.id, req.query);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Add a goal (the mentee; a mentor gets 403 mentee_owns_goals)",
        params: RelationshipParams,
        body: GoalCreate,
        response: { 201: Goal, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await createGoal(ctx.db, requireUser(req), req.params.relationshipId, req.body);
      return reply.code(201).send(await presentOneGoal(ctx.db, row));
    },
  );

  app.get(
    `${base}/:goalId`,
    { schema: { tags, summary: "One goal", params: GoalParams, response: { 200: Goal, ...errorResponses } } },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId, "goals");
      return presentOneGoal(ctx.db, await findGoal(ctx.db, pair.relationship.id, req.params.goalId));
    },
  );

  app.patch(
    `${base}/:goalId`,
    {
      schema: {
        tags,
        summary: "Change a goal (the mentee only; send the version you edited)",
        params: GoalParams,
        body: GoalUpdate,
        response: { 200: Goal, ...errorResponses },
      },
    },
    async (req) =>
      presentOneGoal(ctx.db, await updateGoal(ctx.db, requireUser(req), req.params.relationshipId, req.params.goalId, req.body)),
  );

  app.get(
    `${base}/:goalId/history`,
    {
      schema: {
        tags,
        summary: "Who changed which fields, and when (newest first)",
        params: GoalParams,
        response: { 200: z.array(GoalChange), ...errorResponses },
      },
    },
    async (req) => goalHistory(ctx.db, requireUser(req), req.params.relationshipId, req.params.goalId),
  );

  app.get(
    `${base}/:goalId/comments`,
    {
      schema: {
        tags,
        summary: "Comments on a goal, oldest first",
        params: GoalParams,
        response: { 200: z.array(GoalComment), ...errorResponses },
      },
    },
    async (req) => listGoalComments(ctx.db, requireUser(req), req.params.relationshipId, req.params.goalId),
  );

  app.post(
    `${base}/:goalId/comments`,
    {
      schema: {
        tags,
        summary: "Comment on a goal (either side)",
        params: GoalParams,
        body: GoalCommentCreate,
        response: { 201: GoalComment, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addGoalComment(ctx.db, requireUser(req), req.params.relationshipId, req.params.goalId, req.body.body)),
  );

  app.delete(
    `${base}/:goalId/comments/:commentId`,
    {
      schema: { tags, summary: "Delete a comment you wrote", params: GoalCommentParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteGoalComment(ctx.db, requireUser(req), req.params.relationshipId, req.params.goalId, req.params.commentId);
      return reply.code(204).send(null);
    },
  );
}
