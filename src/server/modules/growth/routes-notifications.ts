import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errorResponses } from "../../../contracts/errors.js";
import { NotificationSettings, NotificationSettingsUpdate, UnsubscribeParams, UnsubscribeResult } from "../../../contracts/growth.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { readSettings, updateSettings } from "./notification-settings.js";
import { unsubscribe } from "./unsubscribe.js";

const tags = ["notifications"];

export async function notificationRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/me/notifications",
    {
      schema: {
        tags,
        summary: "Which non-essential emails you get (invitations, password resets and session invitations always arrive)",
        response: { 200: NotificationSettings, ...errorResponses },
      },
    },
    async (req) => readSettings(ctx.db, requireUser(req).user.id),
  );

  app.put(
    "/me/notifications",
    {
      schema: {
        tags,
        summary: "Switch kinds of email on or off, and set how long before a session the agenda reminder comes",
        body: NotificationSettingsUpdate,
        response: { 200: NotificationSettings, ...errorResponses },
      },
    },
    async (req) => updateSettings(ctx.db, requireUser(req).user.id, req.body),
  );

  // Mail clients post here on "unsubscribe" (RFC 8058) with a form body and no cookies: the
  // signed token is the proof. The form parsers live in this scope only.
  await app.register(async (scope) => {
    scope.addContentTypeParser(["application/x-www-form-urlencoded", "multipart/form-data"], { parseAs: "string" }, (_req, body, done) =>
      done(null, { form: String(body).slice(0, 200) }),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/unsubscribe/:token",
      {
        config: { csrf: false },
        schema: {
          tags,
          summary: "One-click unsubscribe from one kind of email, with the signed token from its link",
          security: [],
          params: UnsubscribeParams,
          response: { 200: UnsubscribeResult, ...errorResponses },
        },
      },
      async (req) => {
        const result = await unsubscribe(ctx.db, req.params.token);
        req.log.info({ kind: result.kind }, "unsubscribed by link");
        return result;
      },
    );
  });
}
