import { and, desc, eq, inArray, ne, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { HOLDING_STATUSES } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import type { MailMessage } from "../../platform/mail.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { createPairs } from "../relationships/create-pair.js";
import { relationships } from "../relationships/tables.js";
import { closeRequestsForNewPairs } from "../self-match/close-for-new-pairs.js";
import { lockDraft } from "./edit-round.js";
import { notMatchedYetEmail } from "./emails.js";
import { enqueueMail, newPairEmails } from "./pair-emails.js";
import { rolesOf } from "./pool.js";
import { poolChanges } from "./pool-changes.js";
import { presentRound } from "./read-round.js";
import { matchPairs, matchRounds, matchUnmatched } from "./tables.js";

const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");

type Skipped = {
  mentee: { enrolmentId: string; name: string; email: string };
  mentor: { enrolmentId: string; name: string; email: string };
  reason: "mentee_already_matched" | "mentor_full";
  message: string;
};

/**
 * Publishes a draft: every pair becomes a relationship through createPair, all in one
 * transaction (all or nothing), and both people of each pair, and every mentee left
 * unmatched, are emailed. A pool that changed since the draft was made is refused
 * (409 stale_round): the draft's pairs were chosen for a pool that no longer exists.
 * Mentees who meanwhile hold a live pair, or mentors whose places have since filled, are
 * skipped and reported rather than failing the lot. Other drafts are discarded.
 */
export async function publishRound(
  ctx: AppContext,
  principal: Principal,
  programme: ProgrammeRow,
  roundId: string,
  seenFingerprint?: string,
) {
  const status = programme.acceptance === "auto" ? ("active" as const) : ("proposed" as const);
  const roles = rolesOf(programme);
  const result = await ctx.db.transaction(async (tx) => {
    const round = await lockDraft(tx, programme.id, roundId);
    const fresh = await poolChanges(tx, programme, round);
    if (fresh.stale || (seenFingerprint !== undefined && seenFingerprint !== fresh.fingerprint)) {
      const n = fresh.stale ? fresh.changes : 1;
      throw conflict(
        "stale_round",
        `The pool changed since this draft was made (${n} ${n === 1 ? "person" : "people"} joined, left or changed); run again.`,
        { changes: n },
      );
    }
    const pairs = await tx
      .select({
        menteeId: matchPairs.menteeEnrolmentId,
        mentorId: matchPairs.mentorEnrolmentId,
        reasons: matchPairs.reasons,
        pairReasons: matchPairs.pairReasons,
        factors: matchPairs.factors,
        mentee: { name: menteeUser.name, email: menteeUser.email },
        mentor: { name: mentorUser.name, email: mentorUser.email },
      })
      .from(matchPairs)
      .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, matchPairs.menteeEnrolmentId))
      .innerJoin(menteeUser, eq(menteeUser.id, menteeEnrolment.userId))
      .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, matchPairs.mentorEnrolmentId))
      .innerJoin(mentorUser, eq(mentorUser.id, mentorEnrolment.userId))
      .where(eq(matchPairs.roundId, round.id))
      // Best pairs first: when places ran out since the run, the strongest pairs are the ones kept.
      .orderBy(desc(matchPairs.score), matchPairs.menteeEnrolmentId);
    const rematched = new Set(
      (
        await tx
          .select({ id: relationships.menteeEnrolmentId })
          .from(relationships)
          .where(and(eq(relationships.programmeId, programme.id), eq(relationships.endCategory, "rematch")))
      ).map((r) => r.id),
    );
    // Older drafts kept no pair-facing reasons; their fit reasons are the ones without preference points.
    const reasonsOf = (p: (typeof pairs)[number]) => p.pairReasons ?? (p.factors.some((f) => f.factor === "preferences") ? [] : p.reasons);
    // Mentees who meanwhile hold a live pair, or mentors whose places filled since the run, are refused by
    // createPairs and reported here instead of failing the lot.
    const { created: made, refused } = await createPairs(
      tx,
      programme.id,
      pairs.map((p) => ({
        menteeEnrolmentId: p.menteeId,
        mentorEnrolmentId: p.mentorId,
        status,
        origin: rematched.has(p.menteeId) ? ("rematch" as const) : ("round" as const),
        roundId: round.id,
        matchReasons: reasonsOf(p),
      })),
    );
    const refusedAt = new Map(refused.map((r) => [r.index, r]));
    const skipped: Skipped[] = [];
    const mail: MailMessage[] = [];
    let next = 0;
    pairs.forEach((p, index) => {
      const mentee = { enrolmentId: p.menteeId, ...p.mentee };
      const mentor = { enrolmentId: p.mentorId, ...p.mentor };
      const refusal = refusedAt.get(index);
      if (refusal?.code === "mentee_already_matched") {
        skipped.push({ mentee, mentor, reason: refusal.code, message: `${p.mentee.name} already has a live pair in this programme.` });
        return;
      }
      if (refusal) {
        skipped.push({ mentee, mentor, reason: "mentor_full", message: `${p.mentor.name} has no place left for ${p.mentee.name}.` });
        return;
      }
      const relationship = made[next++];
      mail.push(...newPairEmails(ctx, programme, relationship, { mentee: p.mentee, mentor: p.mentor }, reasonsOf(p)));
    });
    const created = made.length;
    // Someone the round left out but who holds a live pair by now (paired by hand, or from an
    // earlier round) is not told they were not matched.
    const unmatched = await tx
      .select({ id: matchUnmatched.menteeEnrolmentId, name: users.name, email: users.email })
      .from(matchUnmatched)
      .innerJoin(enrolments, eq(enrolments.id, matchUnmatched.menteeEnrolmentId))
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(
        and(
          eq(matchUnmatched.roundId, round.id),
          notExists(
            tx
              .select({ id: relationships.id })
              .from(relationships)
              .where(
                and(
                  eq(relationships.menteeEnrolmentId, matchUnmatched.menteeEnrolmentId),
                  inArray(relationships.status, [...HOLDING_STATUSES]),
                ),
              ),
          ),
        ),
      );
    for (const u of unmatched) mail.push(notMatchedYetEmail(u, { roles, programme: programme.name }));
    const unmatchedNotified = unmatched.length;
    await enqueueMail(tx, mail);
    // A round may be published in a programme that also took requests: those the new pairs make moot close.
    await closeRequestsForNewPairs(ctx, tx, programme, made);
    const [published] = await tx
      .update(matchRounds)
      .set({ status: "published", publishedAt: new Date(), publishedBy: principal.user.id })
      .where(eq(matchRounds.id, round.id))
      .returning();
    const discarded = await tx
      .update(matchRounds)
      .set({ status: "discarded" })
      .where(and(eq(matchRounds.programmeId, programme.id), eq(matchRounds.status, "draft"), ne(matchRounds.id, round.id)))
      .returning({ id: matchRounds.id });
    return { round: presentRound(published), created, status, skipped, unmatchedNotified, discarded: discarded.length };
  });
  ctx.logger.info(
    {
      programmeId: programme.id,
      roundId,
      created: result.created,
      skipped: result.skipped.length,
      unmatchedNotified: result.unmatchedNotified,
      status,
    },
    "matching round published",
  );
  return result;
}
