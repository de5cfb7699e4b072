import { and, count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RelationshipStatus } from "../../../core/relationships/status.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import type { RelationshipRow } from "./create-pair.js";
import { relationships } from "./tables.js";

const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");

type Person = { name: string; email: string };

/**
 * A pair as its programme's coordinator sees it: who, how it stands and where it came from.
 * The decline reason is theirs to read (they refill the place); the pair's own words about an
 * early end (endNote) never leave here, and neither does anything from the workspace.
 */
export const presentCoordinatorPair = (r: RelationshipRow, mentee: Person, mentor: Person) => ({
  id: r.id,
  mentee: { enrolmentId: r.menteeEnrolmentId, name: mentee.name, email: mentee.email },
  mentor: { enrolmentId: r.mentorEnrolmentId, name: mentor.name, email: mentor.email },
  status: r.status,
  origin: r.origin,
  roundId: r.roundId,
  mentorAccepted: r.mentorAcceptedAt !== null,
  menteeAccepted: r.menteeAcceptedAt !== null,
  declinedBy: r.declinedBy === null ? null : r.declinedBy === r.mentorUserId ? ("mentor" as const) : ("mentee" as const),
  declineReason: r.status === "declined" ? r.declineReason : null,
  endCategory: r.endCategory,
  startedAt: r.startedAt?.toISOString() ?? null,
  endedAt: r.endedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

const withPeople = (db: Executor) =>
  db
    .select({
      r: relationships,
      mentee: { name: menteeUser.name, email: menteeUser.email },
      mentor: { name: mentorUser.name, email: mentorUser.email },
    })
    .from(relationships)
    .innerJoin(menteeUser, eq(menteeUser.id, relationships.menteeUserId))
    .innerJoin(mentorUser, eq(mentorUser.id, relationships.mentorUserId))
    .$dynamic();

/** The programme's pairs, newest first, optionally of one status. */
export async function listProgrammePairs(
  db: Executor,
  programmeId: string,
  q: { status?: RelationshipStatus; limit: number; offset: number },
) {
  const where = and(eq(relationships.programmeId, programmeId), q.status ? eq(relationships.status, q.status) : undefined);
  const rows = await withPeople(db).where(where).orderBy(desc(relationships.createdAt), relationships.id).limit(q.limit).offset(q.offset);
  const [{ n }] = await db.select({ n: count() }).from(relationships).where(where);
  return {
    items: rows.map(({ r, mentee, mentor }) => presentCoordinatorPair(r, mentee, mentor)),
    total: Number(n),
    limit: q.limit,
    offset: q.offset,
  };
}

/** One pair of the programme for its coordinator, or undefined when it is not this programme's. */
export async function findProgrammePair(db: Executor, programmeId: string, relationshipId: string) {
  const [row] = await withPeople(db).where(and(eq(relationships.id, relationshipId), eq(relationships.programmeId, programmeId)));
  return row;
}
