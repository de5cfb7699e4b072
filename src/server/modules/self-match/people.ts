import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";

/** Approved enrolments of a programme with their person, as scoring and presenting need them. */
export async function approvedPeople(db: Executor, programmeId: string, filter: { role?: string; ids?: string[] }) {
  const rows = await db
    .select({
      enrolmentId: enrolments.id,
      userId: enrolments.userId,
      role: enrolments.role,
      answers: enrolments.answers,
      capacity: enrolments.capacity,
      paused: enrolments.paused,
      email: users.email,
      name: users.name,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(
      and(
        eq(enrolments.programmeId, programmeId),
        eq(enrolments.status, "approved"),
        filter.role ? eq(enrolments.role, filter.role as "mentor") : undefined,
        filter.ids ? inArray(enrolments.id, filter.ids) : undefined,
      ),
    )
    .orderBy(enrolments.id);
  return rows;
}

export type ApprovedPerson = Awaited<ReturnType<typeof approvedPeople>>[number];
