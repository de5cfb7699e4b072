import { randomUUID } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { accountRoutes } from "./modules/accounts/routes.js";
import { alertRoutes } from "./modules/alerts/routes.js";
import { checkInRoutes } from "./modules/check-ins/routes.js";
import { coachingRoutes } from "./modules/coaching/routes.js";
import { coordinatorEnrolmentRoutes } from "./modules/enrolment/routes-coordinator.js";
import { participantRoutes } from "./modules/enrolment/routes-participant.js";
import { publicEnrolmentRoutes } from "./modules/enrolment/routes-public.js";
import { growthRoutes } from "./modules/growth/routes.js";
import { healthRoutes } from "./modules/health/routes.js";
import { intakeRoutes } from "./modules/intake/routes.js";
import { matchingRoutes } from "./modules/matching/routes.js";
import { programmeRoutes } from "./modules/programmes/routes.js";
import { relationshipRoutes } from "./modules/relationships/routes.js";
import { coordinatorPairRoutes } from "./modules/relationships/routes-coordinator.js";
import { proposalRoutes } from "./modules/relationships/routes-proposal.js";
import { selfMatchRoutes } from "./modules/self-match/routes.js";
import { skillRoutes } from "./modules/skills/routes.js";
import { supportSettingsRoutes } from "./modules/support/routes.js";
import { surveyRoutes } from "./modules/surveys/routes.js";
import { userRoutes } from "./modules/users/routes.js";
import { workspaceRoutes } from "./modules/workspace/routes.js";
import { registerAuthentication } from "./platform/auth/plugin.js";
import type { AppContext } from "./platform/context.js";
import { registerErrorHandling, sendNotFound } from "./platform/http-errors.js";
import { createMetrics, registerMetrics } from "./platform/metrics.js";
import { registerRateLimits } from "./platform/rate-limits.js";
import { registerNulRefusal } from "./platform/refuse-nul.js";
import { allowInlineStyles, registerSecurityHeaders } from "./platform/security-headers.js";
import { registerWebApp } from "./platform/web-app.js";

export type GroveApp = FastifyInstance;

/** Builds the HTTP app: the JSON API under /api, its OpenAPI document and docs, and the web app. */
export async function buildApp(ctx: AppContext, options: { serveWeb?: boolean; webDir?: string } = {}): Promise<GroveApp> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    // Honour an upstream request id so logs can be followed across a proxy.
    genReqId: (req) => {
      const upstream = req.headers["x-request-id"];
      return typeof upstream === "string" && /^[\w-]{1,64}$/.test(upstream) ? upstream : randomUUID();
    },
    // Static assets would drown the request log; API calls are what an operator follows.
    logController: new LogController({ requestIdLogLabel: "requestId", disableRequestLogging: (req) => !req.url.startsWith("/api/") }),
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });

  registerErrorHandling(app);
  ctx.metrics ??= createMetrics();
  registerMetrics(app, ctx.metrics, ctx.database, ctx.config.metricsToken);
  registerNulRefusal(app);
  await registerSecurityHeaders(app, ctx.config);
  await app.register(fastifyCookie);
  registerAuthentication(app, ctx);
  await registerRateLimits(app, ctx.config.rateLimits);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Grove API",
        version: ctx.version,
        description:
          "Grove runs developer mentoring and coaching programmes. Authenticate with the session cookie " +
          "(browser; writes need the X-CSRF-Token header) or with a personal API token: `Authorization: Bearer grove_pat_…`.",
      },
      components: {
        securitySchemes: {
          apiToken: { type: "http", scheme: "bearer", description: "A personal API token from Account → API tokens" },
          session: { type: "apiKey", in: "cookie", name: "grove_session" },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    // No validator badge: it would load an image from a third-party server.
    uiConfig: { validatorUrl: null },
    // Swagger UI injects one <style> element at run time. Its pages (and only they) may
    // use inline styles; scripts stay 'self' everywhere.
    transformStaticCSP: allowInlineStyles,
  });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await healthRoutes(typed, ctx);
      await accountRoutes(typed, ctx);
      await userRoutes(typed, ctx);
      await programmeRoutes(typed, ctx);
      await intakeRoutes(typed, ctx);
      await skillRoutes(typed, ctx);
      await publicEnrolmentRoutes(typed, ctx);
      await participantRoutes(typed, ctx);
      await coordinatorEnrolmentRoutes(typed, ctx);
      await relationshipRoutes(typed, ctx);
      await proposalRoutes(typed, ctx);
      await coordinatorPairRoutes(typed, ctx);
      await matchingRoutes(typed, ctx);
      await workspaceRoutes(typed, ctx);
      await growthRoutes(typed, ctx);
      await selfMatchRoutes(typed, ctx);
      await coachingRoutes(typed, ctx);
      await surveyRoutes(typed, ctx);
      await checkInRoutes(typed, ctx);
      await supportSettingsRoutes(typed, ctx);
      await alertRoutes(typed, ctx);
    },
    { prefix: "/api" },
  );

  const servingWeb = options.serveWeb || options.webDir ? await registerWebApp(app, options.webDir) : false;
  if (!servingWeb) app.setNotFoundHandler(sendNotFound);
  return app;
}
