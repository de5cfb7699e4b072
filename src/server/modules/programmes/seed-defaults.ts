import { rulesFor } from "../../../core/programme-modes.js";
import { DEFAULT_MENTORING_CONTENT } from "../../../core/programmes/default-content.js";
import type { Executor } from "../../platform/db.js";
import { seedCoachingDefaults } from "../coaching/seed-coaching.js";
import { programmeResources } from "../enrolment/tables.js";
import { insertForm } from "../intake/repository.js";
import { seedDefaultSurveys } from "../surveys/seed-default-surveys.js";
import type { ProgrammeRow } from "./repository.js";

/**
 * A new programme starts usable: an intake form per side, its default surveys, and the
 * mode's own content (for mentoring the weekly resources). Sponsors answer no form: they
 * are invited, not matched.
 */
export async function seedProgrammeDefaults(db: Executor, programme: ProgrammeRow) {
  const rules = rulesFor(programme.type);
  for (const role of rules.roles.applicants) await insertForm(db, programme.id, role, rules.intakeQuestions(role));
  await seedCoachingDefaults(db, programme);
  if (rules.features.weeklyResources) {
    await db.insert(programmeResources).values(DEFAULT_MENTORING_CONTENT.map((r) => ({ ...r, programmeId: programme.id })));
  }
  await seedDefaultSurveys(db, programme);
}
