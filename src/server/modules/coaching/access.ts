import { and, eq, sql } from "drizzle-orm";
import type { EngagementRole } from "../../../core/coaching/roles.js";
import type { Side } from "../../../core/programme-modes.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { findProgramme, type ProgrammeRow, rolesInProgramme } from "../programmes/repository.js";
import { findRelationship } from "../relationships/access.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import type { Pair } from "../workspace/access.js";
import { engagementRoleOf } from "./policies.js";
import { coachingEngagements } from "./tables.js";

export type EngagementRow = typeof coachingEngagements.$inferSelect;

export type LoadedEngagement = {
  engagement: EngagementRow;
  relationship: RelationshipRow;
  programme: ProgrammeRow;
  /** The caller's role, or null for an outsider (the policies turn that into 404). */
  role: EngagementRole | null;
  userId: string;
};

export async function findEngagement(db: Executor, relationshipId: string): Promise<EngagementRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(relationshipId)) return undefined;
  return (await db.select().from(coachingEngagements).where(eq(coachingEngagements.relationshipId, relationshipId)))[0];
}

/** Whether this user holds an approved sponsor place in the programme. */
export async function isEnrolledSponsor(db: Executor, programmeId: string, userId: string) {
  const [row] = await db
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.programmeId, programmeId),
        eq(enrolments.userId, userId),
        eq(enrolments.role, "sponsor"),
        eq(enrolments.status, "approved"),
      ),
    );
  return Boolean(row);
}

/**
 * Loads an engagement with the caller's role in it. An id that is not an engagement (an
 * unknown id, or a mentoring pair) is 404 for everyone; what each role may then do is the
 * policies' answer.
 */
export async function loadEngagement(db: Executor, principal: Principal, engagementId: string): Promise<LoadedEngagement> {
  const engagement = await findEngagement(db, engagementId);
  const relationship = engagement ? await findRelationship(db, engagement.relationshipId) : undefined;
  const programme = relationship ? await findProgramme(db, relationship.programmeId) : undefined;
  if (!engagement || !relationship || !programme) throw notFound("That engagement");
  const userId = principal.user.id;
  const inPair = userId === relationship.mentorUserId || userId === relationship.menteeUserId;
  const sponsorCandidate = !inPair && engagement.sponsorEmail === principal.user.email.toLowerCase();
  const [programmeRoles, actorIsEnrolledSponsor] = await Promise.all([
    inPair ? Promise.resolve([]) : rolesInProgramme(db, programme.id, userId),
    sponsorCandidate ? isEnrolledSponsor(db, programme.id, userId) : Promise.resolve(false),
  ]);
  const role = engagementRoleOf(
    { userId, email: principal.user.email, isAdmin: principal.user.isAdmin, programmeRoles },
    { relationship, engagement, actorIsEnrolledSponsor },
  );
  return { engagement, relationship, programme, role, userId };
}

/** The engagement as a workspace pair, for the coach or coachee (sessions and agendas are the workspace's). */
export function asPair(e: LoadedEngagement): Pair {
  const side: Side = e.role === "coach" ? "mentor" : "mentee";
  return {
    relationship: e.relationship,
    programme: e.programme,
    side,
    userId: e.userId,
    partnerUserId: side === "mentor" ? e.relationship.menteeUserId : e.relationship.mentorUserId,
  };
}

/** The sponsor behind an address: their name once they have an account, and whether they took their place. */
export async function sponsorStatus(db: Executor, programmeId: string, email: string | null) {
  if (!email) return null;
  const [row] = await db
    .select({ id: users.id, name: users.name, role: enrolments.role, status: enrolments.status })
    .from(users)
    .leftJoin(enrolments, and(eq(enrolments.userId, users.id), eq(enrolments.programmeId, programmeId)))
    .where(sql`lower(${users.email}) = ${email}`);
  return {
    email,
    userId: row?.id ?? null,
    name: row?.name ?? null,
    joined: row?.role === "sponsor" && row.status === "approved",
  };
}
