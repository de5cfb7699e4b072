import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { pairJudge, peopleOf } from "./assess-pair.js";
import { absentMentor } from "./check-locks.js";
import { rolesOf } from "./pool.js";
import { presentRound, readRoundPlacement } from "./read-round.js";
import { pairStats } from "./round-stats.js";
import { matchMentorStats, matchPairs, matchRounds, matchUnmatched } from "./tables.js";

/** Locks the round row for the rest of the transaction and refuses anything but a draft. */
export async function lockDraft(tx: Tx, programmeId: string, roundId: string) {
  const [round] = await tx
    .select()
    .from(matchRounds)
    .where(and(eq(matchRounds.id, roundId), eq(matchRounds.programmeId, programmeId)))
    .for("update");
  if (!round) throw notFound("That matching round");
  if (round.status !== "draft")
    throw conflict("round_not_draft", `This round is ${round.status}; only a draft can be changed. Run a new round to start again.`);
  return round;
}

/**
 * Moves a mentee to another mentor in a draft, or leaves them unmatched (mentor null). The
 * new pair must keep every rule the round keeps and fit the mentor's places in the round;
 * it is explained afresh and marked manual, and the round's figures follow.
 */
export async function editRoundPair(
  ctx: AppContext,
  principal: Principal,
  programme: ProgrammeRow,
  roundId: string,
  menteeId: string,
  mentorId: string | null,
) {
  return ctx.db.transaction(async (tx) => {
    const round = await lockDraft(tx, programme.id, roundId);
    const [current] = await tx
      .select()
      .from(matchPairs)
      .where(and(eq(matchPairs.roundId, round.id), eq(matchPairs.menteeEnrolmentId, menteeId)));
    const [wasUnmatched] = current
      ? []
      : await tx
          .select()
          .from(matchUnmatched)
          .where(and(eq(matchUnmatched.roundId, round.id), eq(matchUnmatched.menteeEnrolmentId, menteeId)));
    if (!current && !wasUnmatched) throw notFound("That mentee in this round");
    if ((current?.mentorEnrolmentId ?? null) === mentorId) {
      return { round: presentRound(round), ...(await readRoundPlacement(tx, round.id, menteeId)) };
    }

    if (mentorId === null) {
      await tx.delete(matchPairs).where(and(eq(matchPairs.roundId, round.id), eq(matchPairs.menteeEnrolmentId, menteeId)));
      await tx
        .insert(matchUnmatched)
        .values({ roundId: round.id, menteeEnrolmentId: menteeId, kind: "manual", reason: "Left unmatched by a coordinator." });
    } else {
      const people = await peopleOf(tx, programme.id, [menteeId, mentorId]);
      const mentee = people.get(menteeId);
      const mentor = people.get(mentorId);
      if (!mentee || !mentor) throw notFound("That mentor");
      const label = `${mentee.name} and ${mentor.name}`;
      const [offered] = await tx
        .select()
        .from(matchMentorStats)
        .where(and(eq(matchMentorStats.roundId, round.id), eq(matchMentorStats.mentorEnrolmentId, mentorId)));
      if (!offered) {
        const why = absentMentor(mentor, rolesOf(programme), label);
        throw conflict("pair_not_allowed", `${why.message} Nothing was changed.`, { problems: [why] });
      }
      const judged = (await pairJudge(tx, programme, round.settings)).assess(mentee, mentor);
      if (!judged.allowed)
        throw conflict("pair_not_allowed", `${judged.problems[0].message} Nothing was changed.`, { problems: judged.problems });
      const [{ n }] = await tx
        .select({ n: count() })
        .from(matchPairs)
        .where(
          and(eq(matchPairs.roundId, round.id), eq(matchPairs.mentorEnrolmentId, mentorId), ne(matchPairs.menteeEnrolmentId, menteeId)),
        );
      if (Number(n) >= offered.capacity)
        throw conflict(
          "mentor_full",
          `${mentor.name} already has ${offered.capacity} of ${offered.capacity} places filled in this draft; move someone away first.`,
        );
      const row = {
        roundId: round.id,
        menteeEnrolmentId: menteeId,
        mentorEnrolmentId: mentorId,
        score: judged.score ?? 0,
        factors: judged.factors,
        reasons: judged.reasons,
        pairReasons: judged.pairReasons,
        locked: false,
        manual: true,
      };
      await tx.delete(matchUnmatched).where(and(eq(matchUnmatched.roundId, round.id), eq(matchUnmatched.menteeEnrolmentId, menteeId)));
      await tx
        .insert(matchPairs)
        .values(row)
        .onConflictDoUpdate({ target: [matchPairs.roundId, matchPairs.menteeEnrolmentId], set: { ...row } });
    }
    // The mentors' loads follow the move.
    for (const id of new Set([current?.mentorEnrolmentId, mentorId].filter((x): x is string => Boolean(x)))) {
      await tx
        .update(matchMentorStats)
        .set({
          assigned: sql`(select count(*)::int from match_pairs where round_id = ${round.id} and mentor_enrolment_id = ${id})`,
        })
        .where(and(eq(matchMentorStats.roundId, round.id), eq(matchMentorStats.mentorEnrolmentId, id)));
    }
    const stats = { ...round.stats, ...(await pairStats(tx, round.id)) };
    const [updated] = await tx.update(matchRounds).set({ stats }).where(eq(matchRounds.id, round.id)).returning();
    ctx.logger.info(
      { programmeId: programme.id, roundId: round.id, by: principal.user.id, unmatched: mentorId === null },
      "matching round pair edited",
    );
    return { round: presentRound(updated), ...(await readRoundPlacement(tx, round.id, menteeId)) };
  });
}

/** A draft the coordinator does not want: kept for comparison, never publishable. */
export async function discardRound(ctx: AppContext, programme: ProgrammeRow, roundId: string) {
  return ctx.db.transaction(async (tx) => {
    const round = await lockDraft(tx, programme.id, roundId);
    const [updated] = await tx.update(matchRounds).set({ status: "discarded" }).where(eq(matchRounds.id, round.id)).returning();
    return presentRound(updated);
  });
}
