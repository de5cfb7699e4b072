import { Health, Readiness } from "../../../contracts/health.js";
import type { AppContext } from "../../platform/context.js";
import { migrationLevel, shippedMigrationCount } from "../../platform/db.js";
import type { TypedApp } from "../../platform/typed-app.js";

/**
 * Two checks for two questions. Liveness (`/health`): is this process up and answering?
 * It stays 200 while the database is away — restarting Grove would not bring it back —
 * and says so in its body. Readiness (`/health/ready`): should this process get traffic?
 * 200 only when the database answers and every migration this release ships is applied.
 */
export async function healthRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/health",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness: is Grove up (200 while the process answers), can it reach its database, which migration is applied",
        security: [],
        response: { 200: Health },
      },
    },
    async () => {
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
        return {
          status: "degraded" as const,
          version: ctx.version,
          database: { driver: ctx.database.driver, reachable: false, migration: { applied: 0, latest: null } },
          uptimeSeconds,
        };
      }
    },
  );

  app.get(
    "/health/ready",
    {
      schema: {
        tags: ["health"],
        summary: "Readiness: 200 when the database answers and every migration is applied, else 503 (for load balancers)",
        security: [],
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_req, reply) => {
      const expected = shippedMigrationCount();
      try {
        const { applied } = await migrationLevel(ctx.db);
        const ready = applied >= expected;
        return reply.code(ready ? 200 : 503).send({ ready, database: { reachable: true, migrations: { applied, expected } } });
      } catch (err) {
        ctx.logger.error({ err }, "readiness check: database unreachable");
        return reply.code(503).send({ ready: false, database: { reachable: false, migrations: { applied: 0, expected } } });
      }
    },
  );
}
