import { SHIPPED_TEMPLATES } from "../../../core/coaching/templates.js";
import { rulesFor } from "../../../core/programme-modes.js";
import type { Executor } from "../../platform/db.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { coachingPackages, coachingPlanTemplates } from "./tables.js";

/**
 * A new coaching programme starts usable: one package of the mode's default size (six
 * sessions of an hour within twelve weeks) and Grove's two session-plan templates, all of
 * which the coordinator may change. Seeding the templates again adds only missing ones.
 */
export async function seedCoachingDefaults(db: Executor, programme: Pick<ProgrammeRow, "id" | "type">) {
  const { duration } = rulesFor(programme.type);
  if (duration.kind !== "package") return;
  await db.insert(coachingPackages).values({
    programmeId: programme.id,
    name: `${duration.sessions} sessions in ${duration.periodWeeks} weeks`,
    sessions: duration.sessions,
    sessionMinutes: duration.sessionMinutes,
    periodWeeks: duration.periodWeeks,
  });
  await seedShippedTemplates(db, programme.id);
}

export async function seedShippedTemplates(db: Executor, programmeId: string) {
  await db
    .insert(coachingPlanTemplates)
    .values(SHIPPED_TEMPLATES.map((t) => ({ programmeId, key: t.key, name: t.name, description: t.description, entries: t.entries })))
    .onConflictDoNothing();
}
