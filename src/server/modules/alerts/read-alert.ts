import { asc, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { canReadCheckInNotes } from "../check-ins/policies.js";
import { checkInHistory } from "../check-ins/repository.js";
import { loadProgrammeActor } from "../support/access.js";
import { settingsOf } from "../support/settings.js";
import { pairMetadata } from "./pair-metadata.js";
import { assertWorksQueue } from "./policies.js";
import { presentAlert } from "./present.js";
import { findProgrammeAlert, namesOf } from "./repository.js";
import { supportAlertEvents } from "./tables.js";

/** One alert with what a coordinator needs to act: the pair's metadata, its check-in history and the alert's own history. */
export async function readAlert(db: Db, principal: Principal, programmeId: string, alertId: string, now = new Date()) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertWorksQueue(actor);
  const alert = await findProgrammeAlert(db, programme.id, alertId);
  const { settings } = await settingsOf(db, programme);
  const name = await namesOf(db, [alert.menteeUserId, alert.mentorUserId, alert.assigneeUserId]);
  const events = await db
    .select({ kind: supportAlertEvents.kind, by: users.name, note: supportAlertEvents.note, at: supportAlertEvents.at })
    .from(supportAlertEvents)
    .leftJoin(users, eq(users.id, supportAlertEvents.byUserId))
    .where(eq(supportAlertEvents.alertId, alert.id))
    .orderBy(asc(supportAlertEvents.id));
  return {
    alert: presentAlert(
      alert,
      { mentee: name(alert.menteeUserId), mentor: name(alert.mentorUserId), assignee: name(alert.assigneeUserId) },
      settings.overdueAfterDays,
      now,
    ),
    events: events.map((e) => ({ kind: e.kind, by: e.by, note: e.note, at: e.at.toISOString() })),
    pair: alert.relationshipId ? await pairMetadata(db, programme.id, alert.relationshipId, now) : null,
    history: alert.relationshipId ? await checkInHistory(db, alert.relationshipId, canReadCheckInNotes(actor)) : null,
  };
}
