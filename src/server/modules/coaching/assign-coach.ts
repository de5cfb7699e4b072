import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { EngagementAssign } from "../../../contracts/coaching.js";
import { reasonForCoordinator } from "../../../core/coaching/shortlist.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict, notFound } from "../../platform/errors.js";
import { peopleOf } from "../matching/assess-pair.js";
import { enqueueMail, newPairEmails } from "../matching/pair-emails.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { requirePairing } from "../programmes/policies.js";
import { hasLivePair } from "../relationships/live-pairs.js";
import { coachFitFor } from "./coach-fit.js";
import { coachesOf, type EffectiveProfile, effectiveProfile } from "./coach-profiles.js";
import { usablePackage } from "./packages.js";
import { defaultStartDate, startEngagement } from "./start-engagement.js";
import { coachingShortlists } from "./tables.js";

/**
 * A coordinator assigns a coach directly, with a package and a start date. The engine's
 * hard rules still hold (never one's own manager, a shared language, no previous or
 * declined pair) and the refusal names the rule. The engagement starts, or waits for both
 * to accept, as the programme's acceptance setting says.
 */
export async function assignCoach(ctx: AppContext, principal: Principal, programmeId: string, input: z.infer<typeof EngagementAssign>) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  requirePairing(programme, "assignment");
  const pkg = await usablePackage(ctx.db, programme.id, input.packageId);
  const startDate = input.startDate ?? defaultStartDate(programme);
  const status = programme.acceptance === "auto" ? ("active" as const) : ("proposed" as const);
  const row = await ctx.db.transaction(async (tx) => {
    const people = await peopleOf(tx, programme.id, [input.coacheeEnrolmentId, input.coachEnrolmentId]);
    const coachee = people.get(input.coacheeEnrolmentId);
    const coach = people.get(input.coachEnrolmentId);
    if (coachee?.role !== "coachee") throw notFound("That coachee");
    if (coach?.role !== "coach") throw notFound("That coach");
    if (await hasLivePair(tx, coachee.id))
      throw conflict("mentee_already_matched", "This coachee already has an engagement in this programme.");
    if (coach.paused) throw conflict("coach_paused", `${coach.name} is paused and takes no new engagements.`);
    const [profiled] = await coachesOf(tx, programme.id, [coach.id]);
    const fit = (await coachFitFor(tx, programme, new Date(`${startDate}T12:00:00Z`)))(
      { enrolmentId: coachee.id, email: coachee.email, answers: coachee.answers },
      { enrolmentId: coach.id, email: coach.email, answers: coach.answers, profile: profiled ? effective(profiled) : emptyProfile },
    );
    if (!fit.allowed)
      throw conflict("pair_not_allowed", `${coachee.name} and ${coach.name} cannot work together: ${blockerWords(fit.blockedBy)}.`, {
        blockedBy: fit.blockedBy,
      });
    const reasons = fit.reasons.map(reasonForCoordinator);
    const created = await startEngagement(ctx, tx, {
      programme,
      coacheeEnrolmentId: coachee.id,
      coachEnrolmentId: coach.id,
      pkg,
      startDate,
      sponsorEmail: input.sponsorEmail ?? null,
      status,
      origin: "manual",
      coacheeAccepted: false,
      matchReasons: reasons,
      by: principal.user,
    });
    // A coachee assigned directly no longer chooses: an open shortlist of theirs is withdrawn.
    await tx
      .update(coachingShortlists)
      .set({ status: "withdrawn" })
      .where(and(eq(coachingShortlists.coacheeEnrolmentId, coachee.id), eq(coachingShortlists.status, "open")));
    await enqueueMail(tx, newPairEmails(ctx, programme, created, { mentee: coachee, mentor: coach }, reasons));
    return created;
  });
  ctx.logger.info({ programmeId: programme.id, engagementId: row.id, status }, "coach assigned");
  return row;
}

const effective = (p: Awaited<ReturnType<typeof coachesOf>>[number]) => effectiveProfile(p.profile, p.coach.answers);
const emptyProfile: EffectiveProfile = { credentials: [], specialisms: [], approach: "", languages: [], timeZones: [], bio: "" };

const BLOCKERS: Record<string, string> = {
  "same-person": "they are the same person",
  "own-manager": "one manages the other",
  "no-shared-language": "they share no language",
  "previous-pair": "they have worked together before",
  excluded: "one of them declined the other before",
};
export const blockerWords = (blockers: string[]) => blockers.map((b) => BLOCKERS[b] ?? b).join(", ");
