import { errorResponses } from "../../../contracts/errors.js";
import { DeclineProposal } from "../../../contracts/matching.js";
import { MyRelationship, RelationshipParams } from "../../../contracts/relationships.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { acceptProposal, declineProposal } from "./respond-to-proposal.js";

const tags = ["relationships"];

/** A proposed pair's two people answer it; anyone else gets 404. */
export async function proposalRoutes(app: TypedApp, ctx: AppContext) {
  app.post(
    "/relationships/:relationshipId/accept",
    {
      schema: {
        tags,
        summary: "Accept a proposed pair (its mentor or mentee); once both accept, the pair starts",
        description: "Accepting twice changes nothing. 409 not_proposed when the pair was declined, ended or has finished.",
        params: RelationshipParams,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => acceptProposal(ctx, requireUser(req), req.params.relationshipId),
  );

  app.post(
    "/relationships/:relationshipId/decline",
    {
      schema: {
        tags,
        summary: "Decline a proposed pair with a reason (its mentor or mentee); the reason goes to the coordinator only",
        params: RelationshipParams,
        body: DeclineProposal,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => declineProposal(ctx, requireUser(req), req.params.relationshipId, req.body.reason),
  );
}
