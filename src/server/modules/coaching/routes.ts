import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { coachingEngagementRoutes } from "./routes-engagement.js";
import { coachingItemRoutes } from "./routes-items.js";
import { coachingOutcomeRoutes } from "./routes-outcomes.js";
import { coachingProgrammeRoutes } from "./routes-programme.js";

/** Coaching: packages, coach profiles, shortlists, engagements, the coach-led structure, outcomes and who sees what. */
export async function coachingRoutes(app: TypedApp, ctx: AppContext) {
  await coachingProgrammeRoutes(app, ctx);
  await coachingItemRoutes(app, ctx);
  await coachingEngagementRoutes(app, ctx);
  await coachingOutcomeRoutes(app, ctx);
}
