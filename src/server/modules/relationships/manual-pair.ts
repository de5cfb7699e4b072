import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { pairJudge, peopleOf } from "../matching/assess-pair.js";
import { absentMentee, absentMentor } from "../matching/check-locks.js";
import { enqueueMail, newPairEmails } from "../matching/pair-emails.js";
import { rolesOf } from "../matching/pool.js";
import { requirePairing } from "../programmes/policies.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { closeRequestsForNewPairs } from "../self-match/close-for-new-pairs.js";
import { presentCoordinatorPair } from "./coordinator-pairs.js";
import { createPair } from "./create-pair.js";

/**
 * A coordinator pairs two people by hand, outside any round. The same rules hold as for the
 * engine (never one's own manager, a shared language, never a previous or declined pair, a
 * mentor who is taking mentees and has a place), each refusal naming the pair and the rule.
 * The pair starts or waits for both to accept as the programme says, and both are emailed;
 * self-match requests the new pair makes moot are closed.
 */
export async function pairByHand(ctx: AppContext, principal: Principal, programme: ProgrammeRow, menteeId: string, mentorId: string) {
  requirePairing(programme, "by_hand");
  const roles = rolesOf(programme);
  const status = programme.acceptance === "auto" ? ("active" as const) : ("proposed" as const);
  const result = await ctx.db.transaction(async (tx) => {
    const people = await peopleOf(tx, programme.id, [menteeId, mentorId]);
    const mentee = people.get(menteeId);
    const mentor = people.get(mentorId);
    if (!mentee || !mentor) throw notFound("That participant");
    const label = `${mentee.name} and ${mentor.name}`;
    const absent = [
      ...(mentee.role !== roles.receiver || mentee.status !== "approved" ? [absentMentee(mentee, roles, label)] : []),
      ...(mentor.role !== roles.giver || mentor.status !== "approved" || mentor.paused || (mentor.capacity ?? 0) <= 0
        ? [absentMentor(mentor, roles, label)]
        : []),
    ];
    const judged = absent.length
      ? undefined
      : (await pairJudge(tx, programme, { weights: {}, requireSharedLanguage: true, excluded: [] })).assess(mentee, mentor);
    const problems = absent.length ? absent : (judged?.problems ?? []);
    if (problems.length) throw conflict("pair_not_allowed", `${problems[0].message} Nothing was changed.`, { problems });
    const reasons = judged?.pairReasons ?? [];
    const row = await createPair(tx, {
      programmeId: programme.id,
      menteeEnrolmentId: menteeId,
      mentorEnrolmentId: mentorId,
      status,
      origin: "manual",
      matchReasons: reasons,
    });
    await enqueueMail(tx, newPairEmails(ctx, programme, row, { mentee, mentor }, reasons));
    await closeRequestsForNewPairs(ctx, tx, programme, [row]);
    return presentCoordinatorPair(row, mentee, mentor);
  });
  ctx.logger.info({ programmeId: programme.id, relationshipId: result.id, by: principal.user.id, status }, "pair made by hand");
  return result;
}
