import { z } from "zod";
import { errorResponses } from "../../../contracts/errors.js";
import { MyRelationship, RelationshipParams } from "../../../contracts/relationships.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadPairForParticipant } from "./access.js";
import { listMyRelationships, partnerOf } from "./list-mine.js";
import { presentMyRelationship } from "./present.js";

const tags = ["relationships"];

export async function relationshipRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/relationships",
    {
      schema: {
        tags,
        summary: "The pairs you are in, as mentor or mentee, newest first",
        response: { 200: z.array(MyRelationship), ...errorResponses },
      },
    },
    async (req) => listMyRelationships(ctx.db, requireUser(req).user.id),
  );

  app.get(
    "/relationships/:relationshipId",
    {
      schema: {
        tags,
        summary: "One of your pairs (only its two people can read it; anyone else gets 404)",
        params: RelationshipParams,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => {
      const { relationship, programme, side } = await loadPairForParticipant(ctx.db, requireUser(req), req.params.relationshipId);
      return presentMyRelationship(relationship, programme, side, await partnerOf(ctx.db, relationship, side));
    },
  );
}
