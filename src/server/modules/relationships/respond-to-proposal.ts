import { eq, sql } from "drizzle-orm";
import { rulesFor } from "../../../core/programme-modes.js";
import { relationshipTransitionProblem } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { rolesOf } from "../matching/pool.js";
import { listMembers } from "../programmes/repository.js";
import { loadPairForParticipant } from "./access.js";
import type { RelationshipRow } from "./create-pair.js";
import { partnerOf } from "./list-mine.js";
import { presentMyRelationship } from "./present.js";
import { pairStartedEmail, proposalDeclinedCoordinatorEmail, proposalDeclinedEmail } from "./proposal-emails.js";
import { relationships } from "./tables.js";

/** The pair's row, locked for the rest of the transaction: two clicks or two people at once are serialised. */
async function lockPair(tx: Tx, id: string): Promise<RelationshipRow> {
  const [row] = await tx.select().from(relationships).where(eq(relationships.id, id)).for("update");
  return row;
}

/**
 * One side accepts a proposed pair. When the other side has accepted already the pair starts
 * (active, startedAt now) and both are told. Accepting twice changes nothing; accepting a pair
 * that was declined, ended or withdrawn is a 409.
 */
export async function acceptProposal(ctx: AppContext, principal: Principal, relationshipId: string) {
  const { programme, side } = await loadPairForParticipant(ctx.db, principal, relationshipId);
  const row = await ctx.db.transaction(async (tx) => {
    const current = await lockPair(tx, relationshipId);
    const mine = side === "mentor" ? current.mentorAcceptedAt : current.menteeAcceptedAt;
    if (current.status !== "proposed") {
      // A repeat of an accept that already went through (the pair may have started since) is not an error.
      if (mine && (current.status === "active" || current.status === "paused")) return current;
      throw conflict(
        "not_proposed",
        relationshipTransitionProblem(current.status, "active") ?? "This pair is no longer waiting for an answer.",
      );
    }
    if (mine) return current;
    const theirs = side === "mentor" ? current.menteeAcceptedAt : current.mentorAcceptedAt;
    const now = new Date();
    const [updated] = await tx
      .update(relationships)
      .set({
        ...(side === "mentor" ? { mentorAcceptedAt: now } : { menteeAcceptedAt: now }),
        ...(theirs ? { status: "active" as const, startedAt: now } : {}),
        version: sql`${relationships.version} + 1`,
        updatedAt: now,
      })
      .where(
        sql`${relationships.id} = ${current.id} and ${relationships.version} = ${current.version} and ${relationships.status} = 'proposed'`,
      )
      .returning();
    if (!updated) throw conflict("version_conflict", "This pair changed while you were answering; reload and try again.");
    if (updated.status === "active") {
      const link = `${ctx.config.baseUrl}/pairs/${updated.id}`;
      const mentee = await partnerOf(tx, updated, "mentor");
      const mentor = await partnerOf(tx, updated, "mentee");
      const pair = rulesFor(programme.type).words.pair;
      await enqueue(tx, "mail.send", pairStartedEmail(mentee, mentor, { programme: programme.name, link, pair }));
      await enqueue(tx, "mail.send", pairStartedEmail(mentor, mentee, { programme: programme.name, link, pair }));
    }
    ctx.logger.info({ relationshipId: updated.id, side, started: updated.status === "active" }, "pair proposal accepted");
    return updated;
  });
  return presentMyRelationship(row, programme, side, await partnerOf(ctx.db, row, side));
}

/**
 * One side declines a proposed pair, with a reason for the coordinator. The places it held
 * are free at once; the other person is told in neutral words (never the reason), and the
 * programme's coordinators are told there is a place to refill.
 */
export async function declineProposal(ctx: AppContext, principal: Principal, relationshipId: string, reason: string) {
  const { programme, side } = await loadPairForParticipant(ctx.db, principal, relationshipId);
  const row = await ctx.db.transaction(async (tx) => {
    const current = await lockPair(tx, relationshipId);
    if (current.status !== "proposed")
      throw conflict(
        "not_proposed",
        relationshipTransitionProblem(current.status, "declined") ?? "This pair is no longer waiting for an answer.",
      );
    const [updated] = await tx
      .update(relationships)
      .set({
        status: "declined",
        declinedBy: principal.user.id,
        declineReason: reason,
        version: sql`${relationships.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        sql`${relationships.id} = ${current.id} and ${relationships.version} = ${current.version} and ${relationships.status} = 'proposed'`,
      )
      .returning();
    if (!updated) throw conflict("version_conflict", "This pair changed while you were answering; reload and try again.");
    const me = { name: principal.user.name, email: principal.user.email };
    const other = await partnerOf(tx, updated, side);
    await enqueue(tx, "mail.send", proposalDeclinedEmail(other, me, { programme: programme.name }));
    const mentee = side === "mentee" ? me : other;
    const mentor = side === "mentor" ? me : other;
    const roles = rolesOf(programme);
    const { words } = rulesFor(programme.type);
    const link = `${ctx.config.baseUrl}/programmes/${programme.id}/${words.pairingPage.path}`;
    for (const c of (await listMembers(tx, programme.id)).filter((m) => m.role === "coordinator")) {
      await enqueue(
        tx,
        "mail.send",
        proposalDeclinedCoordinatorEmail(c, {
          programme: programme.name,
          mentee: mentee.name,
          mentor: mentor.name,
          decliner: `The ${side === "mentee" ? roles.receiver : roles.giver}, ${me.name},`,
          link,
          pair: words.pair,
          page: words.pairingPage.name,
        }),
      );
    }
    ctx.logger.info({ relationshipId: updated.id, side }, "pair proposal declined");
    return updated;
  });
  return presentMyRelationship(row, programme, side, await partnerOf(ctx.db, row, side));
}
