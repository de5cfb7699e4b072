import fastifyRateLimit, { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { RateLimitSettings } from "./config.js";
import { AppError } from "./errors.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * A tighter limit than the default for this route: "credentials" for endpoints that
     * take a password, send mail or create accounts; "feed" for calendar feeds (keyed by
     * the feed, since calendar services fetch from a few shared addresses).
     */
    limit?: "credentials" | "feed";
  }
}

/**
 * Request rate limits, one global hook for every /api route (routes added later
 * included, without doing anything), counted per process in memory:
 *
 * - signed in (session or API token): `api` per minute, per session or token;
 * - not signed in: `anonymous` per minute, per client address;
 * - routes marked `limit: "credentials"` (sign-in, setup, password resets, applications,
 *   invitation acceptance): `credentials` per minute, per address, per route;
 * - calendar feeds (`limit: "feed"`): `feed` per minute, per feed.
 *
 * Why per process and not in the database: these limits are a flood guard, and a counter
 * row written on every anonymous request would turn a flood into database writes (on
 * PGlite, onto its single connection). The limits that protect accounts are exact and
 * shared across processes because they live in the database: failed sign-ins per
 * account and address, reset emails per account. With N processes behind a balancer
 * an address gets up to N × these numbers; set them with that in mind.
 *
 * Health checks and the web app's static files are never limited.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimitSettings) {
  // Turn a route's `limit` tier into the plugin's per-route settings before the plugin sees the route.
  app.addHook("onRoute", (route) => {
    const tier = route.config?.limit;
    if (!tier) return;
    const max = limits[tier];
    route.config = {
      ...route.config,
      rateLimit:
        tier === "feed"
          ? { max: max || Number.MAX_SAFE_INTEGER, keyGenerator: (req: FastifyRequest) => `feed:${req.url.split("?")[0]}` }
          : { max: max || Number.MAX_SAFE_INTEGER, keyGenerator: (req: FastifyRequest) => `address:${normalizeIP(req.ip)}` },
    } as typeof route.config;
  });

  await app.register(fastifyRateLimit, {
    global: true,
    timeWindow: 60_000,
    // Many addresses at once (a flood from many sources) must not evict the counters that matter.
    cache: 20_000,
    // Runs after authentication (an instance-wide onRequest hook), so the key can be the session or token.
    hook: "onRequest",
    allowList: (req) => !req.url.startsWith("/api/") || req.url.startsWith("/api/health"),
    keyGenerator: (req) => {
      const p = req.principal;
      if (p?.tokenId) return `token:${p.tokenId}`;
      if (p?.sessionId) return `session:${p.sessionId}`;
      return `address:${normalizeIP(req.ip)}`;
    },
    max: (_req, key) => (key.startsWith("address:") ? limits.anonymous : limits.api) || Number.MAX_SAFE_INTEGER,
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError(
        429,
        "rate_limited",
        `Too many requests. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
        { retryAfterSeconds: seconds },
        { "retry-after": String(seconds) },
      );
    },
  });
}
