import { Page } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { Plan, PlanAcknowledge, PlanEdit, PlanHistory, RelationshipParams } from "../../../contracts/workspace.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadPair } from "./access.js";
import { acknowledgePlan, editPlan, planHistory, readPlan } from "./plan.js";

const tags = ["workspace"];

export async function workspacePlanRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/relationships/:relationshipId/plan",
    {
      schema: {
        tags,
        summary: "The pair's mentoring plan (version 0 and blank fields until the first edit)",
        params: RelationshipParams,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => readPlan(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId)),
  );

  app.patch(
    "/relationships/:relationshipId/plan",
    {
      schema: {
        tags,
        summary: "Edit the plan (either person); send the version you edited",
        description:
          "Each change is kept in the history and clears both acknowledgements. A stale version answers 409 version_conflict with the current plan.",
        params: RelationshipParams,
        body: PlanEdit,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const plan = await editPlan(ctx.db, pair, req.body);
      req.log.info({ relationshipId: pair.relationship.id, version: plan.version }, "plan edited");
      return plan;
    },
  );

  app.post(
    "/relationships/:relationshipId/plan/acknowledge",
    {
      schema: {
        tags,
        summary: "Agree to the plan as it stands at the version you read",
        params: RelationshipParams,
        body: PlanAcknowledge,
        response: { 200: Plan, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const plan = await acknowledgePlan(ctx.db, pair, req.body.version);
      req.log.info({ relationshipId: pair.relationship.id, version: plan.version, side: pair.side }, "plan acknowledged");
      return plan;
    },
  );

  app.get(
    "/relationships/:relationshipId/plan/history",
    {
      schema: {
        tags,
        summary: "Every edit of the plan, newest first: who, when, each field before and after",
        params: RelationshipParams,
        querystring: Page,
        response: { 200: PlanHistory, ...errorResponses },
      },
    },
    async (req) => planHistory(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId), req.query),
  );
}
