import { and, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { type AlertEventKind, supportAlertEvents, supportAlerts } from "./tables.js";

/** Adds a line to an alert's history — only for an alert of this programme (anything else is ignored). */
export async function noteOnAlert(
  db: Executor,
  programmeId: string,
  alertId: string,
  kind: AlertEventKind,
  byUserId: string | null,
  note: string | null,
) {
  const [alert] = await db
    .select({ id: supportAlerts.id })
    .from(supportAlerts)
    .where(and(eq(supportAlerts.id, alertId), eq(supportAlerts.programmeId, programmeId)));
  if (alert) await db.insert(supportAlertEvents).values({ alertId: alert.id, kind, byUserId, note });
}
