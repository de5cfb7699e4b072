import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  AcceptResult,
  MatchRequestCreate,
  MatchRequestDecline,
  MatchRequestListQuery,
  MatchRequestParams,
  MatchRequestSummary,
  MentorBrowse,
  MentorBrowseQuery,
  ReceivedRequest,
  RequestList,
  SentRequest,
} from "../../../contracts/self-match.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { acceptRequest, declineRequest, withdrawRequest } from "./answer-request.js";
import { browseMentors } from "./browse-mentors.js";
import { createRequest } from "./create-request.js";
import { listReceived, listSent, presentReceived, presentSent } from "./list-requests.js";
import { requestSummary } from "./summary.js";

const tags = ["self-match"];

export async function selfMatchRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/mentors",
    {
      schema: {
        tags,
        summary: "Mentors you may ask, best fit first, with the reasons (approved mentees of a self-match programme)",
        description:
          "Scored like the matching round; paused and full mentors and pairs a hard rule rules out (own manager, no shared language, paired before) are left out. 409 self_match_off / self_match_closed when the programme does not take requests now.",
        params: IdParams,
        querystring: MentorBrowseQuery,
        response: { 200: MentorBrowse, ...errorResponses },
      },
    },
    async (req) => browseMentors(ctx, requireUser(req), req.params.id, req.query),
  );

  app.post(
    "/programmes/:id/match-requests",
    {
      schema: {
        tags,
        summary: "Ask a mentor to pair with you, saying why (approved mentees of a self-match programme)",
        description:
          "409 request_limit (details: limit, pending), already_requested, declined_before, mentor_full, mentor_paused, mentor_not_available, mentee_already_matched.",
        params: IdParams,
        body: MatchRequestCreate,
        response: { 201: SentRequest, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { request } = await createRequest(ctx, requireUser(req), req.params.id, req.body);
      const [sent] = await presentSent(ctx.db, [request.id]);
      return reply.code(201).send(sent);
    },
  );

  app.get(
    "/programmes/:id/match-requests",
    {
      schema: {
        tags,
        summary: "Your requests: box=sent as a mentee, box=received as a mentor (open ones first)",
        params: IdParams,
        querystring: MatchRequestListQuery,
        response: { 200: RequestList, ...errorResponses },
      },
    },
    async (req) => {
      const { box, ...page } = req.query;
      return box === "received"
        ? listReceived(ctx, requireUser(req), req.params.id, page)
        : listSent(ctx, requireUser(req), req.params.id, page);
    },
  );

  app.get(
    "/programmes/:id/match-requests/summary",
    {
      schema: {
        tags,
        summary: "Self-match at a glance: requests by status, waiting times, unanswered requests (coordinators; never the messages)",
        params: IdParams,
        response: { 200: MatchRequestSummary, ...errorResponses },
      },
    },
    async (req) => requestSummary(ctx, requireUser(req), req.params.id),
  );

  app.post(
    "/match-requests/:requestId/withdraw",
    {
      schema: {
        tags,
        summary: "Withdraw your pending request (the mentee who sent it)",
        params: MatchRequestParams,
        response: { 200: SentRequest, ...errorResponses },
      },
    },
    async (req) => {
      await withdrawRequest(ctx, requireUser(req), req.params.requestId);
      const [sent] = await presentSent(ctx.db, [req.params.requestId]);
      return sent;
    },
  );

  app.post(
    "/match-requests/:requestId/accept",
    {
      schema: {
        tags,
        summary: "Accept a request: the pair starts at once (the mentor it was sent to)",
        description:
          "Closes the mentee's other requests, and the mentor's other requests when this was their last place. 409 request_expired, request_not_pending, mentor_full, mentee_already_matched.",
        params: MatchRequestParams,
        response: { 200: AcceptResult, ...errorResponses },
      },
    },
    async (req) => {
      const { request, relationshipId, programme } = await acceptRequest(ctx, requireUser(req), req.params.requestId);
      const [received] = await presentReceived(ctx, programme, [request]);
      return { request: received, relationshipId };
    },
  );

  app.post(
    "/match-requests/:requestId/decline",
    {
      schema: {
        tags,
        summary: "Decline a request with a reason the mentee reads (the mentor it was sent to)",
        params: MatchRequestParams,
        body: MatchRequestDecline,
        response: { 200: ReceivedRequest, ...errorResponses },
      },
    },
    async (req) => {
      const { request, programme } = await declineRequest(ctx, requireUser(req), req.params.requestId, req.body.reason);
      const [received] = await presentReceived(ctx, programme, [request]);
      return received;
    },
  );
}
