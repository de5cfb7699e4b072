import { z } from "zod";
import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  CheckIn,
  CheckInCreate,
  CheckInParams,
  CheckInPlanPage,
  CheckInPlanQuery,
  CheckInUpdate,
  Contact,
  MessageCreate,
  PairCheckIns,
  PairRef,
  ReminderCreate,
} from "../../../contracts/support.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { checkInPlan } from "./check-in-plan.js";
import { deleteCheckIn } from "./delete-check-in.js";
import { logCheckIn } from "./log-check-in.js";
import { messagePair } from "./message-pair.js";
import { readCheckInHistory } from "./read-history.js";
import { remindPair } from "./remind-pair.js";
import { updateCheckIn } from "./update-check-in.js";

const tags = ["check-ins"];

export async function checkInRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/check-ins",
    {
      schema: {
        tags,
        summary: "The check-in plan for every current pair: each planned week done, due or overdue (coordinators)",
        params: IdParams,
        querystring: CheckInPlanQuery,
        response: { 200: CheckInPlanPage, ...errorResponses },
      },
    },
    async (req) => checkInPlan(ctx.db, requireUser(req), req.params.id, req.query),
  );

  app.get(
    "/programmes/:id/relationships/:relationshipId/check-ins",
    {
      schema: {
        tags,
        summary: "A pair's check-ins and the messages sent to it; notes only for the programme's coordinators",
        params: PairRef,
        response: { 200: PairCheckIns, ...errorResponses },
      },
    },
    async (req) => readCheckInHistory(ctx.db, requireUser(req), req.params.id, req.params.relationshipId),
  );

  app.post(
    "/programmes/:id/relationships/:relationshipId/check-ins",
    {
      schema: {
        tags,
        summary: "Log a check-in with a pair",
        params: PairRef,
        body: CheckInCreate,
        response: { 201: CheckIn, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await logCheckIn(ctx.db, requireUser(req), req.params.id, req.params.relationshipId, req.body)),
  );

  app.put(
    "/programmes/:id/relationships/:relationshipId/check-ins/:checkInId",
    {
      schema: {
        tags,
        summary: "Correct a check-in",
        params: CheckInParams,
        body: CheckInUpdate,
        response: { 200: CheckIn, ...errorResponses },
      },
    },
    async (req) => updateCheckIn(ctx.db, requireUser(req), req.params.id, req.params.relationshipId, req.params.checkInId, req.body),
  );

  app.delete(
    "/programmes/:id/relationships/:relationshipId/check-ins/:checkInId",
    {
      schema: {
        tags,
        summary: "Delete a check-in logged by mistake",
        params: CheckInParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteCheckIn(ctx.db, requireUser(req), req.params.id, req.params.relationshipId, req.params.checkInId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/programmes/:id/relationships/:relationshipId/messages",
    {
      schema: {
        tags,
        summary: "Email the pair or one side; kept in its check-in history",
        params: PairRef,
        body: MessageCreate,
        response: { 201: Contact, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await messagePair(ctx.db, requireUser(req), req.params.id, req.params.relationshipId, req.body)),
  );

  app.post(
    "/programmes/:id/relationships/:relationshipId/reminders",
    {
      schema: {
        tags,
        summary: "Send the pair a short reminder to meet, in Grove's words; kept in its check-in history",
        params: PairRef,
        body: ReminderCreate,
        response: { 201: Contact, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await remindPair(ctx, requireUser(req), req.params.id, req.params.relationshipId, req.body)),
  );
}
