import { z } from "zod";
import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { RoundCreate, RoundDetail, RoundDetailQuery, RoundParams, RoundSummary } from "../../../contracts/matching.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { listRounds, presentRound, readRound } from "./read-round.js";
import { runMatchingRound } from "./run-round.js";

const tags = ["matching"];

export async function matchingRoutes(app: TypedApp, ctx: AppContext) {
  app.post(
    "/programmes/:id/match-rounds",
    {
      schema: {
        tags,
        summary: "Run the matching engine over the approved pool and store the result as a draft (coordinators)",
        description:
          "Exact: the most mentees matched, then the highest total score. Every pair is explained; every unmatched mentee gets a reason.",
        params: IdParams,
        body: RoundCreate,
        response: { 201: RoundSummary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const round = await runMatchingRound(ctx, requireUser(req), req.params.id, req.body);
      return reply.code(201).send(presentRound(round));
    },
  );

  app.get(
    "/programmes/:id/match-rounds",
    {
      schema: {
        tags,
        summary: "The programme's matching rounds, newest first (coordinators)",
        params: IdParams,
        response: { 200: z.array(RoundSummary), ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      return listRounds(ctx.db, programme.id);
    },
  );

  app.get(
    "/programmes/:id/match-rounds/:roundId",
    {
      schema: {
        tags,
        summary: "One round: pairs with their explanations, unmatched mentees with reasons, mentor contention (coordinators)",
        params: RoundParams,
        querystring: RoundDetailQuery,
        response: { 200: RoundDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      return readRound(ctx.db, programme.id, req.params.roundId, req.query.limit, req.query.offset);
    },
  );
}
