import { IdParams } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { SupportSettingsUpdate, SupportSettingsView } from "../../../contracts/support.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { readSupportSettings, updateSupportSettings } from "./settings.js";

export async function supportSettingsRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes/:id/support-settings",
    {
      schema: {
        tags: ["support settings"],
        summary: "Alert thresholds and the check-in plan (coordinators); defaults until first saved (version 0)",
        params: IdParams,
        response: { 200: SupportSettingsView, ...errorResponses },
      },
    },
    async (req) => readSupportSettings(ctx.db, requireUser(req), req.params.id),
  );

  app.put(
    "/programmes/:id/support-settings",
    {
      schema: {
        tags: ["support settings"],
        summary: "Save alert thresholds and the check-in plan",
        params: IdParams,
        body: SupportSettingsUpdate,
        response: { 200: SupportSettingsView, ...errorResponses },
      },
    },
    async (req) => updateSupportSettings(ctx.db, requireUser(req), req.params.id, req.body.settings, req.body.version),
  );
}
