import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CheckInUpdate } from "../../../contracts/support.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { users } from "../accounts/tables.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertCheckInDates } from "./check-in-rules.js";
import { assertLogsCheckIns, canReadCheckInNotes } from "./policies.js";
import { presentCheckIn } from "./present.js";
import { findCheckIn } from "./repository.js";
import { checkIns } from "./tables.js";

/** Corrects a check-in. Someone who may not read notes cannot change one either: the note they never saw is kept. */
export async function updateCheckIn(
  db: Db,
  principal: Principal,
  programmeId: string,
  relationshipId: string,
  checkInId: string,
  input: z.infer<typeof CheckInUpdate>,
  now = new Date(),
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertLogsCheckIns(actor);
  const current = await findCheckIn(db, programme.id, relationshipId, checkInId);
  assertCheckInDates(input.happenedOn, input.followUpOn, now);
  const notes = canReadCheckInNotes(actor);
  const [row] = await db
    .update(checkIns)
    .set({
      happenedOn: input.happenedOn,
      with: input.with,
      outcome: input.outcome,
      followUpOn: input.followUpOn,
      ...(notes ? { note: input.note } : {}),
      version: sql`${checkIns.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(checkIns.id, current.id), eq(checkIns.version, input.version)))
    .returning();
  if (!row)
    throw conflict("version_conflict", "This check-in changed since you opened it. Reload it and make your change again.", {
      currentVersion: current.version,
    });
  await enqueue(db, "alerts.evaluate", { programmeId: programme.id }, { dedupeKey: `alerts:evaluate:check-in:${row.id}:${row.version}` });
  const [by] = row.loggedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.loggedBy)) : [];
  return presentCheckIn(row, by?.name ?? null, notes);
}
