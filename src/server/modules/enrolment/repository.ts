import { and, eq, inArray, sql } from "drizzle-orm";
import type { EnrolmentStatus } from "../../../core/enrolment/status.js";
import type { Answers, IntakeRole } from "../../../core/intake/questions.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { programmeMembers } from "../programmes/tables.js";
import { enrolments, trainingCompletions } from "./tables.js";

export type EnrolmentRow = typeof enrolments.$inferSelect;

export const findEnrolmentOfUser = async (db: Executor, programmeId: string, userId: string) =>
  (
    await db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.programmeId, programmeId), eq(enrolments.userId, userId)))
      .limit(1)
  )[0];

export const findEnrolment = async (db: Executor, programmeId: string, id: string) =>
  (
    await db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.programmeId, programmeId), eq(enrolments.id, id)))
      .limit(1)
  )[0];

export async function findEnrolmentsWithPeople(db: Executor, programmeId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ enrolment: enrolments, email: users.email, name: users.name })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.programmeId, programmeId), inArray(enrolments.id, ids)));
}

/** The capacity a giving-side answer implies; null for the receiving side. */
export const capacityFrom = (answers: Answers): number | null => (typeof answers.capacity === "number" ? answers.capacity : null);

export async function upsertApplication(
  db: Executor,
  values: {
    programmeId: string;
    userId: string;
    role: IntakeRole;
    status: EnrolmentStatus;
    source: "application" | "invitation" | "import";
    answers: Answers;
    formVersion: number;
  },
) {
  const now = new Date();
  const [row] = await db
    .insert(enrolments)
    .values({ ...values, capacity: capacityFrom(values.answers), appliedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [enrolments.programmeId, enrolments.userId],
      // Re-applying after withdrawing starts a fresh application.
      set: {
        role: values.role,
        status: values.status,
        source: values.source,
        answers: values.answers,
        formVersion: values.formVersion,
        capacity: capacityFrom(values.answers),
        paused: false,
        declineReason: null,
        decidedAt: null,
        decidedBy: null,
        appliedAt: now,
        updatedAt: now,
      },
    })
    .returning();
  return row;
}

/** Keeps the permission roles in step with an enrolment: only approved people hold the role. */
export async function syncMembership(db: Executor, e: Pick<EnrolmentRow, "programmeId" | "userId" | "role" | "status">) {
  if (e.status === "approved") {
    await db.insert(programmeMembers).values({ programmeId: e.programmeId, userId: e.userId, role: e.role }).onConflictDoNothing();
  } else {
    await db
      .delete(programmeMembers)
      .where(
        and(eq(programmeMembers.programmeId, e.programmeId), eq(programmeMembers.userId, e.userId), eq(programmeMembers.role, e.role)),
      );
  }
}

export async function setEnrolmentStatus(
  db: Executor,
  id: string,
  values: { status: EnrolmentStatus; declineReason?: string | null; decidedBy?: string | null; decided?: boolean },
) {
  const [row] = await db
    .update(enrolments)
    .set({
      status: values.status,
      declineReason: values.declineReason ?? null,
      ...(values.decided ? { decidedAt: sql`now()`, decidedBy: values.decidedBy ?? null } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(enrolments.id, id))
    .returning();
  await syncMembership(db, row);
  return row;
}

export const completedModules = async (db: Executor, enrolmentId: string) =>
  (
    await db
      .select({ key: trainingCompletions.moduleKey })
      .from(trainingCompletions)
      .where(eq(trainingCompletions.enrolmentId, enrolmentId))
  ).map((r) => r.key);
