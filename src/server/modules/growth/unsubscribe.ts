import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { isNotificationKind, NOTIFICATION_LABELS, type NotificationKind } from "../../../core/growth/notifications.js";
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
const sign = (key: string, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

export function unsubscribeToken(userId: string, kind: NotificationKind, key: string) {
  const payload = `${userId}.${kind}`;
  return `${Buffer.from(payload).toString("base64url")}.${sign(key, payload)}`;
}

const invalid = () => badRequest("invalid_token", "This unsubscribe link is not valid. Change your email settings under Account instead.");

async function verify(db: Executor, token: string): Promise<{ userId: string; kind: NotificationKind }> {
  const [encoded, signature] = token.split(".");
  if (!encoded || !signature) throw invalid();
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const [userId, kind] = payload.split(".");
  if (!/^[0-9a-f-]{36}$/.test(userId ?? "") || !isNotificationKind(kind ?? "")) throw invalid();
  const [row] = await db
    .select({ key: notificationSettings.unsubscribeKey })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (!row) throw invalid();
  const expected = Buffer.from(sign(row.key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  return { userId, kind: kind as NotificationKind };
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
