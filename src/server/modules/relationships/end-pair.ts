import { and, eq, inArray, sql } from "drizzle-orm";
import { type EndCategory, HOLDING_STATUSES } from "../../../core/relationships/status.js";
import type { Tx } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import type { RelationshipRow } from "./create-pair.js";
import { relationships } from "./tables.js";

export type EndPair = {
  relationshipId: string;
  endedBy: string;
  category: EndCategory;
  /** The pair's own words; kept from the coordinator. */
  note?: string | null;
};

/**
 * Ends a live pair early, inside the caller's transaction, freeing the mentor's place and
 * the mentee's. Conditional on the pair still being live, so two people ending it at once
 * (or an end racing a completion) change it once and the second gets a clear 409.
 * Side effects on the workspace (cancelling upcoming sessions, telling the other person)
 * belong to the callers.
 */
export async function endPair(tx: Tx, end: EndPair): Promise<RelationshipRow> {
  const [row] = await tx
    .update(relationships)
    .set({
      status: "ended",
      endedAt: new Date(),
      endedBy: end.endedBy,
      endCategory: end.category,
      endNote: end.note ?? null,
      version: sql`${relationships.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(relationships.id, end.relationshipId), inArray(relationships.status, [...HOLDING_STATUSES])))
    .returning();
  if (!row) throw conflict("relationship_not_live", "This relationship has already ended or finished.");
  return row;
}
