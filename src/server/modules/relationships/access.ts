import { eq } from "drizzle-orm";
import { canManageProgramme } from "../../../core/permissions.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { findProgramme, rolesInProgramme } from "../programmes/repository.js";
import type { RelationshipRow } from "./create-pair.js";
import { relationships } from "./tables.js";

export type Side = "mentor" | "mentee";

/**
 * Loads a pair for one of its two people: the workspace (plan, sessions, agendas, notes,
 * goals, reflections) is theirs alone. Everyone else — another participant, the
 * coordinator, the instance admin — gets 404, the same answer as for an id that does not exist.
 */
export async function loadPairForParticipant(db: Executor, principal: Principal, id: string) {
  const relationship = await findRelationship(db, id);
  const side: Side | null = !relationship
    ? null
    : relationship.menteeUserId === principal.user.id
      ? "mentee"
      : relationship.mentorUserId === principal.user.id
        ? "mentor"
        : null;
  if (!relationship || !side) throw notFound("That relationship");
  const programme = await findProgramme(db, relationship.programmeId);
  if (!programme) throw notFound("That relationship");
  return { relationship, programme, side };
}

/**
 * Loads a pair for its programme's coordinators (or an instance admin): they may see
 * metadata about it (status, dates, counts), never its content.
 */
export async function loadPairForCoordinator(db: Executor, principal: Principal, id: string) {
  const relationship = await findRelationship(db, id);
  const programme = relationship ? await findProgramme(db, relationship.programmeId) : undefined;
  const roles = programme ? await rolesInProgramme(db, programme.id, principal.user.id) : [];
  if (!relationship || !programme || !canManageProgramme({ isAdmin: principal.user.isAdmin, roles })) throw notFound("That relationship");
  return { relationship, programme };
}

export async function findRelationship(db: Executor, id: string): Promise<RelationshipRow | undefined> {
  // A malformed id is simply not found (routes validate ids, but jobs and links may not).
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await db.select().from(relationships).where(eq(relationships.id, id)).limit(1))[0];
}
