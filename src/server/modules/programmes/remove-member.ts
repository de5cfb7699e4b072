import { and, count, eq } from "drizzle-orm";
import type { ProgrammeRoleName } from "../../../core/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { loadProgrammeFor } from "./access.js";
import { programmeMembers } from "./tables.js";

/**
 * Removes a coordinator (participants leave through their enrolment instead). A programme
 * always keeps at least one coordinator, so nobody locks everyone out by accident.
 */
export async function removeCoordinator(db: Db, principal: Principal, programmeId: string, userId: string, role: ProgrammeRoleName) {
  await loadProgrammeFor(db, principal, programmeId, "manage");
  if (role !== "coordinator") {
    throw conflict(
      "not_a_coordinator_role",
      "Participants leave by withdrawing, or the coordinator declines them; only coordinators are removed here.",
    );
  }
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(programmeMembers)
      .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.role, "coordinator")));
    const removed = await tx
      .delete(programmeMembers)
      .where(
        and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.userId, userId), eq(programmeMembers.role, "coordinator")),
      )
      .returning({ userId: programmeMembers.userId });
    if (removed.length === 0) throw notFound("That coordinator");
    if (Number(n) <= 1)
      throw conflict("last_coordinator", "A programme needs at least one coordinator. Add another before removing this one.");
  });
}
