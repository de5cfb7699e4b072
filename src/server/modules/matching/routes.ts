import { z } from "zod";
import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  PairDetail,
  PairDetailQuery,
  PairEdit,
  PairEditResult,
  PublishResult,
  PublishRound,
  RoundCompareQuery,
  RoundComparison,
  RoundCreate,
  RoundDetail,
  RoundDetailQuery,
  RoundPairParams,
  RoundParams,
  RoundRerun,
  RoundSummary,
} from "../../../contracts/matching.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { compareRounds } from "./compare-rounds.js";
import { discardRound, editRoundPair } from "./edit-round.js";
import { pairDetail } from "./pair-detail.js";
import { publishRound } from "./publish-round.js";
import { listRounds, presentRound, readRound } from "./read-round.js";
import { rerunRound } from "./rerun-round.js";
import { runMatchingRound } from "./run-round.js";

const tags = ["matching"];

export async function matchingRoutes(app: TypedApp, ctx: AppContext) {
  const manage = (req: Parameters<typeof requireUser>[0], id: string) => loadProgrammeFor(ctx.db, requireUser(req), id, "manage");

  app.post(
    "/programmes/:id/match-rounds",
    {
      schema: {
        tags,
        summary: "Run the matching engine over the approved pool and store the result as a draft (coordinators)",
        description:
          "Exact: the most mentees matched, then the highest total score. Every pair is explained; every unmatched mentee gets a reason. " +
          "Locked pairs must appear and excluded pairs never do; pairs that were together before (in any programme) and proposals " +
          "someone declined are never proposed. A lock that breaks a rule is refused (409 pair_not_allowed) and nothing is run.",
        params: IdParams,
        body: RoundCreate,
        response: { 201: RoundSummary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const round = await runMatchingRound(ctx, requireUser(req), req.params.id, req.body);
      return reply.code(201).send(presentRound(round));
    },
  );

  app.post(
    "/programmes/:id/match-rounds/resolve-open",
    {
      schema: {
        tags,
        summary: "Re-match the open places: a draft over mentees without a live pair and mentors with places left (coordinators)",
        description: "Publishing it adds pairs and leaves every existing pair alone. Same settings as a round.",
        params: IdParams,
        body: RoundCreate,
        response: { 201: RoundSummary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const round = await runMatchingRound(ctx, requireUser(req), req.params.id, { ...req.body, kind: "open" });
      return reply.code(201).send(presentRound(round));
    },
  );

  app.get(
    "/programmes/:id/match-rounds",
    {
      schema: {
        tags,
        summary: "The programme's matching rounds, newest first (coordinators)",
        params: IdParams,
        response: { 200: z.array(RoundSummary), ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return listRounds(ctx.db, programme.id);
    },
  );

  app.get(
    "/programmes/:id/match-rounds/compare",
    {
      schema: {
        tags,
        summary: "Two rounds side by side: figures, and every mentee whose mentor differs (coordinators)",
        params: IdParams,
        querystring: RoundCompareQuery,
        response: { 200: RoundComparison, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return compareRounds(ctx.db, programme, req.query.a, req.query.b, req.query.limit, req.query.offset);
    },
  );

  app.get(
    "/programmes/:id/match-rounds/:roundId",
    {
      schema: {
        tags,
        summary: "One round: pairs with their explanations, unmatched mentees with reasons, mentor contention (coordinators)",
        params: RoundParams,
        querystring: RoundDetailQuery,
        response: { 200: RoundDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return readRound(ctx.db, programme, req.params.roundId, req.query);
    },
  );

  app.post(
    "/programmes/:id/match-rounds/:roundId/rerun",
    {
      schema: {
        tags,
        summary: "Run again from this round's settings, locks and exclusions, with changes: a new draft (coordinators)",
        params: RoundParams,
        body: RoundRerun,
        response: { 201: RoundSummary, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { programme } = await manage(req, req.params.id);
      const round = await rerunRound(ctx, requireUser(req), programme, req.params.roundId, req.body);
      return reply.code(201).send(presentRound(round));
    },
  );

  app.get(
    "/programmes/:id/match-rounds/:roundId/pairs/:menteeEnrolmentId",
    {
      schema: {
        tags,
        summary:
          "A mentee and their mentor in a round side by side, overlaps marked; ask about any mentor with ?mentorEnrolmentId (coordinators)",
        params: RoundPairParams,
        querystring: PairDetailQuery,
        response: { 200: PairDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return pairDetail(ctx.db, programme, req.params.roundId, req.params.menteeEnrolmentId, req.query.mentorEnrolmentId);
    },
  );

  app.patch(
    "/programmes/:id/match-rounds/:roundId/pairs/:menteeEnrolmentId",
    {
      schema: {
        tags,
        summary: "In a draft: move a mentee to another mentor, or leave them unmatched with null (coordinators)",
        description: "409 pair_not_allowed names the rule a move breaks; 409 mentor_full when the mentor's places in the draft are taken.",
        params: RoundPairParams,
        body: PairEdit,
        response: { 200: PairEditResult, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return editRoundPair(ctx, requireUser(req), programme, req.params.roundId, req.params.menteeEnrolmentId, req.body.mentorEnrolmentId);
    },
  );

  app.post(
    "/programmes/:id/match-rounds/:roundId/discard",
    {
      schema: {
        tags,
        summary: "Discard a draft (coordinators); it stays listed for comparison",
        params: RoundParams,
        response: { 200: RoundSummary, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return discardRound(ctx, programme, req.params.roundId);
    },
  );

  app.post(
    "/programmes/:id/match-rounds/:roundId/publish",
    {
      schema: {
        tags,
        summary: "Publish a draft: create its pairs and email everyone in it (coordinators)",
        description:
          "All pairs in one transaction. Pairs start at once when the programme's acceptance is auto; otherwise both people must accept. " +
          "409 stale_round when the pool changed since the draft was made. Other drafts are discarded.",
        params: RoundParams,
        body: PublishRound,
        response: { 200: PublishResult, ...errorResponses },
      },
    },
    async (req) => {
      const { programme } = await manage(req, req.params.id);
      return publishRound(ctx, requireUser(req), programme, req.params.roundId, req.body.poolFingerprint);
    },
  );
}
