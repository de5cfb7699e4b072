import {
  CoachingOverview,
  CoachList,
  CoachParams,
  CoachProfile,
  CoachProfileUpdate,
  Engagement,
  EngagementAssign,
  MyShortlist,
  OverviewQuery,
  Package,
  PackageCreate,
  PackageList,
  PlanTemplate,
  PlanTemplateCreate,
  PlanTemplateList,
  ProgrammeParams,
  ShortlistCreate,
  ShortlistListQuery,
  ShortlistSummaryList,
  ShortlistsMade,
  TemplateListQuery,
} from "../../../contracts/coaching.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { assignCoach } from "./assign-coach.js";
import { listCoaches, readCoachProfile, updateCoachProfile } from "./coach-profiles.js";
import { coachingOverview } from "./coaching-overview.js";
import { readEngagement } from "./engagement-lifecycle.js";
import { listShortlists } from "./list-shortlists.js";
import { makeShortlists } from "./make-shortlists.js";
import { createPackage, listPackages } from "./packages.js";
import { readMyShortlist } from "./pick-coach.js";
import { createPlanTemplate, listPlanTemplates } from "./plan-templates.js";

const tags = ["coaching"];
const base = "/programmes/:programmeId/coaching";

/** A coaching programme's own routes: packages, coaches, shortlists, assignments, templates, the overview. */
export async function coachingProgrammeRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    `${base}/packages`,
    {
      schema: {
        tags,
        summary: "The programme's packages (coordinators)",
        params: ProgrammeParams,
        response: { 200: PackageList, ...errorResponses },
      },
    },
    async (req) => listPackages(ctx.db, requireUser(req), req.params.programmeId),
  );

  app.post(
    `${base}/packages`,
    {
      schema: {
        tags,
        summary: "Add a package: N sessions of M minutes within W weeks (coordinators)",
        description: "No payment is processed; a reference price and cost centre are kept for the sponsor's records.",
        params: ProgrammeParams,
        body: PackageCreate,
        response: { 201: Package, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createPackage(ctx.db, requireUser(req), req.params.programmeId, req.body)),
  );

  app.get(
    `${base}/coaches`,
    {
      schema: {
        tags,
        summary: "Every approved coach with profile and load (coordinators)",
        params: ProgrammeParams,
        response: { 200: CoachList, ...errorResponses },
      },
    },
    async (req) => listCoaches(ctx.db, requireUser(req), req.params.programmeId),
  );

  app.get(
    `${base}/coaches/:enrolmentId`,
    {
      schema: {
        tags,
        summary: "A coach's profile",
        description:
          "For the programme's coordinators, the coach, and coachees the coach is offered to or works with; 404 for anyone else.",
        params: CoachParams,
        response: { 200: CoachProfile, ...errorResponses },
      },
    },
    async (req) => readCoachProfile(ctx.db, requireUser(req), req.params.programmeId, req.params.enrolmentId),
  );

  app.put(
    `${base}/coaches/:enrolmentId`,
    {
      schema: {
        tags,
        summary: "Edit a coach's profile (the coach or a coordinator; send the version you edited)",
        description: "Specialisms must be skills of the taxonomy; they are stored by their canonical names.",
        params: CoachParams,
        body: CoachProfileUpdate,
        response: { 200: CoachProfile, ...errorResponses },
      },
    },
    async (req) => {
      const profile = await updateCoachProfile(ctx.db, requireUser(req), req.params.programmeId, req.params.enrolmentId, req.body);
      req.log.info({ enrolmentId: profile.enrolmentId, version: profile.version }, "coach profile saved");
      return profile;
    },
  );

  app.post(
    `${base}/shortlists`,
    {
      schema: {
        tags,
        summary: "Shortlist K coaches for each coachee with the matching engine (coordinators)",
        description:
          "Capacity-aware; hard rules as in matching (a shared language, never one's own manager, no previous or declined pair); each coach comes with a per-factor explanation. Coachees with an engagement are skipped with a reason; an open shortlist is replaced.",
        params: ProgrammeParams,
        body: ShortlistCreate,
        response: { 201: ShortlistsMade, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await makeShortlists(ctx, requireUser(req), req.params.programmeId, req.body)),
  );

  app.get(
    `${base}/shortlists`,
    {
      schema: {
        tags,
        summary: "Shortlists and where each stands (coordinators; names, scores and counts only)",
        params: ProgrammeParams,
        querystring: ShortlistListQuery,
        response: { 200: ShortlistSummaryList, ...errorResponses },
      },
    },
    async (req) => listShortlists(ctx.db, requireUser(req), req.params.programmeId, req.query),
  );

  app.get(
    `${base}/my-shortlist`,
    {
      schema: {
        tags,
        summary: "Your shortlist of coaches, with their profiles, why each fits, and your chemistry calls (coachees)",
        params: ProgrammeParams,
        response: { 200: MyShortlist, ...errorResponses },
      },
    },
    async (req) => readMyShortlist(ctx.db, requireUser(req), req.params.programmeId),
  );

  app.post(
    `${base}/engagements`,
    {
      schema: {
        tags,
        summary: "Assign a coach directly, with a package and a start date (coordinators)",
        description:
          "Starts at once or waits for both to accept, as the programme's acceptance setting says. A sponsor email invites the sponsor.",
        params: ProgrammeParams,
        body: EngagementAssign,
        response: { 201: Engagement, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = requireUser(req);
      const row = await assignCoach(ctx, principal, req.params.programmeId, req.body);
      return reply.code(201).send(await readEngagement(ctx, principal, row.id));
    },
  );

  app.get(
    `${base}/overview`,
    {
      schema: {
        tags,
        summary: "Every engagement's package use, dates, outcomes measured yes/no and risk (coordinators; metadata only)",
        params: ProgrammeParams,
        querystring: OverviewQuery,
        response: { 200: CoachingOverview, ...errorResponses },
      },
    },
    async (req) => coachingOverview(ctx.db, requireUser(req), req.params.programmeId, req.query),
  );

  app.get(
    `${base}/plan-templates`,
    {
      schema: {
        tags,
        summary: "Session-plan templates (coordinators and coaches)",
        params: ProgrammeParams,
        querystring: TemplateListQuery,
        response: { 200: PlanTemplateList, ...errorResponses },
      },
    },
    async (req) =>
      listPlanTemplates(
        ctx.db,
        requireUser(req),
        req.params.programmeId,
        req.query.archived === undefined ? undefined : req.query.archived === "true",
      ),
  );

  app.post(
    `${base}/plan-templates`,
    {
      schema: {
        tags,
        summary: "Add a session-plan template (coordinators and coaches)",
        params: ProgrammeParams,
        body: PlanTemplateCreate,
        response: { 201: PlanTemplate, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createPlanTemplate(ctx.db, requireUser(req), req.params.programmeId, req.body)),
  );
}
