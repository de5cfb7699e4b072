import { eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertLogsCheckIns } from "./policies.js";
import { findCheckIn } from "./repository.js";
import { checkIns } from "./tables.js";

/** Removes a check-in logged by mistake (the web app asks first); the queue looks again, as the plan may now be overdue. */
export async function deleteCheckIn(db: Db, principal: Principal, programmeId: string, relationshipId: string, checkInId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertLogsCheckIns(actor);
  const current = await findCheckIn(db, programme.id, relationshipId, checkInId);
  await db.transaction(async (tx) => {
    await tx.delete(checkIns).where(eq(checkIns.id, current.id));
    await enqueue(tx, "alerts.evaluate", { programmeId: programme.id }, { dedupeKey: `alerts:evaluate:check-in-deleted:${current.id}` });
  });
}
