import {
  EngagementParams,
  MeasurementParams,
  MeasurementSave,
  OutcomeBoard,
  OutcomeCreate,
  OutcomeParams,
  OutcomeUpdate,
  RatingForm,
  RatingLinkParams,
  RatingRequestCreate,
  RatingRequestsSent,
  RatingSubmit,
  StakeholderCreate,
  StakeholderList,
  StakeholderParams,
} from "../../../contracts/coaching.js";
import { Ok } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { agreeOutcomes, defineOutcome, outcomeBoard, recordMeasurement, removeOutcome, updateOutcome } from "./outcomes.js";
import { readRatingForm, submitRatings } from "./rating-links.js";
import { addStakeholder, listStakeholders, removeStakeholder, requestStakeholderRatings } from "./stakeholders.js";

const tags = ["coaching outcomes"];

/** Outcomes: defined by the coach, agreed by all, measured from baseline to final; stakeholders rate through a link. */
export async function coachingOutcomeRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/engagements/:engagementId/outcomes",
    {
      schema: {
        tags,
        summary: "The outcomes with baseline, target, final and group averages (coach, coachee, sponsor)",
        params: EngagementParams,
        response: { 200: OutcomeBoard, ...errorResponses },
      },
    },
    async (req) => outcomeBoard(ctx.db, requireUser(req), req.params.engagementId),
  );

  app.post(
    "/engagements/:engagementId/outcomes",
    {
      schema: {
        tags,
        summary: "Add an outcome while contracting (the coach; at most five)",
        params: EngagementParams,
        body: OutcomeCreate,
        response: { 201: OutcomeBoard, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await defineOutcome(ctx.db, requireUser(req), req.params.engagementId, req.body)),
  );

  app.patch(
    "/engagements/:engagementId/outcomes/:outcomeId",
    {
      schema: {
        tags,
        summary: "Change an outcome while contracting (the coach); everyone agrees again",
        params: OutcomeParams,
        body: OutcomeUpdate,
        response: { 200: OutcomeBoard, ...errorResponses },
      },
    },
    async (req) => updateOutcome(ctx.db, requireUser(req), req.params.engagementId, req.params.outcomeId, req.body),
  );

  app.delete(
    "/engagements/:engagementId/outcomes/:outcomeId",
    {
      schema: {
        tags,
        summary: "Remove an outcome while contracting (the coach)",
        params: OutcomeParams,
        response: { 200: OutcomeBoard, ...errorResponses },
      },
    },
    async (req) => removeOutcome(ctx.db, requireUser(req), req.params.engagementId, req.params.outcomeId),
  );

  app.post(
    "/engagements/:engagementId/agreement",
    {
      schema: {
        tags,
        summary: "Agree the outcomes (coach, coachee and sponsor each); 422 while any outcome lacks a target or a baseline",
        params: EngagementParams,
        response: { 200: OutcomeBoard, ...errorResponses },
      },
    },
    async (req) => agreeOutcomes(ctx.db, requireUser(req), req.params.engagementId),
  );

  app.put(
    "/engagements/:engagementId/outcomes/:outcomeId/measurements/:phase",
    {
      schema: {
        tags,
        summary: "Rate an outcome for a phase (coach, coachee or sponsor, as the outcome's raters say)",
        description: "Baseline until the final exists; mid-point and final once the outcomes are agreed. Rating again replaces your value.",
        params: MeasurementParams,
        body: MeasurementSave,
        response: { 200: OutcomeBoard, ...errorResponses },
      },
    },
    async (req) =>
      recordMeasurement(ctx.db, requireUser(req), req.params.engagementId, req.params.outcomeId, req.params.phase, req.body.value),
  );

  app.get(
    "/engagements/:engagementId/stakeholders",
    {
      schema: {
        tags,
        summary: "Stakeholders who rate through a link (coach and coachee)",
        params: EngagementParams,
        response: { 200: StakeholderList, ...errorResponses },
      },
    },
    async (req) => listStakeholders(ctx.db, requireUser(req), req.params.engagementId),
  );

  app.post(
    "/engagements/:engagementId/stakeholders",
    {
      schema: {
        tags,
        summary: "Add a stakeholder (coach or coachee; at most five)",
        params: EngagementParams,
        body: StakeholderCreate,
        response: { 201: StakeholderList, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await addStakeholder(ctx.db, requireUser(req), req.params.engagementId, req.body)),
  );

  app.delete(
    "/engagements/:engagementId/stakeholders/:stakeholderId",
    {
      schema: {
        tags,
        summary: "Remove a stakeholder who has not rated yet (coach or coachee)",
        params: StakeholderParams,
        response: { 200: StakeholderList, ...errorResponses },
      },
    },
    async (req) => removeStakeholder(ctx.db, requireUser(req), req.params.engagementId, req.params.stakeholderId),
  );

  app.post(
    "/engagements/:engagementId/rating-requests",
    {
      schema: {
        tags,
        summary: "Email stakeholders a one-time rating link for a phase (the coach; valid 14 days)",
        params: EngagementParams,
        body: RatingRequestCreate,
        response: { 201: RatingRequestsSent, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await requestStakeholderRatings(ctx, requireUser(req), req.params.engagementId, req.body)),
  );

  app.get(
    "/stakeholder-ratings/:engagementId/:token",
    {
      schema: {
        tags,
        summary: "What a stakeholder's link asks them to rate (no account)",
        description:
          "404 for a link that is not valid here (unknown, or another engagement's); 410 once used, expired, or the engagement closed.",
        security: [],
        params: RatingLinkParams,
        response: { 200: RatingForm, ...errorResponses },
      },
    },
    async (req) => readRatingForm(ctx.db, req.params.engagementId, req.params.token),
  );

  app.post(
    "/stakeholder-ratings/:engagementId/:token",
    {
      // The link is the credential: nothing is done as the signed-in user, if any.
      config: { csrf: false },
      schema: {
        tags,
        summary: "Send a stakeholder's ratings through their link; it then stops working",
        security: [],
        params: RatingLinkParams,
        body: RatingSubmit,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      const result = await submitRatings(ctx.db, req.params.engagementId, req.params.token, req.body.ratings);
      req.log.info({ engagementId: req.params.engagementId, ratings: req.body.ratings.length }, "stakeholder ratings received");
      return result;
    },
  );
}
