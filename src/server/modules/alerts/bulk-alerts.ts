import { and, eq, inArray } from "drizzle-orm";
import { applyAlertAction } from "../../../core/alerts/state.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { applyToAlert } from "./act-on-alert.js";
import { assertAssignable, assignInTx } from "./assign-alert.js";
import { assertWorksQueue } from "./policies.js";
import { supportAlerts } from "./tables.js";

/**
 * Acknowledges or assigns many alerts at once. Each alert is changed only if that move is
 * allowed for it now (an already-resolved one is skipped, not an error); all in one
 * transaction, so the page's count of changed and skipped is exact.
 */
export async function bulkAlerts(
  db: Db,
  principal: Principal,
  programmeId: string,
  input: { ids: string[]; action: "acknowledge" | "assign"; assigneeUserId?: string | null },
  now = new Date(),
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertWorksQueue(actor);
  const assigneeUserId = input.assigneeUserId ?? null;
  const assigneeName = input.action === "assign" ? await assertAssignable(db, programme.id, assigneeUserId) : null;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(supportAlerts)
      .where(and(eq(supportAlerts.programmeId, programme.id), inArray(supportAlerts.id, [...new Set(input.ids)])))
      .orderBy(supportAlerts.id)
      .for("update");
    let changed = 0;
    for (const alert of rows) {
      if (input.action === "acknowledge") {
        if ("problem" in applyAlertAction(alert, { type: "acknowledge" }, now)) continue;
        await applyToAlert(tx, alert, { action: "acknowledge", version: alert.version }, principal.user.id, now);
      } else {
        if (alert.state === "resolved" || alert.assigneeUserId === assigneeUserId) continue;
        await assignInTx(tx, alert, assigneeUserId, assigneeName, principal.user.id, now);
      }
      changed++;
    }
    return { changed, skipped: input.ids.length - changed };
  });
}
