import { defaultQuestions, rolesForProgrammeType } from "../../../core/intake/questions.js";
import { DEFAULT_MENTORING_CONTENT } from "../../../core/programmes/default-content.js";
import type { Executor } from "../../platform/db.js";
import { programmeResources } from "../enrolment/tables.js";
import { insertForm } from "../intake/repository.js";
import { seedDefaultSurveys } from "../surveys/seed-default-surveys.js";
import type { ProgrammeRow } from "./repository.js";

/** A new programme starts usable: an intake form per role, its default surveys, and for mentoring the weekly resources. */
export async function seedProgrammeDefaults(db: Executor, programme: ProgrammeRow) {
  for (const role of rolesForProgrammeType(programme.type)) await insertForm(db, programme.id, role, defaultQuestions(role));
  if (programme.type === "mentoring") {
    await db.insert(programmeResources).values(DEFAULT_MENTORING_CONTENT.map((r) => ({ ...r, programmeId: programme.id })));
  }
  await seedDefaultSurveys(db, programme);
}
