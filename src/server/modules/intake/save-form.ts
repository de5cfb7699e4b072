import type { IntakeRole, Question } from "../../../core/intake/questions.js";
import { validateFormQuestions } from "../../../core/intake/validate-form.js";
import { rulesFor } from "../../../core/programme-modes.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { AppError, badRequest, conflict } from "../../platform/errors.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { findForm, saveFormVersion } from "./repository.js";

export function assertRoleOfProgramme(type: "mentoring" | "coaching", role: IntakeRole) {
  const { applicants } = rulesFor(type).roles;
  if (!applicants.includes(role)) {
    throw new AppError(404, "not_found", `A ${type} programme has ${applicants.join(" and ")} forms, not a ${role} form.`);
  }
}

/**
 * Saves a coordinator's edit as a new form version. Answers keep pointing at the version
 * they were given to, so earlier answers stay readable with their original wording.
 */
export async function saveForm(
  db: Db,
  principal: Principal,
  programmeId: string,
  role: IntakeRole,
  version: number,
  questions: Question[],
) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  assertRoleOfProgramme(programme.type, role);
  if (programme.status === "archived") throw conflict("programme_archived", "This programme is archived. Restore it before editing.");
  const problems = validateFormQuestions(role, questions);
  if (problems.length) {
    throw badRequest("validation_failed", problems[0].message, {
      issues: problems.map((p) => ({ path: ["questions", ...p.path.map(String)], message: p.message })),
    });
  }
  const saved = await db.transaction((tx) => saveFormVersion(tx, programmeId, role, version, questions));
  if (saved === undefined) {
    const current = await findForm(db, programmeId, role);
    throw conflict("version_conflict", "Someone else saved this form while you were editing. Reload it and make your change again.", {
      currentVersion: current?.version,
    });
  }
  return (await findForm(db, programmeId, role)) as NonNullable<Awaited<ReturnType<typeof findForm>>>;
}
