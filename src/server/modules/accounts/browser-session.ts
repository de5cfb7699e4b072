import type { FastifyReply } from "fastify";
import { SESSION_COOKIE } from "../../platform/auth/principal.js";
import { hashSecret, newSecret } from "../../platform/auth/secrets.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { insertSession } from "./repository.js";

/** Starts a browser session for a user and sets its cookie; returns what SessionInfo needs. */
export async function startBrowserSession(
  ctx: AppContext,
  db: Executor,
  reply: FastifyReply,
  userId: string,
  userAgent: string | undefined,
) {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
  await insertSession(db, { userId, tokenHash: hashSecret(cookieValue), csrfToken, expiresAt, userAgent: userAgent?.slice(0, 300) });
  reply.setCookie(SESSION_COOKIE, cookieValue, {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.secureCookies,
    path: "/",
    expires: expiresAt,
  });
  return { csrfToken, expiresAt };
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "lax", secure: ctx.config.secureCookies });
}
