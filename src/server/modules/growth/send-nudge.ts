import { type NotificationKind, wantsMail } from "../../../core/growth/notifications.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import type { MailMessage } from "../../platform/mail.js";
import { ensureSettings } from "./notification-settings.js";
import { unsubscribeLinks, unsubscribeToken } from "./unsubscribe.js";

/**
 * Queues one non-essential email if the person still wants that kind. The dedupe key
 * names the occasion (this session, this week), so a job that runs twice, or in two
 * processes, sends it once. Returns whether a message was queued.
 */
export async function enqueueNudge(
  db: Executor,
  ctx: AppContext,
  to: { id: string },
  kind: NotificationKind,
  dedupeKey: string,
  build: (unsubscribePage: string) => MailMessage,
): Promise<boolean> {
  const settings = await ensureSettings(db, to.id);
  if (!wantsMail(settings.muted, kind)) return false;
  const links = unsubscribeLinks(ctx, unsubscribeToken(to.id, kind, settings.unsubscribeKey));
  const message = build(links.page);
  return enqueue(db, "mail.send", { ...message, headers: { ...message.headers, ...links.headers } }, { dedupeKey });
}
