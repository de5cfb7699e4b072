import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { coordinatorGrowthRoutes } from "./routes-coordinator.js";
import { goalRoutes } from "./routes-goals.js";
import { introductionRoutes } from "./routes-introductions.js";
import { notificationRoutes } from "./routes-notifications.js";
import { selfKnowledgeRoutes } from "./routes-self-knowledge.js";

/** Goals, SWOT, reflections, debrief, introductions, mail settings and the coordinator's health view. */
export async function growthRoutes(app: TypedApp, ctx: AppContext) {
  await goalRoutes(app, ctx);
  await selfKnowledgeRoutes(app, ctx);
  await introductionRoutes(app, ctx);
  await notificationRoutes(app, ctx);
  await coordinatorGrowthRoutes(app, ctx);
}
