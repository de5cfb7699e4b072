import { and, eq, ne, sql } from "drizzle-orm";
import { type AlertAction, applyAlertAction } from "../../../core/alerts/state.js";
import { toUtc } from "../../../core/workspace/local-time.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { loadProgrammeActor } from "../support/access.js";
import { settingsOf } from "../support/settings.js";
import { assertWorksQueue } from "./policies.js";
import { type AlertRow, presentAlert } from "./present.js";
import { findProgrammeAlert, namesOf } from "./repository.js";
import { type AlertEventKind, supportAlertEvents, supportAlerts } from "./tables.js";

export type AlertRequest =
  | { action: "acknowledge"; version: number }
  | { action: "snooze"; version: number; until: string }
  | { action: "resolve"; version: number; resolution: string }
  | { action: "reopen"; version: number };

const EVENT: Record<AlertRequest["action"], AlertEventKind> = {
  acknowledge: "acknowledged",
  snooze: "snoozed",
  resolve: "resolved",
  reopen: "reopened",
};

export const staleAlert = (a: AlertRow) =>
  conflict("version_conflict", "Someone else changed this alert since you opened it. Reload and try again.", { currentVersion: a.version });

/** Applies one state change the state machine allows, inside a transaction holding the alert's row. */
export async function applyToAlert(tx: Executor, alert: AlertRow, request: AlertRequest, byUserId: string, now: Date) {
  const action: AlertAction =
    request.action === "snooze"
      ? { type: "snooze", until: toUtc({ date: request.until, time: "00:00", timeZone: "UTC" }) }
      : request.action === "resolve"
        ? { type: "resolve", resolution: request.resolution }
        : { type: request.action };
  const result = applyAlertAction(alert, action, now);
  if ("problem" in result) throw conflict("alert_state", result.problem);
  if (request.action === "reopen") {
    const [live] = await tx
      .select({ id: supportAlerts.id })
      .from(supportAlerts)
      .where(and(eq(supportAlerts.programmeId, alert.programmeId), eq(supportAlerts.key, alert.key), ne(supportAlerts.state, "resolved")));
    if (live)
      throw conflict("alert_already_open", "The same problem is already back in the queue as a newer alert; work on that one.", {
        alertId: live.id,
      });
  }
  const c = result.change;
  const [row] = await tx
    .update(supportAlerts)
    .set({
      state: c.state,
      snoozedUntil: c.snoozedUntil,
      resolution: c.resolution,
      resolvedBy: c.resolvedBy,
      resolvedByUserId: c.state === "resolved" ? byUserId : null,
      resolvedAt: c.state === "resolved" ? now : null,
      // Resolved by hand while the signal lasts: it stays quiet until the signal has gone once.
      signalGoneAt: null,
      ...(request.action === "acknowledge" ? { acknowledgedAt: now } : {}),
      version: sql`${supportAlerts.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(supportAlerts.id, alert.id), eq(supportAlerts.version, alert.version)))
    .returning();
  if (!row) throw staleAlert(alert);
  const note = request.action === "resolve" ? c.resolution : request.action === "snooze" ? `Until ${request.until}` : null;
  await tx.insert(supportAlertEvents).values({ alertId: alert.id, kind: EVENT[request.action], byUserId, note, at: now });
  return row;
}

/** Acknowledge, snooze, resolve (saying how) or reopen one alert. */
export async function actOnAlert(
  db: Db,
  principal: Principal,
  programmeId: string,
  alertId: string,
  request: AlertRequest,
  now = new Date(),
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertWorksQueue(actor);
  const row = await db.transaction(async (tx) => {
    const alert = await findProgrammeAlert(tx, programme.id, alertId, true);
    if (alert.version !== request.version) throw staleAlert(alert);
    return applyToAlert(tx, alert, request, principal.user.id, now);
  });
  const { settings } = await settingsOf(db, programme);
  const name = await namesOf(db, [row.menteeUserId, row.mentorUserId, row.assigneeUserId]);
  return presentAlert(
    row,
    { mentee: name(row.menteeUserId), mentor: name(row.mentorUserId), assignee: name(row.assigneeUserId) },
    settings.overdueAfterDays,
    now,
  );
}
