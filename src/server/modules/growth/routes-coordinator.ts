import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { PairsHealthPage, PairsHealthQuery } from "../../../contracts/growth.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { pairsHealth } from "./pairs-health.js";

export async function coordinatorGrowthRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/pairs-health",
    {
      schema: {
        tags: ["pairs health"],
        summary: "How every pair is doing — counts, dates and flags only, never what they wrote (coordinators)",
        params: IdParams,
        querystring: PairsHealthQuery,
        response: { 200: PairsHealthPage, ...errorResponses },
      },
    },
    async (req) => pairsHealth(ctx.db, requireUser(req), req.params.id, req.query),
  );
}
