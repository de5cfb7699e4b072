import { Ok } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { CalendarFeedCreated, CalendarFeedParams, CalendarFeedStatus } from "../../../contracts/workspace.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { feedStatus, readFeed, revokeFeed, rotateFeed } from "./calendar-feed.js";

const tags = ["calendar"];

export async function calendarFeedRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/calendar-feed",
    { schema: { tags, summary: "Whether you have a calendar feed address", response: { 200: CalendarFeedStatus, ...errorResponses } } },
    async (req) => feedStatus(ctx.db, requireUser(req).user.id),
  );

  app.post(
    "/calendar-feed",
    {
      schema: {
        tags,
        summary: "Create your private calendar feed address, or replace it (the old one stops working)",
        description: "The address is shown once. Subscribe to it in any calendar app to see all your sessions.",
        response: { 201: CalendarFeedCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = requireUser(req);
      const feed = await rotateFeed(ctx.db, principal.user.id, ctx.config.baseUrl);
      req.log.info({ userId: principal.user.id }, "calendar feed address issued");
      return reply.code(201).send(feed);
    },
  );

  app.delete(
    "/calendar-feed",
    { schema: { tags, summary: "Turn your calendar feed off", response: { 200: Ok, ...errorResponses } } },
    async (req) => {
      const principal = requireUser(req);
      await revokeFeed(ctx.db, principal.user.id);
      req.log.info({ userId: principal.user.id }, "calendar feed revoked");
      return { ok: true as const };
    },
  );

  // Calendar apps cannot sign in: the secret in the address is the key. The request log
  // stays quiet here so the address never lands in a log line.
  app.get(
    "/calendar/:token.ics",
    {
      logLevel: "warn",
      config: { limit: "feed" },
      schema: { tags, summary: "A calendar feed (iCalendar), read by calendar apps", params: CalendarFeedParams },
    },
    async (req, reply) => {
      const ics = await readFeed(ctx.db, req.params.token, ctx.config.baseUrl);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .header("content-disposition", 'inline; filename="grove.ics"')
        .send(ics);
    },
  );
}
