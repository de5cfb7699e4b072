import { and, count, eq, inArray } from "drizzle-orm";
import { HOLDING_STATUSES } from "../../../core/relationships/status.js";
import type { Executor } from "../../platform/db.js";
import { relationships } from "./tables.js";

/**
 * The one definition of what holds a place: proposed, active and paused pairs. Rounds,
 * self-match and createPairs all count places and paired mentees through here.
 */
const live = (programmeId: string) => and(eq(relationships.programmeId, programmeId), inArray(relationships.status, [...HOLDING_STATUSES]));

/** Live pairs per mentor enrolment of a programme (only the given mentors, when named). */
export async function placesTaken(db: Executor, programmeId: string, mentorEnrolmentIds?: string[]) {
  if (mentorEnrolmentIds?.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ mentor: relationships.mentorEnrolmentId, n: count() })
    .from(relationships)
    .where(and(live(programmeId), mentorEnrolmentIds ? inArray(relationships.mentorEnrolmentId, mentorEnrolmentIds) : undefined))
    .groupBy(relationships.mentorEnrolmentId);
  return new Map(rows.map((r) => [r.mentor, Number(r.n)]));
}

/** Mentees of a programme who hold a live pair. */
export async function pairedMentees(db: Executor, programmeId: string) {
  const rows = await db.select({ id: relationships.menteeEnrolmentId }).from(relationships).where(live(programmeId));
  return new Set(rows.map((r) => r.id));
}

/** Whether one mentee holds a live pair in their programme. */
export async function hasLivePair(db: Executor, menteeEnrolmentId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(relationships)
    .where(and(eq(relationships.menteeEnrolmentId, menteeEnrolmentId), inArray(relationships.status, [...HOLDING_STATUSES])));
  return Number(row.n) > 0;
}
