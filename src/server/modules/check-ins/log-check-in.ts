import type { z } from "zod";
import type { CheckInCreate } from "../../../contracts/support.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { noteOnAlert } from "../alerts/alert-events.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertCheckInDates } from "./check-in-rules.js";
import { assertLogsCheckIns, assertMayWriteNote, canReadCheckInNotes } from "./policies.js";
import { presentCheckIn } from "./present.js";
import { programmePair } from "./repository.js";
import { checkIns } from "./tables.js";

/**
 * Logs a check-in with a pair. The queue is asked to look again at once, so an overdue
 * check-in alert closes itself now rather than at the next hourly run.
 */
export async function logCheckIn(
  db: Db,
  principal: Principal,
  programmeId: string,
  relationshipId: string,
  input: z.infer<typeof CheckInCreate>,
  now = new Date(),
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertLogsCheckIns(actor);
  assertMayWriteNote(actor, input.note);
  const pair = await programmePair(db, programme.id, relationshipId);
  assertCheckInDates(input.happenedOn, input.followUpOn, now);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(checkIns)
      .values({
        programmeId: programme.id,
        relationshipId: pair.r.id,
        plannedWeek: input.plannedWeek,
        happenedOn: input.happenedOn,
        with: input.with,
        outcome: input.outcome,
        note: input.note,
        followUpOn: input.followUpOn,
        loggedBy: principal.user.id,
      })
      .returning();
    if (input.alertId)
      await noteOnAlert(tx, programme.id, input.alertId, "checked_in", principal.user.id, `Check-in logged for ${input.happenedOn}.`);
    await enqueue(tx, "alerts.evaluate", { programmeId: programme.id }, { dedupeKey: `alerts:evaluate:check-in:${created.id}` });
    return created;
  });
  return presentCheckIn(row, principal.user.name, canReadCheckInNotes(actor));
}
