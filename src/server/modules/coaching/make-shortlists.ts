import { and, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { ShortlistCreate } from "../../../contracts/coaching.js";
import { topCoaches } from "../../../core/coaching/shortlist.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { requirePairing } from "../programmes/policies.js";
import { pairedMentees, placesTaken } from "../relationships/live-pairs.js";
import { coachFitFor } from "./coach-fit.js";
import { coachesOf, effectiveProfile } from "./coach-profiles.js";
import { shortlistReadyEmail } from "./emails.js";
import { usablePackage } from "./packages.js";
import { effectiveStatus } from "./shortlists.js";
import { defaultStartDate } from "./start-engagement.js";
import { coachingShortlistEntries, coachingShortlists } from "./tables.js";

/**
 * The engine proposes, for each coachee, a shortlist of K coaches: approved, not paused,
 * with a place left, allowed by the hard rules, best fit first, each with its per-factor
 * explanation. A coachee with a live engagement, or whose pick waits for a coach's answer,
 * is skipped with the reason; an open shortlist is replaced. The coachee is emailed.
 */
export async function makeShortlists(ctx: AppContext, principal: Principal, programmeId: string, input: z.infer<typeof ShortlistCreate>) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  requirePairing(programme, "shortlist");
  const pkg = await usablePackage(ctx.db, programme.id, input.packageId);
  if (input.sponsorEmail && input.coacheeEnrolmentIds?.length !== 1) {
    const message = "Name a sponsor only when making one coachee's shortlist.";
    throw badRequest("validation_failed", message, { issues: [{ path: ["sponsorEmail"], message }] });
  }
  const startDate = input.startDate ?? defaultStartDate(programme);
  const made: { shortlistId: string; coacheeEnrolmentId: string; coaches: number }[] = [];
  const skipped: { coacheeEnrolmentId: string; reason: string }[] = [];

  await ctx.db.transaction(async (tx) => {
    const coachees = await tx
      .select({
        id: enrolments.id,
        email: users.email,
        name: users.name,
        answers: enrolments.answers,
        role: enrolments.role,
        status: enrolments.status,
      })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(
        and(
          eq(enrolments.programmeId, programme.id),
          eq(enrolments.role, "coachee"),
          input.coacheeEnrolmentIds
            ? inArray(enrolments.id, input.coacheeEnrolmentIds.length ? input.coacheeEnrolmentIds : [programme.id])
            : eq(enrolments.status, "approved"),
        ),
      )
      .orderBy(enrolments.id)
      // Serialises with another coordinator making shortlists for the same people.
      .for("update", { of: enrolments });
    for (const id of input.coacheeEnrolmentIds ?? []) {
      if (!coachees.some((c) => c.id === id)) skipped.push({ coacheeEnrolmentId: id, reason: "Not a coachee of this programme." });
    }
    const paired = await pairedMentees(tx, programme.id);
    const held = await placesTaken(tx, programme.id);
    const coaches = (await coachesOf(tx, programme.id)).filter(
      (c) => !c.coach.paused && (c.coach.capacity ?? 0) > (held.get(c.coach.enrolmentId) ?? 0),
    );
    const scoreFit = await coachFitFor(tx, programme, new Date(`${startDate}T12:00:00Z`));
    const existing = await tx
      .select()
      .from(coachingShortlists)
      .where(and(eq(coachingShortlists.programmeId, programme.id), ne(coachingShortlists.status, "withdrawn")));

    for (const coachee of coachees) {
      if (coachee.status !== "approved") {
        skipped.push({ coacheeEnrolmentId: coachee.id, reason: `${coachee.name} is not approved (${coachee.status}).` });
        continue;
      }
      if (paired.has(coachee.id)) {
        skipped.push({
          coacheeEnrolmentId: coachee.id,
          reason: `${coachee.name} already has an engagement or a pick waiting for a coach.`,
        });
        continue;
      }
      const ranked = topCoaches(
        coaches.map((c) => ({
          item: { ...c.coach, name: c.coach.name },
          fit: scoreFit(
            { enrolmentId: coachee.id, email: coachee.email, answers: coachee.answers },
            {
              enrolmentId: c.coach.enrolmentId,
              email: c.coach.email,
              answers: c.coach.answers,
              profile: effectiveProfile(c.profile, c.coach.answers),
            },
          ),
        })),
        input.size,
      );
      if (ranked.length === 0) {
        skipped.push({
          coacheeEnrolmentId: coachee.id,
          reason: `No coach with a place fits ${coachee.name} (a shared language, never their own manager, no previous or declined pair).`,
        });
        continue;
      }
      for (const old of existing.filter((s) => s.coacheeEnrolmentId === coachee.id)) {
        if ((await effectiveStatus(tx, old)) === "open")
          await tx.update(coachingShortlists).set({ status: "withdrawn" }).where(eq(coachingShortlists.id, old.id));
      }
      const [shortlist] = await tx
        .insert(coachingShortlists)
        .values({
          programmeId: programme.id,
          coacheeEnrolmentId: coachee.id,
          packageId: pkg.id,
          startDate,
          sponsorEmail: input.sponsorEmail ?? null,
          createdBy: principal.user.id,
        })
        .returning();
      await tx.insert(coachingShortlistEntries).values(
        ranked.map((r, i) => ({
          shortlistId: shortlist.id,
          coachEnrolmentId: r.item.enrolmentId,
          rank: i + 1,
          score: r.score,
          factors: r.fit.factors,
          reasons: r.fit.reasons,
        })),
      );
      await enqueue(
        tx,
        "mail.send",
        shortlistReadyEmail(coachee, {
          programme: programme.name,
          coaches: ranked.length,
          link: `${ctx.config.baseUrl}/programmes/${programme.id}/choose-a-coach`,
        }),
      );
      made.push({ shortlistId: shortlist.id, coacheeEnrolmentId: coachee.id, coaches: ranked.length });
    }
  });
  ctx.logger.info({ programmeId: programme.id, made: made.length, skipped: skipped.length }, "coach shortlists made");
  return { made, skipped };
}
