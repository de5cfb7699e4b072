import { z } from "zod";
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  PasswordChangeRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  SessionInfo,
  SetupRequest,
  SetupStatus,
  SignInRequest,
} from "../../../contracts/auth.js";
import { IdParams, Ok } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadCoachingDemo } from "../demo/load-coaching-demo.js";
import { loadDemo } from "../demo/load-demo.js";
import { createApiToken, presentApiToken, revokeOwnApiToken } from "./api-tokens.js";
import { clearSessionCookie, startBrowserSession } from "./browser-session.js";
import { changePassword } from "./change-password.js";
import { loadCurrentUser } from "./current-user.js";
import { endAllAccess } from "./end-access.js";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset.js";
import { assertMayManageCredentials } from "./policies.js";
import { countUsers, deleteSession, findUserById, listApiTokens } from "./repository.js";
import { createFirstAdmin } from "./setup.js";
import { verifySignIn } from "./sign-in.js";

// Endpoints without a session to protect them: no CSRF token (there is none yet), and the
// tighter per-address request limit for routes that take a password or send mail.
const noCsrf = { csrf: false, limit: "credentials" } as const;

export async function accountRoutes(app: TypedApp, ctx: AppContext) {
  const sessionInfo = async (userId: string, csrfToken: string, expiresAt: Date) => {
    const user = await findUserById(ctx.db, userId);
    const principal = { user: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }, via: "session" as const };
    return { user: await loadCurrentUser(ctx.db, principal), csrfToken, expiresAt: expiresAt.toISOString() };
  };

  app.get(
    "/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "Whether this instance still needs its first admin",
        security: [],
        response: { 200: SetupStatus },
      },
    },
    async () => ({ needsSetup: (await countUsers(ctx.db)) === 0, version: ctx.version }),
  );

  app.post(
    "/setup",
    {
      config: noCsrf,
      schema: {
        tags: ["setup"],
        summary: "Create the instance admin (first run only) and sign in",
        security: [],
        body: SetupRequest,
        response: { 201: SessionInfo, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = await createFirstAdmin(ctx.db, req.body);
      req.log.info({ userId: user.id }, "instance admin created");
      if (req.body.demo) {
        // The admin exists whatever happens to the sample data: a failed demo must not make setup unrepeatable.
        try {
          const coordinator = { user: { id: user.id, email: user.email, name: user.name, isAdmin: true }, via: "session" } as const;
          await loadDemo(ctx, coordinator);
          await loadCoachingDemo(ctx, coordinator);
        } catch (err) {
          req.log.error({ err }, "demo data could not be loaded; the admin was created");
        }
      }
      const { csrfToken, expiresAt } = await startBrowserSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
      return reply.code(201).send(await sessionInfo(user.id, csrfToken, expiresAt));
    },
  );

  app.post(
    "/auth/sign-in",
    {
      config: noCsrf,
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password (sets the session cookie)",
        description: "Limited to 10 failures per 15 minutes per account and per address; then 429 with Retry-After.",
        security: [],
        body: SignInRequest,
        response: { 200: SessionInfo, ...errorResponses },
      },
    },
    async (req, reply) => {
      const user = await verifySignIn(ctx.db, req.body.email, req.body.password, req.ip);
      const { csrfToken, expiresAt } = await startBrowserSession(ctx, ctx.db, reply, user.id, req.headers["user-agent"]);
      req.log.info({ userId: user.id }, "signed in");
      return sessionInfo(user.id, csrfToken, expiresAt);
    },
  );

  app.get(
    "/auth/session",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user and the CSRF token for writes",
        response: { 200: SessionInfo, 401: errorResponses[401] },
      },
    },
    async (req) => {
      const principal = requireUser(req);
      if (principal.via !== "session" || !principal.sessionId || !principal.csrfToken) {
        throw new AppError(400, "not_a_browser_session", "API tokens have no browser session; call GET /api/users/me instead.");
      }
      const user = await loadCurrentUser(ctx.db, principal);
      return { user, csrfToken: principal.csrfToken, expiresAt: (principal.sessionExpiresAt ?? new Date()).toISOString() };
    },
  );

  app.post(
    "/auth/sign-out",
    { schema: { tags: ["auth"], summary: "End this browser session", response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      const principal = requireUser(req);
      if (principal.sessionId) await deleteSession(ctx.db, principal.sessionId);
      clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/auth/sign-out-everywhere",
    {
      schema: {
        tags: ["auth"],
        summary: "End every browser session of this account and revoke all its API tokens",
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = requireUser(req);
      await endAllAccess(ctx.db, principal.user.id);
      clearSessionCookie(ctx, reply);
      req.log.info({ userId: principal.user.id }, "signed out everywhere");
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/auth/password-resets",
    {
      config: noCsrf,
      schema: {
        tags: ["auth"],
        summary: "Email a one-time password reset link",
        description: "Always answers 202, whether or not the address has an account.",
        security: [],
        body: PasswordResetRequest,
        response: { 202: Ok, ...errorResponses },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, req.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    "/auth/password-resets/confirm",
    {
      config: noCsrf,
      schema: {
        tags: ["auth"],
        summary: "Choose a new password with a reset link's token (ends every session and revokes every API token)",
        security: [],
        body: PasswordResetConfirm,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await confirmPasswordReset(ctx, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password",
    {
      config: { limit: "credentials" },
      schema: {
        tags: ["auth"],
        summary: "Change your password (browser sessions only; ends your other sessions)",
        description: "Wrong current passwords count as failed sign-ins: after 10, 429 with Retry-After.",
        body: PasswordChangeRequest,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      const principal = requireUser(req);
      await changePassword(ctx.db, principal, req.ip, req.body);
      req.log.info({ userId: principal.user.id }, "password changed; other sessions ended");
      return { ok: true as const };
    },
  );

  app.get(
    "/tokens",
    {
      schema: {
        tags: ["api tokens"],
        summary: "Your personal API tokens (never the secrets)",
        response: { 200: z.array(ApiToken), ...errorResponses },
      },
    },
    async (req) => (await listApiTokens(ctx.db, requireUser(req).user.id)).map(presentApiToken),
  );

  app.post(
    "/tokens",
    {
      schema: {
        tags: ["api tokens"],
        summary: "Create a personal API token; the secret is in this response only (browser sessions only)",
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = requireUser(req);
      assertMayManageCredentials(principal);
      const created = await createApiToken(ctx.db, principal.user.id, req.body);
      req.log.info({ userId: principal.user.id, tokenId: created.id }, "api token created");
      return reply.code(201).send(created);
    },
  );

  app.delete(
    "/tokens/:id",
    {
      schema: {
        tags: ["api tokens"],
        summary: "Revoke one of your API tokens",
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await revokeOwnApiToken(ctx.db, requireUser(req).user.id, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
