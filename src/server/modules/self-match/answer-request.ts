import { and, eq, gt } from "drizzle-orm";
import { notPendingProblem, type RequestStatus } from "../../../core/self-match/requests.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { enrolments } from "../enrolment/tables.js";
import { createPair } from "../relationships/create-pair.js";
import { requireSelfMatchOpen, sideWords } from "./access.js";
import { closeRequestsForNewPairs } from "./close-for-new-pairs.js";
import { requestAcceptedEmail, requestDeclinedEmail, requestWithdrawnEmail } from "./emails.js";
import { loadRequestFor } from "./find-request.js";
import { fitScorer, previousMentorsOf } from "./fit.js";
import { selfMatchLinks } from "./links.js";
import { requestsWithParties } from "./parties.js";
import { approvedPeople } from "./people.js";
import { matchRequests } from "./tables.js";

type RequestRow = typeof matchRequests.$inferSelect;

/**
 * Moves a request out of pending only if it still is pending and has not run out of time:
 * the UPDATE's condition is the check, so of two people acting at once exactly one wins.
 * The loser gets a 409 that says what happened instead.
 */
async function closePending(tx: Tx, id: string, changes: Partial<typeof matchRequests.$inferInsert>): Promise<RequestRow> {
  const now = new Date();
  const [row] = await tx
    .update(matchRequests)
    .set(changes)
    .where(and(eq(matchRequests.id, id), eq(matchRequests.status, "pending"), gt(matchRequests.expiresAt, now)))
    .returning();
  if (row) return row;
  const [current] = await tx.select().from(matchRequests).where(eq(matchRequests.id, id));
  if (current?.status === "pending" || current?.status === "expired") {
    throw conflict("request_expired", notPendingProblem("expired"));
  }
  throw conflict("request_not_pending", notPendingProblem((current?.status ?? "withdrawn") as RequestStatus));
}

/**
 * The mentor says yes. In one transaction: lock the mentee's enrolment, then the mentor's
 * (createPair's order, so concurrent accepts queue instead of deadlocking), mark the request
 * accepted, create the pair (which re-checks capacity and the mentee's one live pair), then
 * close the mentee's other requests and — if that was the mentor's last place — the mentor's
 * other requests. Every row those closings touch is locked in id order in one statement.
 */
export async function acceptRequest(ctx: AppContext, principal: Principal, requestId: string) {
  const { request, programme } = await loadRequestFor(ctx.db, principal, requestId, "mentor");
  requireSelfMatchOpen(programme);
  const words = sideWords(programme);
  const scorer = await fitScorer(ctx.db, programme);
  const people = await approvedPeople(ctx.db, programme.id, { ids: [request.menteeEnrolmentId, request.mentorEnrolmentId] });
  const mentee = people.find((p) => p.enrolmentId === request.menteeEnrolmentId);
  const mentor = people.find((p) => p.enrolmentId === request.mentorEnrolmentId);
  const fit = mentee && mentor ? scorer.score(mentee, mentor, await previousMentorsOf(ctx.db, mentee.userId)) : undefined;

  const result = await ctx.db.transaction(async (tx) => {
    await tx.select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.id, request.menteeEnrolmentId)).for("update");
    await tx.select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.id, request.mentorEnrolmentId)).for("update");
    const accepted = await closePending(tx, request.id, { status: "accepted", respondedAt: new Date() });
    const pair = await createPair(tx, {
      programmeId: programme.id,
      menteeEnrolmentId: request.menteeEnrolmentId,
      mentorEnrolmentId: request.mentorEnrolmentId,
      status: "active",
      origin: "self_match",
      matchReasons: fit?.allowed ? fit.reasons : [],
    });
    // The mentee's other requests, and the mentor's if that was their last place, are now moot.
    const moot = await closeRequestsForNewPairs(ctx, tx, programme, [pair]);
    const [p] = await requestsWithParties(tx, [request.id]);
    await enqueue(
      tx,
      "mail.send",
      requestAcceptedEmail(p.mentee, {
        programme: programme.name,
        ...words,
        link: selfMatchLinks(ctx, programme.id).myRequests,
        mentor: p.mentor.name,
        closedOthers: moot.withdrawn.length,
      }),
    );
    return { accepted, pair, closed: moot.withdrawn.length + moot.closed.length };
  });
  ctx.logger.info(
    { programmeId: programme.id, requestId: request.id, relationshipId: result.pair.id, closedRequests: result.closed },
    "match request accepted",
  );
  return { request: result.accepted, relationshipId: result.pair.id, programme };
}

/** The mentor says no, with a reason the mentee reads. */
export async function declineRequest(ctx: AppContext, principal: Principal, requestId: string, reason: string) {
  const { request, programme } = await loadRequestFor(ctx.db, principal, requestId, "mentor");
  const words = sideWords(programme);
  const declined = await ctx.db.transaction(async (tx) => {
    const row = await closePending(tx, request.id, { status: "declined", declineReason: reason, respondedAt: new Date() });
    const [p] = await requestsWithParties(tx, [row.id]);
    await enqueue(
      tx,
      "mail.send",
      requestDeclinedEmail(p.mentee, {
        programme: programme.name,
        ...words,
        link: selfMatchLinks(ctx, programme.id).findMentor,
        mentor: p.mentor.name,
        reason,
      }),
    );
    return row;
  });
  ctx.logger.info({ programmeId: programme.id, requestId: request.id }, "match request declined");
  return { request: declined, programme };
}

/** The mentee takes a request back; the mentor is told it is no longer open. */
export async function withdrawRequest(ctx: AppContext, principal: Principal, requestId: string) {
  const { request, programme } = await loadRequestFor(ctx.db, principal, requestId, "mentee");
  const words = sideWords(programme);
  await ctx.db.transaction(async (tx) => {
    const row = await closePending(tx, request.id, { status: "withdrawn", respondedAt: new Date() });
    const [p] = await requestsWithParties(tx, [row.id]);
    await enqueue(
      tx,
      "mail.send",
      requestWithdrawnEmail(p.mentor, {
        programme: programme.name,
        ...words,
        link: selfMatchLinks(ctx, programme.id).inbox,
        mentee: p.mentee.name,
        because: "mentee",
      }),
    );
  });
  ctx.logger.info({ programmeId: programme.id, requestId: request.id }, "match request withdrawn");
  return { programme };
}
