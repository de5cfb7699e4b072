import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { calendarFeedRoutes } from "./routes-calendar.js";
import { workspaceLifecycleRoutes } from "./routes-lifecycle.js";
import { workspaceNoteRoutes } from "./routes-notes.js";
import { workspacePlanRoutes } from "./routes-plan.js";
import { workspaceSessionRoutes } from "./routes-sessions.js";

/** The pair's workspace: every route answers 404 to anyone but the pair's two people. */
export async function workspaceRoutes(app: TypedApp, ctx: AppContext) {
  await workspaceLifecycleRoutes(app, ctx);
  await workspacePlanRoutes(app, ctx);
  await workspaceSessionRoutes(app, ctx);
  await workspaceNoteRoutes(app, ctx);
  await calendarFeedRoutes(app, ctx);
}
