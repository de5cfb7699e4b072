import { desc, eq } from "drizzle-orm";
import type { EndCategory } from "../../../core/relationships/status.js";
import type { Executor } from "../../platform/db.js";
import type { Side } from "./access.js";
import { relationshipEvents } from "./tables.js";

type Kind = (typeof relationshipEvents.$inferSelect)["kind"];

export const recordEvent = (
  db: Executor,
  e: { relationshipId: string; kind: Kind; side: Side | null; userId: string | null; note?: string | null; category?: EndCategory | null },
) => db.insert(relationshipEvents).values({ ...e, note: e.note || null, category: e.category ?? null });

/** The pair's own timeline, newest first. */
export async function recentEvents(db: Executor, relationshipId: string, limit = 20) {
  const rows = await db
    .select()
    .from(relationshipEvents)
    .where(eq(relationshipEvents.relationshipId, relationshipId))
    .orderBy(desc(relationshipEvents.createdAt))
    .limit(limit);
  return rows.map((e) => ({ kind: e.kind, by: e.side, note: e.note, at: e.createdAt.toISOString() }));
}
