import { IdParams } from "../../../contracts/common.js";
import { ModuleParams, OwnEnrolment, OwnEnrolmentUpdate } from "../../../contracts/enrolment.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import {
  completeTrainingModule,
  ownEnrolment,
  presentOwnEnrolment,
  resetTrainingModule,
  updateOwnEnrolment,
  withdraw,
} from "./participation.js";

const tags = ["my enrolment"];

export async function participantRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/my-enrolment",
    {
      schema: {
        tags,
        summary: "Your application or place in a programme, with your answers and onboarding",
        params: IdParams,
        response: { 200: OwnEnrolment, ...errorResponses },
      },
    },
    async (req) => {
      const { programme, enrolment } = await ownEnrolment(ctx.db, requireUser(req), req.params.id);
      return presentOwnEnrolment(ctx.db, programme, enrolment);
    },
  );

  app.patch(
    "/programmes/:id/my-enrolment",
    {
      schema: {
        tags,
        summary: "Update your answers, or (mentors and coaches) your capacity and pause",
        params: IdParams,
        body: OwnEnrolmentUpdate,
        response: { 200: OwnEnrolment, ...errorResponses },
      },
    },
    async (req) => {
      const { programme, enrolment } = await updateOwnEnrolment(ctx, requireUser(req), req.params.id, req.body);
      return presentOwnEnrolment(ctx.db, programme, enrolment);
    },
  );

  app.post(
    "/programmes/:id/my-enrolment/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw your application or place (you may apply again later)",
        params: IdParams,
        response: { 200: OwnEnrolment, ...errorResponses },
      },
    },
    async (req) => {
      const principal = requireUser(req);
      await withdraw(ctx, principal, req.params.id);
      const { programme, enrolment } = await ownEnrolment(ctx.db, principal, req.params.id);
      return presentOwnEnrolment(ctx.db, programme, enrolment);
    },
  );

  app.put(
    "/programmes/:id/my-enrolment/training/:moduleKey",
    {
      schema: { tags, summary: "Mark an onboarding module done", params: ModuleParams, response: { 200: OwnEnrolment, ...errorResponses } },
    },
    async (req) => completeTrainingModule(ctx, requireUser(req), req.params.id, req.params.moduleKey),
  );

  app.delete(
    "/programmes/:id/my-enrolment/training/:moduleKey",
    {
      schema: {
        tags,
        summary: "Mark an onboarding module not done (undo)",
        params: ModuleParams,
        response: { 200: OwnEnrolment, ...errorResponses },
      },
    },
    async (req) => resetTrainingModule(ctx, requireUser(req), req.params.id, req.params.moduleKey),
  );
}
