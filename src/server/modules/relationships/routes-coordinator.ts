import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  CoordinatorPair,
  CoordinatorPairPage,
  CoordinatorPairQuery,
  ManualPair,
  ProgrammePairParams,
  Rematch,
  RematchResult,
} from "../../../contracts/matching.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { listProgrammePairs } from "./coordinator-pairs.js";
import { pairByHand } from "./manual-pair.js";
import { rematchPair } from "./rematch-pair.js";

const tags = ["relationships"];

/** A programme's pairs for its coordinators: metadata only, never what a pair writes. */
export async function coordinatorPairRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/relationships",
    {
      schema: {
        tags,
        summary: "The programme's pairs, newest first: who, status, origin, dates, end category, decline reason (coordinators)",
        params: IdParams,
        querystring: CoordinatorPairQuery,
        response: { 200: CoordinatorPairPage, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      return listProgrammePairs(ctx.db, programme.id, req.query);
    },
  );

  app.post(
    "/programmes/:id/relationships",
    {
      schema: {
        tags,
        summary: "Pair a mentee with a mentor by hand, outside a round (coordinators); the same rules as matching hold",
        params: IdParams,
        body: ManualPair,
        response: { 201: CoordinatorPair, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      return reply
        .code(201)
        .send(await pairByHand(ctx, requireUser(req), programme, req.body.menteeEnrolmentId, req.body.mentorEnrolmentId));
    },
  );

  app.post(
    "/programmes/:id/relationships/:relationshipId/rematch",
    {
      schema: {
        tags,
        summary: "End a live pair, no fault, so both can be matched again (coordinators); returns the freed mentee",
        params: ProgrammePairParams,
        body: Rematch,
        response: { 200: RematchResult, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      return rematchPair(ctx, requireUser(req), programme, req.params.relationshipId, req.body.note);
    },
  );
}
