import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { badRequest } from "../../platform/errors.js";
import { rolesInProgramme } from "../programmes/repository.js";
import { loadProgrammeActor } from "../support/access.js";
import { settingsOf } from "../support/settings.js";
import { staleAlert } from "./act-on-alert.js";
import { assertWorksQueue, canBeAssigned } from "./policies.js";
import { type AlertRow, presentAlert } from "./present.js";
import { findProgrammeAlert, namesOf } from "./repository.js";
import { supportAlertEvents, supportAlerts } from "./tables.js";

/** The assignee must coordinate this programme; null leaves the alert with nobody in particular. */
export async function assertAssignable(db: Executor, programmeId: string, assigneeUserId: string | null) {
  if (assigneeUserId === null) return null;
  if (!canBeAssigned(await rolesInProgramme(db, programmeId, assigneeUserId))) {
    throw badRequest("validation_failed", "Alerts can be assigned to the programme's coordinators only.", {
      issues: [{ path: ["assigneeUserId"], message: "Choose one of the programme's coordinators." }],
    });
  }
  const name = await namesOf(db, [assigneeUserId]);
  return name(assigneeUserId)?.name ?? null;
}

export async function assignInTx(
  tx: Executor,
  alert: AlertRow,
  assigneeUserId: string | null,
  assigneeName: string | null,
  byUserId: string,
  now: Date,
) {
  const [row] = await tx
    .update(supportAlerts)
    .set({ assigneeUserId, version: sql`${supportAlerts.version} + 1`, updatedAt: now })
    .where(and(eq(supportAlerts.id, alert.id), eq(supportAlerts.version, alert.version)))
    .returning();
  if (!row) throw staleAlert(alert);
  await tx
    .insert(supportAlertEvents)
    .values({ alertId: alert.id, kind: "assigned", byUserId, note: assigneeName ? `Assigned to ${assigneeName}` : "Unassigned", at: now });
  return row;
}

export async function assignAlert(
  db: Db,
  principal: Principal,
  programmeId: string,
  alertId: string,
  assigneeUserId: string | null,
  version: number,
  now = new Date(),
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertWorksQueue(actor);
  const assigneeName = await assertAssignable(db, programme.id, assigneeUserId);
  const row = await db.transaction(async (tx) => {
    const alert = await findProgrammeAlert(tx, programme.id, alertId, true);
    if (alert.version !== version) throw staleAlert(alert);
    return assignInTx(tx, alert, assigneeUserId, assigneeName, principal.user.id, now);
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
