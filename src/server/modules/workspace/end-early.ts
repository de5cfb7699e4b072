import { eq, sql } from "drizzle-orm";
import type { EndCategory } from "../../../core/relationships/status.js";
import type { AppContext } from "../../platform/context.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { listMembers } from "../programmes/repository.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { endPair } from "../relationships/end-pair.js";
import { relationships } from "../relationships/tables.js";
import { lockOpenPair, otherSide, type Pair } from "./access.js";
import { cancelUpcomingSessions } from "./cancel-sessions.js";
import { pairEndedCoordinatorEmail, pairEndedEmail } from "./emails.js";
import { pairPeople } from "./people.js";
import { recordEvent } from "./relationship-events.js";

/**
 * Either person ends the relationship before the term is over. Upcoming sessions leave
 * both calendars, the other person is told, and the programme's coordinators learn that it
 * ended and the category — never the note, which stays the pair's.
 *
 * A pair that chose to continue after the term is outside the programme: ending it just
 * closes the workspace, and the coordinators are not involved.
 */
export async function endEarly(ctx: AppContext, pair: Pair, input: { category: EndCategory; note?: string }): Promise<RelationshipRow> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOpenPair(tx, pair.relationship.id);
    const people = await pairPeople(tx, locked);
    const link = `${ctx.config.baseUrl}/pairs/${locked.id}`;
    const partner = people[otherSide(pair.side)];
    let row: RelationshipRow;
    const afterTerm = locked.status === "completed" && locked.continuing;
    if (afterTerm) {
      [row] = await tx
        .update(relationships)
        .set({ continuing: false, version: sql`${relationships.version} + 1`, updatedAt: new Date() })
        .where(eq(relationships.id, locked.id))
        .returning();
      await recordEvent(tx, { relationshipId: locked.id, kind: "closed", side: pair.side, userId: pair.userId, note: input.note });
    } else {
      row = await endPair(tx, { relationshipId: locked.id, endedBy: pair.userId, category: input.category, note: input.note ?? null });
      await recordEvent(tx, {
        relationshipId: locked.id,
        kind: "ended",
        side: pair.side,
        userId: pair.userId,
        category: input.category,
      });
      const coordinators = (await listMembers(tx, locked.programmeId)).filter((m) => m.role === "coordinator");
      for (const c of coordinators)
        await enqueue(
          tx,
          "mail.send",
          pairEndedCoordinatorEmail(
            c,
            { mentor: people.mentor.name, mentee: people.mentee.name, programme: pair.programme.name, category: input.category },
            `${ctx.config.baseUrl}/programmes/${locked.programmeId}`,
          ),
        );
    }
    await cancelUpcomingSessions(ctx, tx, row, pair.side);
    await enqueue(tx, "mail.send", pairEndedEmail(partner, people[pair.side].name, input.category, link, afterTerm));
    return row;
  });
}
