import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS, type NotificationKind } from "../../../core/growth/notifications.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { badRequest } from "../../platform/errors.js";
import { muteKind } from "./notification-settings.js";
import { notificationSettings } from "./tables.js";

/**
 * One-click unsubscribe links work without signing in (mail clients post to them), so the
 * token itself is the proof: who and which kind, signed with a random key kept per person.
 * It cannot be guessed or altered to unsubscribe someone else, and carries no email address.
 */
// Kept short: the token is a URL path segment (fastify allows 100 characters) and mail
// clients show the link. 16 bytes of user id + 1 byte of kind, and a 128-bit signature.
const sign = (key: string, payload: Buffer) => createHmac("sha256", key).update(payload).digest().subarray(0, 16).toString("base64url");

const payloadOf = (userId: string, kind: NotificationKind) =>
  Buffer.concat([Buffer.from(userId.replace(/-/g, ""), "hex"), Buffer.from([NOTIFICATION_KINDS.indexOf(kind)])]);

export function unsubscribeToken(userId: string, kind: NotificationKind, key: string) {
  const payload = payloadOf(userId, kind);
  return `${payload.toString("base64url")}.${sign(key, payload)}`;
}

const invalid = () => badRequest("invalid_token", "This unsubscribe link is not valid. Change your email settings under Account instead.");

async function verify(db: Executor, token: string): Promise<{ userId: string; kind: NotificationKind }> {
  const [encoded, signature] = token.split(".");
  const payload = Buffer.from(encoded ?? "", "base64url");
  const kind = NOTIFICATION_KINDS[payload[16]];
  if (!signature || payload.length !== 17 || !kind) throw invalid();
  const hex = payload.subarray(0, 16).toString("hex");
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const [row] = await db
    .select({ key: notificationSettings.unsubscribeKey })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (!row) throw invalid();
  const expected = Buffer.from(sign(row.key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  return { userId, kind };
}

/** Turns the link's kind off; using a link twice is fine. */
export async function unsubscribe(db: Executor, token: string) {
  const { userId, kind } = await verify(db, token);
  await muteKind(db, userId, kind);
  return { kind, label: NOTIFICATION_LABELS[kind].label };
}

/** The landing page the email links to, and the RFC 8058 headers mail clients use for one click. */
export function unsubscribeLinks(ctx: AppContext, token: string) {
  return {
    page: `${ctx.config.baseUrl}/unsubscribe/${token}`,
    headers: {
      "List-Unsubscribe": `<${ctx.config.baseUrl}/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
