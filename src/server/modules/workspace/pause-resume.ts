import { eq, sql } from "drizzle-orm";
import { relationshipTransitionProblem } from "../../../core/relationships/status.js";
import type { AppContext } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { relationships } from "../relationships/tables.js";
import { lockOpenPair, otherSide, type Pair } from "./access.js";
import { pairPausedEmail } from "./emails.js";
import { pairPeople } from "./people.js";
import { recordEvent } from "./relationship-events.js";

/**
 * Either person pauses a busy stretch, or resumes. The other is told by email; the note
 * (if any) is for the two of them and stays in the workspace.
 */
export async function setPaused(ctx: AppContext, pair: Pair, paused: boolean, note: string | undefined): Promise<RelationshipRow> {
  const to = paused ? "paused" : "active";
  return ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    const problem = relationshipTransitionProblem(r.status, to);
    if (problem) throw conflict("invalid_transition", problem);
    const [row] = await tx
      .update(relationships)
      .set({ status: to, version: sql`${relationships.version} + 1`, updatedAt: new Date() })
      .where(eq(relationships.id, r.id))
      .returning();
    await recordEvent(tx, { relationshipId: r.id, kind: paused ? "paused" : "resumed", side: pair.side, userId: pair.userId, note });
    const people = await pairPeople(tx, r);
    await enqueue(
      tx,
      "mail.send",
      pairPausedEmail(people[otherSide(pair.side)], people[pair.side].name, paused, `${ctx.config.baseUrl}/pairs/${r.id}`),
    );
    return row;
  });
}
