import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { requirePairing } from "../programmes/policies.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { cancelUpcomingSessions } from "../workspace/cancel-sessions.js";
import { relationshipEvents } from "../workspace/tables.js";
import { findProgrammePair, presentCoordinatorPair } from "./coordinator-pairs.js";
import { endPair } from "./end-pair.js";
import { rematchEmail } from "./proposal-emails.js";

/**
 * No-fault rematch: the coordinator ends a live pair (category "rematch") so both can be
 * matched again; its upcoming sessions are cancelled in both calendars. The ended pair stays in the history, so no round proposes it again; both
 * people are told kindly, with the coordinator's note if one was given. The freed mentee is
 * returned for a re-match of the open places.
 */
export async function rematchPair(ctx: AppContext, principal: Principal, programme: ProgrammeRow, relationshipId: string, note?: string) {
  requirePairing(programme, "rematch");
  const found = await findProgrammePair(ctx.db, programme.id, relationshipId);
  if (!found) throw notFound("That relationship");
  const { mentee, mentor } = found;
  const ended = await ctx.db.transaction(async (tx) => {
    const row = await endPair(tx, { relationshipId, endedBy: principal.user.id, category: "rematch" });
    // The pair's upcoming sessions leave both calendars (a CANCEL each), as when a pair ends itself.
    await cancelUpcomingSessions(ctx, tx, row, null);
    await tx
      .insert(relationshipEvents)
      .values({ relationshipId, kind: "ended", side: null, userId: principal.user.id, category: "rematch" });
    await enqueue(tx, "mail.send", rematchEmail(mentee, mentor, { programme: programme.name, note }));
    await enqueue(tx, "mail.send", rematchEmail(mentor, mentee, { programme: programme.name, note }));
    return row;
  });
  ctx.logger.info({ programmeId: programme.id, relationshipId, by: principal.user.id }, "pair ended for a rematch");
  const pair = presentCoordinatorPair(ended, mentee, mentor);
  return { ended: pair, freedMentee: pair.mentee };
}
