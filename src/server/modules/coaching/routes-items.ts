import { z } from "zod";
import {
  ChemistryCallCreate,
  ChemistryCallParams,
  ChemistryCallUpdate,
  ChemistryCallUpdated,
  CoachDashboard,
  Package,
  PackageParams,
  PackageUpdate,
  PickCoach,
  PlanTemplate,
  PlanTemplateUpdate,
  Shortlist,
  ShortlistParams,
  SponsoredList,
  TemplateParams,
} from "../../../contracts/coaching.js";
import { Page } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { planChemistryCall, updateChemistryCall } from "./chemistry-calls.js";
import { coachDashboard } from "./coach-dashboard.js";
import { updatePackage } from "./packages.js";
import { pickCoach } from "./pick-coach.js";
import { updatePlanTemplate } from "./plan-templates.js";
import { sponsoredEngagements } from "./sponsored-engagements.js";

const tags = ["coaching"];

/** Routes on one package, template or shortlist, and the coach's and sponsor's own screens. */
export async function coachingItemRoutes(app: TypedApp, ctx: AppContext) {
  app.patch(
    "/coaching/packages/:packageId",
    {
      schema: {
        tags,
        summary: "Edit or archive a package (coordinators; running engagements keep their terms)",
        params: PackageParams,
        body: PackageUpdate,
        response: { 200: Package, ...errorResponses },
      },
    },
    async (req) => updatePackage(ctx.db, requireUser(req), req.params.packageId, req.body),
  );

  app.patch(
    "/coaching/plan-templates/:templateId",
    {
      schema: {
        tags,
        summary: "Edit or archive a session-plan template (coordinators and coaches)",
        params: TemplateParams,
        body: PlanTemplateUpdate,
        response: { 200: PlanTemplate, ...errorResponses },
      },
    },
    async (req) => updatePlanTemplate(ctx.db, requireUser(req), req.params.templateId, req.body),
  );

  app.post(
    "/coaching/shortlists/:shortlistId/pick",
    {
      schema: {
        tags,
        summary: "Choose a coach from your shortlist (the coachee); the engagement starts when the coach accepts",
        params: ShortlistParams,
        body: PickCoach,
        response: { 200: Shortlist, ...errorResponses },
      },
    },
    async (req) => pickCoach(ctx, requireUser(req), req.params.shortlistId, req.body.coachEnrolmentId),
  );

  app.post(
    "/coaching/shortlists/:shortlistId/chemistry-calls",
    {
      schema: {
        tags,
        summary: "Record a chemistry call with a coach on your shortlist (the coachee; never counted against a package)",
        params: ShortlistParams,
        body: ChemistryCallCreate,
        response: { 201: Shortlist, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await planChemistryCall(ctx, requireUser(req), req.params.shortlistId, req.body)),
  );

  app.patch(
    "/coaching/shortlists/:shortlistId/chemistry-calls/:callId",
    {
      schema: {
        tags,
        summary: "Mark a chemistry call held or cancelled (the coachee or the coach)",
        params: ChemistryCallParams,
        body: ChemistryCallUpdate,
        response: { 200: ChemistryCallUpdated, ...errorResponses },
      },
    },
    async (req) => updateChemistryCall(ctx, requireUser(req), req.params.shortlistId, req.params.callId, req.body.status),
  );

  app.get(
    "/coaching/dashboard",
    {
      schema: {
        tags,
        summary: "The coach's dashboard across their engagements: sessions, agendas to prepare, summaries to write, measurements due",
        querystring: z.strictObject({}),
        response: { 200: CoachDashboard, ...errorResponses },
      },
    },
    async (req) => coachDashboard(ctx.db, requireUser(req)),
  );

  app.get(
    "/coaching/sponsored",
    {
      schema: {
        tags,
        summary: "The engagements you sponsor: package, sessions used and left, agreed outcomes with baseline, target and final",
        description: "Never agendas, notes, summaries or exercises.",
        querystring: Page,
        response: { 200: SponsoredList, ...errorResponses },
      },
    },
    async (req) => sponsoredEngagements(ctx.db, requireUser(req), req.query),
  );
}
