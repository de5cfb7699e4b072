import { and, eq, sql } from "drizzle-orm";
import { isWritable } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { loadPair, type Pair, writeToPair } from "./access.js";
import { authorizeWriteSwot, canReadSwot, canWriteSwot } from "./policies.js";
import { swots } from "./tables.js";

type SwotRow = typeof swots.$inferSelect;
export type SwotLists = Pick<SwotRow, "strengths" | "weaknesses" | "opportunities" | "threats">;

const present = (row: SwotRow | undefined, pair: Pair) => ({
  strengths: row?.strengths ?? [],
  weaknesses: row?.weaknesses ?? [],
  opportunities: row?.opportunities ?? [],
  threats: row?.threats ?? [],
  shared: Boolean(row?.sharedAt),
  sharedAt: row?.sharedAt?.toISOString() ?? null,
  editable: canWriteSwot(pair) && isWritable(pair.relationship.status, pair.relationship.continuing),
  version: row?.version ?? 0,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

const find = async (db: Db, relationshipId: string) => (await db.select().from(swots).where(eq(swots.relationshipId, relationshipId)))[0];

/**
 * The mentee's SWOT. The mentor reads it only once shared; before that it does not exist
 * for them (404), exactly as for anyone outside the pair.
 */
export async function readSwot(db: Db, principal: Principal, relationshipId: string) {
  const pair = await loadPair(db, principal, relationshipId, "swot");
  const row = await find(db, pair.relationship.id);
  if (!canReadSwot(pair, Boolean(row?.sharedAt))) throw notFound("A shared SWOT");
  return present(row, pair);
}

/** Saves all four lists at once; version 0 creates it, later saves must name the version edited. */
export async function saveSwot(outer: Db, principal: Principal, relationshipId: string, input: SwotLists & { version: number }) {
  return writeToPair(outer, principal, relationshipId, "swot", async (db, pair) => {
    authorizeWriteSwot(pair);
    const { version, ...lists } = input;
    const row =
      version === 0
        ? (
            await db
              .insert(swots)
              .values({ relationshipId: pair.relationship.id, ...lists })
              .onConflictDoNothing()
              .returning()
          )[0]
        : (
            await db
              .update(swots)
              .set({ ...lists, version: sql`${swots.version} + 1`, updatedAt: sql`now()` })
              .where(and(eq(swots.relationshipId, pair.relationship.id), eq(swots.version, version)))
              .returning()
          )[0];
    if (!row) {
      const current = await find(db, pair.relationship.id);
      throw conflict("version_conflict", "Your SWOT was saved elsewhere since you opened it. Reload it and make your change again.", {
        currentVersion: current?.version ?? 0,
      });
    }
    return present(row, pair);
  });
}

/** Shares the SWOT with the mentor (read-only for them) or takes it back. */
export async function shareSwot(outer: Db, principal: Principal, relationshipId: string, shared: boolean) {
  return writeToPair(outer, principal, relationshipId, "swot", async (db, pair) => {
    authorizeWriteSwot(pair);
    const [row] = await db
      .update(swots)
      .set({ sharedAt: shared ? sql`coalesce(${swots.sharedAt}, now())` : null })
      .where(eq(swots.relationshipId, pair.relationship.id))
      .returning();
    if (!row) throw conflict("nothing_to_share", "Write your SWOT and save it before sharing it.");
    return present(row, pair);
  });
}
