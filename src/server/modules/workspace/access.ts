import { eq } from "drizzle-orm";
import { isWritable } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor, Tx } from "../../platform/db.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { loadPairForParticipant, type Side } from "../relationships/access.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { relationships } from "../relationships/tables.js";

export type { Side };

export type Pair = Awaited<ReturnType<typeof loadPairForParticipant>> & { userId: string; partnerUserId: string };

/**
 * The workspace is its two people's alone: everyone else — another participant, the
 * coordinator, the instance admin — gets the same 404 as for a pair that does not exist.
 */
export async function loadPair(db: Executor, principal: Principal, relationshipId: string): Promise<Pair> {
  const pair = await loadPairForParticipant(db, principal, relationshipId);
  const partnerUserId = pair.side === "mentee" ? pair.relationship.mentorUserId : pair.relationship.menteeUserId;
  return { ...pair, userId: principal.user.id, partnerUserId };
}

export const otherSide = (side: Side): Side => (side === "mentee" ? "mentor" : "mentee");

/** Why the pair cannot change its workspace now, as the error to answer with; null when it can. */
export function closedProblem(r: Pick<RelationshipRow, "status" | "continuing">): AppError | null {
  if (isWritable(r.status, r.continuing)) return null;
  if (r.status === "proposed")
    return conflict("relationship_not_started", "This pair has not started yet: the workspace opens once both have accepted.");
  return conflict("relationship_closed", `This relationship is ${r.status}; its workspace can still be read but no longer changed.`);
}

export function assertWritable(r: Pick<RelationshipRow, "status" | "continuing">) {
  const problem = closedProblem(r);
  if (problem) throw problem;
}

/**
 * Inside a write: locks the pair's row so that changes to one pair (two sessions booked at
 * once, a session booked while the other person ends the relationship) happen one after
 * the other, and re-checks that the workspace is still open.
 */
export async function lockOpenPair(tx: Tx, relationshipId: string): Promise<RelationshipRow> {
  const [row] = await tx.select().from(relationships).where(eq(relationships.id, relationshipId)).for("update");
  if (!row) throw notFound("That relationship");
  assertWritable(row);
  return row;
}

/** A 403 that says who may do it instead. */
export const notYours = (code: string, message: string) => new AppError(403, code, message);
