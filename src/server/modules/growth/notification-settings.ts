import { eq, sql } from "drizzle-orm";
import {
  DEFAULT_AGENDA_REMINDER_HOURS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LABELS,
  type NotificationKind,
} from "../../../core/growth/notifications.js";
import { newSecret } from "../../platform/auth/secrets.js";
import type { Executor } from "../../platform/db.js";
import { notificationSettings } from "./tables.js";

export type SettingsRow = typeof notificationSettings.$inferSelect;

const find = async (db: Executor, userId: string) =>
  (await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)))[0];

/** The person's settings row, created with everything on the first time it is needed. */
export async function ensureSettings(db: Executor, userId: string): Promise<SettingsRow> {
  await db.insert(notificationSettings).values({ userId, unsubscribeKey: newSecret() }).onConflictDoNothing();
  return (await find(db, userId)) as SettingsRow;
}

export const presentSettings = (row: Pick<SettingsRow, "muted" | "agendaReminderHours"> | undefined) => ({
  kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, ...NOTIFICATION_LABELS[kind], enabled: !(row?.muted ?? []).includes(kind) })),
  agendaReminderHours: row?.agendaReminderHours ?? DEFAULT_AGENDA_REMINDER_HOURS,
});

export async function readSettings(db: Executor, userId: string) {
  return presentSettings(await find(db, userId));
}

export async function updateSettings(
  db: Executor,
  userId: string,
  input: { enabled: Partial<Record<NotificationKind, boolean>>; agendaReminderHours?: number },
) {
  const current = await ensureSettings(db, userId);
  const muted = NOTIFICATION_KINDS.filter((k) => (input.enabled[k] === undefined ? current.muted.includes(k) : !input.enabled[k]));
  const [row] = await db
    .update(notificationSettings)
    .set({ muted, agendaReminderHours: input.agendaReminderHours ?? current.agendaReminderHours, updatedAt: sql`now()` })
    .where(eq(notificationSettings.userId, userId))
    .returning();
  return presentSettings(row);
}

/** Switches one kind off (idempotent): what an unsubscribe link does. */
export async function muteKind(db: Executor, userId: string, kind: NotificationKind) {
  await db
    .update(notificationSettings)
    .set({ muted: sql`array_append(array_remove(${notificationSettings.muted}, ${kind}), ${kind})`, updatedAt: sql`now()` })
    .where(eq(notificationSettings.userId, userId));
}
