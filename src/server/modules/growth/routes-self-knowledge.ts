import { z } from "zod";
import { pageOf } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  Debrief,
  DebriefEntry,
  DebriefUpdate,
  ItemParams,
  Reflection,
  ReflectionCreate,
  ReflectionQuery,
  ReflectionUpdate,
  Sharing,
  Swot,
  SwotUpdate,
  WeeklyPrompt,
} from "../../../contracts/growth.js";
import { RelationshipParams } from "../../../contracts/relationships.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { readDebrief, saveDebrief, shareDebrief } from "./debrief.js";
import { createReflection, currentPrompt, deleteReflection, listReflections, shareReflection, updateReflection } from "./reflections.js";
import { readSwot, saveSwot, shareSwot } from "./swot.js";

const base = "/relationships/:relationshipId";

/** The SWOT, reflections and the final debrief: private to their author until shared. */
export async function selfKnowledgeRoutes(app: TypedApp, ctx: AppContext) {
  const swot = { tags: ["swot"], params: RelationshipParams };
  app.get(
    `${base}/swot`,
    {
      schema: {
        ...swot,
        summary: "The mentee's SWOT (the mentor: only once shared, else 404)",
        response: { 200: Swot, ...errorResponses },
      },
    },
    async (req) => readSwot(ctx.db, requireUser(req), req.params.relationshipId),
  );
  app.put(
    `${base}/swot`,
    { schema: { ...swot, summary: "Save the four lists (the mentee)", body: SwotUpdate, response: { 200: Swot, ...errorResponses } } },
    async (req) => saveSwot(ctx.db, requireUser(req), req.params.relationshipId, req.body),
  );
  app.put(
    `${base}/swot/sharing`,
    {
      schema: {
        ...swot,
        summary: "Share the SWOT with the mentor, or take it back",
        body: Sharing,
        response: { 200: Swot, ...errorResponses },
      },
    },
    async (req) => shareSwot(ctx.db, requireUser(req), req.params.relationshipId, req.body.shared),
  );

  const tags = ["reflections"];
  app.get(
    `${base}/reflections/prompt`,
    {
      schema: {
        tags,
        summary: "This programme week's reflection prompt",
        params: RelationshipParams,
        response: { 200: WeeklyPrompt, ...errorResponses },
      },
    },
    async (req) => currentPrompt(ctx.db, requireUser(req), req.params.relationshipId),
  );
  app.get(
    `${base}/reflections`,
    {
      schema: {
        tags,
        summary: "Your reflections and the ones your partner shared, newest first",
        params: RelationshipParams,
        querystring: ReflectionQuery,
        response: { 200: pageOf(Reflection), ...errorResponses },
      },
    },
    async (req) => listReflections(ctx.db, requireUser(req), req.params.relationshipId, req.query),
  );
  app.post(
    `${base}/reflections`,
    {
      schema: {
        tags,
        summary: "Write a reflection (private unless shared)",
        params: RelationshipParams,
        body: ReflectionCreate,
        response: { 201: Reflection, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createReflection(ctx.db, requireUser(req), req.params.relationshipId, req.body)),
  );
  app.patch(
    `${base}/reflections/:itemId`,
    {
      schema: {
        tags,
        summary: "Edit your reflection",
        params: ItemParams,
        body: ReflectionUpdate,
        response: { 200: Reflection, ...errorResponses },
      },
    },
    async (req) => updateReflection(ctx.db, requireUser(req), req.params.relationshipId, req.params.itemId, req.body),
  );
  app.put(
    `${base}/reflections/:itemId/sharing`,
    {
      schema: {
        tags,
        summary: "Share your reflection with your partner, or take it back",
        params: ItemParams,
        body: Sharing,
        response: { 200: Reflection, ...errorResponses },
      },
    },
    async (req) => shareReflection(ctx.db, requireUser(req), req.params.relationshipId, req.params.itemId, req.body.shared),
  );
  app.delete(
    `${base}/reflections/:itemId`,
    { schema: { tags, summary: "Delete your reflection", params: ItemParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await deleteReflection(ctx.db, requireUser(req), req.params.relationshipId, req.params.itemId);
      return reply.code(204).send(null);
    },
  );

  const debrief = { tags: ["debrief"], params: RelationshipParams };
  app.get(
    `${base}/debrief`,
    {
      schema: { ...debrief, summary: "Your final debrief, and your partner's once shared", response: { 200: Debrief, ...errorResponses } },
    },
    async (req) => readDebrief(ctx.db, requireUser(req), req.params.relationshipId),
  );
  app.put(
    `${base}/debrief`,
    { schema: { ...debrief, summary: "Save your final debrief", body: DebriefUpdate, response: { 200: DebriefEntry, ...errorResponses } } },
    async (req) => saveDebrief(ctx.db, requireUser(req), req.params.relationshipId, req.body),
  );
  app.put(
    `${base}/debrief/sharing`,
    {
      schema: {
        ...debrief,
        summary: "Share your debrief with your partner, or take it back",
        body: Sharing,
        response: { 200: DebriefEntry, ...errorResponses },
      },
    },
    async (req) => shareDebrief(ctx.db, requireUser(req), req.params.relationshipId, req.body.shared),
  );
}
