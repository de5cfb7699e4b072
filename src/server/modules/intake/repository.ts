import { and, eq } from "drizzle-orm";
import type { FormDefinition, IntakeRole, Question } from "../../../core/intake/questions.js";
import type { Executor } from "../../platform/db.js";
import { intakeForms, intakeFormVersions } from "../enrolment/tables.js";

export async function insertForm(db: Executor, programmeId: string, role: IntakeRole, questions: Question[]) {
  await db.insert(intakeForms).values({ programmeId, role, version: 1, questions });
  await db.insert(intakeFormVersions).values({ programmeId, role, version: 1, questions });
}

export async function findForm(
  db: Executor,
  programmeId: string,
  role: IntakeRole,
): Promise<(FormDefinition & { updatedAt: Date }) | undefined> {
  const [row] = await db
    .select()
    .from(intakeForms)
    .where(and(eq(intakeForms.programmeId, programmeId), eq(intakeForms.role, role)))
    .limit(1);
  return row && { role: row.role, version: row.version, questions: row.questions, updatedAt: row.updatedAt };
}

export async function findFormVersion(
  db: Executor,
  programmeId: string,
  role: IntakeRole,
  version: number,
): Promise<Question[] | undefined> {
  const [row] = await db
    .select({ questions: intakeFormVersions.questions })
    .from(intakeFormVersions)
    .where(and(eq(intakeFormVersions.programmeId, programmeId), eq(intakeFormVersions.role, role), eq(intakeFormVersions.version, version)))
    .limit(1);
  return row?.questions;
}

/** Saves a new version if the form is still at `expectedVersion`; returns the new version or undefined when stale. */
export async function saveFormVersion(db: Executor, programmeId: string, role: IntakeRole, expectedVersion: number, questions: Question[]) {
  const [row] = await db
    .update(intakeForms)
    .set({ version: expectedVersion + 1, questions, updatedAt: new Date() })
    .where(and(eq(intakeForms.programmeId, programmeId), eq(intakeForms.role, role), eq(intakeForms.version, expectedVersion)))
    .returning({ version: intakeForms.version });
  if (!row) return undefined;
  await db.insert(intakeFormVersions).values({ programmeId, role, version: row.version, questions });
  return row.version;
}
