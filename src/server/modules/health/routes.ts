import { Health } from "../../../contracts/health.js";
import type { AppContext } from "../../platform/context.js";
import { migrationLevel } from "../../platform/db.js";
import type { TypedApp } from "../../platform/typed-app.js";

export async function healthRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/health",
    {
      schema: {
        tags: ["health"],
        summary: "Is Grove up, can it reach its database, and which migration is applied",
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const uptimeSeconds = Math.round((Date.now() - ctx.startedAt) / 1000);
      try {
        const migration = await migrationLevel(ctx.db);
        return {
          status: "ok" as const,
          version: ctx.version,
          database: { driver: ctx.database.driver, reachable: true, migration },
          uptimeSeconds,
        };
      } catch (err) {
        ctx.logger.error({ err }, "health check: database unreachable");
        return reply.code(503).send({
          status: "degraded" as const,
          version: ctx.version,
          database: { driver: ctx.database.driver, reachable: false, migration: { applied: 0, latest: null } },
          uptimeSeconds,
        });
      }
    },
  );
}
