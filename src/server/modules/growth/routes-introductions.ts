import { z } from "zod";
import { Page, pageOf } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { Introduction, IntroductionCreate, IntroductionUpdate, ItemParams } from "../../../contracts/growth.js";
import { RelationshipParams } from "../../../contracts/relationships.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { deleteIntroduction, listIntroductions, openIntroduction, updateIntroduction } from "./introductions.js";

const tags = ["introductions"];
const base = "/relationships/:relationshipId/introductions";

export async function introductionRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Introductions and opportunities the mentor opened, newest first",
        params: RelationshipParams,
        querystring: Page,
        response: { 200: pageOf(Introduction), ...errorResponses },
      },
    },
    async (req) => listIntroductions(ctx.db, requireUser(req), req.params.relationshipId, req.query),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Log an introduction or opportunity (the mentor)",
        params: RelationshipParams,
        body: IntroductionCreate,
        response: { 201: Introduction, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await openIntroduction(ctx.db, requireUser(req), req.params.relationshipId, req.body)),
  );
  app.patch(
    `${base}/:itemId`,
    {
      schema: {
        tags,
        summary: "Change an entry: the mentor its description, the mentee its status and outcome",
        params: ItemParams,
        body: IntroductionUpdate,
        response: { 200: Introduction, ...errorResponses },
      },
    },
    async (req) => updateIntroduction(ctx.db, requireUser(req), req.params.relationshipId, req.params.itemId, req.body),
  );
  app.delete(
    `${base}/:itemId`,
    { schema: { tags, summary: "Remove an entry (the mentor)", params: ItemParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteIntroduction(ctx.db, requireUser(req), req.params.relationshipId, req.params.itemId);
      return reply.code(204).send(null);
    },
  );
}
