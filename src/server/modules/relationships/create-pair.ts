import { and, eq, inArray } from "drizzle-orm";
import type { RelationshipOrigin } from "../../../core/relationships/status.js";
import type { Tx } from "../../platform/db.js";
import { isUniqueViolation } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { enrolments } from "../enrolment/tables.js";
import { pairedMentees, placesTaken } from "./live-pairs.js";
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

export type PairRefusal = {
  /** The position of the refused pair in the caller's list. */
  index: number;
  code: "not_in_programme" | "not_approved" | "mentee_already_matched" | "mentor_full";
  message: string;
};

const CHUNK = 1000;

/**
 * The one way a pair comes into being, inside the caller's transaction. It locks the
 * mentee's enrolment and then the mentor's (always in that order, so two writers never
 * wait on each other in a circle), so two mentors accepting the same mentee, or two
 * mentees taking a mentor's last place, are serialised: capacity is never exceeded and a
 * mentee never has two live pairs in a programme. The partial unique index is the
 * last line of defence.
 */
export async function createPair(tx: Tx, pair: NewPair): Promise<RelationshipRow> {
  const { created, refused } = await createPairs(tx, pair.programmeId, [pair]);
  if (refused.length > 0) throw conflict(refused[0].code, refused[0].message);
  return created[0];
}

/**
 * Many pairs of one programme at once, with createPair's guarantees, in a handful of
 * statements: a published round of thousands of pairs locks its people in two queries
 * (mentees, then mentors, each in id order — the same order createPair uses, so bulk and
 * single writers never deadlock), counts live pairs once and inserts in chunks. Pairs
 * are taken in the caller's order; one that would break a rule is refused and reported,
 * the others go ahead.
 */
export async function createPairs(
  tx: Tx,
  programmeId: string,
  pairs: Omit<NewPair, "programmeId">[],
): Promise<{ created: RelationshipRow[]; refused: PairRefusal[] }> {
  const menteeIds = [...new Set(pairs.map((p) => p.menteeEnrolmentId))].sort();
  const mentorIds = [...new Set(pairs.map((p) => p.mentorEnrolmentId))].sort();
  const people = new Map<string, typeof enrolments.$inferSelect>();
  for (const ids of [menteeIds, mentorIds]) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await tx
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.programmeId, programmeId), inArray(enrolments.id, ids.slice(i, i + CHUNK))))
        .orderBy(enrolments.id)
        .for("update");
      for (const row of rows) people.set(row.id, row);
    }
  }
  const alreadyPaired = await pairedMentees(tx, programmeId);
  const held = await placesTaken(tx, programmeId, mentorIds);

  const refused: PairRefusal[] = [];
  const rows: (typeof relationships.$inferInsert)[] = [];
  const now = new Date();
  for (const [index, pair] of pairs.entries()) {
    const mentee = people.get(pair.menteeEnrolmentId);
    const mentor = people.get(pair.mentorEnrolmentId);
    if (!mentee || !mentor) {
      refused.push({ index, code: "not_in_programme", message: "Both people must be enrolled in this programme." });
      continue;
    }
    if (mentee.status !== "approved" || mentor.status !== "approved") {
      refused.push({ index, code: "not_approved", message: "Both people must be approved participants of the programme." });
      continue;
    }
    if (alreadyPaired.has(mentee.id)) {
      refused.push({ index, code: "mentee_already_matched", message: "This mentee already has a mentor in this programme." });
      continue;
    }
    const taken = held.get(mentor.id) ?? 0;
    if (taken >= (mentor.capacity ?? 0)) {
      refused.push({
        index,
        code: "mentor_full",
        message: `This mentor has no place left (capacity ${mentor.capacity ?? 0}, ${taken} taken).`,
      });
      continue;
    }
    alreadyPaired.add(mentee.id);
    held.set(mentor.id, taken + 1);
    const started = pair.status === "active" ? now : null;
    rows.push({
      programmeId,
      mentorEnrolmentId: mentor.id,
      menteeEnrolmentId: mentee.id,
      mentorUserId: mentor.userId,
      menteeUserId: mentee.userId,
      status: pair.status,
      origin: pair.origin,
      roundId: pair.roundId,
      matchReasons: pair.matchReasons ?? [],
      startedAt: started,
      mentorAcceptedAt: started,
      menteeAcceptedAt: started,
    });
  }

  const created: RelationshipRow[] = [];
  try {
    for (let i = 0; i < rows.length; i += CHUNK)
      created.push(
        ...(await tx
          .insert(relationships)
          .values(rows.slice(i, i + CHUNK))
          .returning()),
      );
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("mentee_already_matched", "This mentee already has a mentor in this programme.");
    throw err;
  }
  // Back in the caller's order (one live pair per mentee makes the mentee a key).
  const byMentee = new Map(created.map((r) => [r.menteeEnrolmentId, r]));
  return { created: rows.map((r) => byMentee.get(r.menteeEnrolmentId) as RelationshipRow), refused };
}
