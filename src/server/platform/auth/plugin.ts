import type { FastifyInstance, FastifyRequest } from "fastify";
import { findLiveApiToken, findLiveSession, touchApiToken, touchSession } from "../../modules/accounts/repository.js";
import type { AppContext } from "../context.js";
import { AppError, forbidden, unauthenticated } from "../errors.js";
import { API_TOKEN_PREFIX, CSRF_HEADER, type Principal, SESSION_COOKIE } from "./principal.js";
import { hashSecret } from "./secrets.js";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Set false on endpoints that must work without a CSRF token (sign-in, setup, reset). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Writing last-seen on every request would turn reads into writes; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves who is calling (a bearer API token or the session cookie) and enforces CSRF
 * for cookie-authenticated writes: the browser sends cookies on cross-site requests,
 * but only our own page can read the CSRF token and echo it in a header.
 */
export function registerAuthentication(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const authorization = req.headers.authorization;
    if (authorization) {
      req.principal = await fromBearer(ctx, authorization);
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const found = await findLiveSession(ctx.db, hashSecret(cookie));
    if (!found) return;
    const { session, user } = found;
    req.principal = {
      user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin },
      via: "session",
      sessionId: session.id,
      csrfToken: session.csrfToken,
      sessionExpiresAt: session.expiresAt,
    };
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(ctx.db, session.id);
  });
  app.addHook("preHandler", async (req) => {
    if (req.principal?.via !== "session" || SAFE_METHODS.has(req.method)) return;
    if (req.routeOptions.config?.csrf === false) return;
    if (req.headers[CSRF_HEADER] !== req.principal.csrfToken) {
      throw new AppError(403, "csrf_failed", "This request is missing a valid CSRF token. Reload the page and try again.");
    }
  });
}

async function fromBearer(ctx: AppContext, authorization: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1].startsWith(API_TOKEN_PREFIX)) {
    throw unauthenticated("The Authorization header must be 'Bearer grove_pat_…' with a personal API token.");
  }
  const found = await findLiveApiToken(ctx.db, hashSecret(match[1]));
  if (!found) throw unauthenticated("This API token is unknown, expired or revoked.");
  const { token, user } = found;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchApiToken(ctx.db, token.id);
  return { user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, via: "token", tokenId: token.id };
}

export function requireUser(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated(req.cookies[SESSION_COOKIE] ? "Your session has expired. Sign in again." : undefined);
  return req.principal;
}

export function requireAdmin(req: FastifyRequest): Principal {
  const principal = requireUser(req);
  if (!principal.user.isAdmin) throw forbidden("Only instance admins can do that.");
  return principal;
}
