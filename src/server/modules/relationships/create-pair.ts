import { and, count, eq, inArray } from "drizzle-orm";
import { HOLDING_STATUSES, type RelationshipOrigin } from "../../../core/relationships/status.js";
import type { Tx } from "../../platform/db.js";
import { isUniqueViolation } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { enrolments } from "../enrolment/tables.js";
import { relationships } from "./tables.js";

export type NewPair = {
  programmeId: string;
  mentorEnrolmentId: string;
  menteeEnrolmentId: string;
  status: "proposed" | "active";
  origin: RelationshipOrigin;
  roundId?: string;
  matchReasons?: string[];
};

export type RelationshipRow = typeof relationships.$inferSelect;

/**
 * The one way a pair comes into being, inside the caller's transaction. It locks the
 * mentee's enrolment and then the mentor's (always in that order, so two writers never
 * wait on each other in a circle), so two mentors accepting the same mentee, or two
 * mentees taking a mentor's last place, are serialised: capacity is never exceeded and a
 * mentee never has two live pairs in a programme. The partial unique index is the
 * last line of defence.
 */
export async function createPair(tx: Tx, pair: NewPair): Promise<RelationshipRow> {
  const [mentee] = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.id, pair.menteeEnrolmentId), eq(enrolments.programmeId, pair.programmeId)))
    .for("update");
  const [mentor] = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.id, pair.mentorEnrolmentId), eq(enrolments.programmeId, pair.programmeId)))
    .for("update");
  if (!mentee || !mentor) throw conflict("not_in_programme", "Both people must be enrolled in this programme.");
  if (mentee.status !== "approved" || mentor.status !== "approved")
    throw conflict("not_approved", "Both people must be approved participants of the programme.");
  const menteeHeld = await holdingCount(tx, "mentee", mentee.id);
  if (menteeHeld > 0) throw conflict("mentee_already_matched", "This mentee already has a mentor in this programme.");
  const mentorHeld = await holdingCount(tx, "mentor", mentor.id);
  if (mentorHeld >= (mentor.capacity ?? 0))
    throw conflict("mentor_full", `This mentor has no place left (capacity ${mentor.capacity ?? 0}, ${mentorHeld} taken).`);
  const now = new Date();
  try {
    const [row] = await tx
      .insert(relationships)
      .values({
        programmeId: pair.programmeId,
        mentorEnrolmentId: mentor.id,
        menteeEnrolmentId: mentee.id,
        mentorUserId: mentor.userId,
        menteeUserId: mentee.userId,
        status: pair.status,
        origin: pair.origin,
        roundId: pair.roundId,
        matchReasons: pair.matchReasons ?? [],
        startedAt: pair.status === "active" ? now : null,
        mentorAcceptedAt: pair.status === "active" ? now : null,
        menteeAcceptedAt: pair.status === "active" ? now : null,
      })
      .returning();
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("mentee_already_matched", "This mentee already has a mentor in this programme.");
    throw err;
  }
}

async function holdingCount(tx: Tx, side: "mentor" | "mentee", enrolmentId: string) {
  const column = side === "mentor" ? relationships.mentorEnrolmentId : relationships.menteeEnrolmentId;
  const [row] = await tx
    .select({ n: count() })
    .from(relationships)
    .where(and(eq(column, enrolmentId), inArray(relationships.status, [...HOLDING_STATUSES])));
  return Number(row.n);
}

/** Places a mentor has left: capacity minus live pairs. */
export async function placesLeft(tx: Tx, mentorEnrolmentId: string, capacity: number | null) {
  return (capacity ?? 0) - (await holdingCount(tx, "mentor", mentorEnrolmentId));
}
