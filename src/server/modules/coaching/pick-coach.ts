import { and, eq } from "drizzle-orm";
import { reasonForCoordinator } from "../../../core/coaching/shortlist.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { users } from "../accounts/tables.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import { enrolments } from "../enrolment/tables.js";
import { findProgramme } from "../programmes/repository.js";
import { coachPickedEmail } from "./emails.js";
import { usablePackage } from "./packages.js";
import { declinedCoaches, effectiveStatus, liveShortlistOf, presentShortlist, type ShortlistRow } from "./shortlists.js";
import { startEngagement } from "./start-engagement.js";
import { coachingShortlistEntries, coachingShortlists } from "./tables.js";

/** The coachee's own live shortlist in a programme; null when there is none. Others' shortlists are never reachable. */
export async function readMyShortlist(db: Executor, principal: Principal, programmeId: string) {
  const programme = await findProgramme(db, programmeId);
  const enrolment = programme ? await findEnrolmentOfUser(db, programmeId, principal.user.id) : undefined;
  if (!programme || !enrolment) throw notFound("That programme");
  if (enrolment.role !== "coachee") throw new AppError(403, "coachees_only", "Shortlists of coaches are for coachees.");
  const shortlist = await liveShortlistOf(db, enrolment.id);
  return { shortlist: shortlist ? await presentShortlist(db, shortlist, "coachee") : null };
}

/** A shortlist loaded for its coachee; to anyone else it does not exist. */
export async function loadOwnShortlist(db: Executor, principal: Principal, shortlistId: string) {
  const [s] = await db.select().from(coachingShortlists).where(eq(coachingShortlists.id, shortlistId));
  const [owner] = s ? await db.select({ userId: enrolments.userId }).from(enrolments).where(eq(enrolments.id, s.coacheeEnrolmentId)) : [];
  if (!s || owner?.userId !== principal.user.id) throw notFound("That shortlist");
  return s;
}

async function assertOpen(db: Executor, s: ShortlistRow) {
  const status = await effectiveStatus(db, s);
  if (status === "withdrawn") throw conflict("shortlist_withdrawn", "This shortlist was replaced; your coordinator has made a new one.");
  if (status === "picked") throw conflict("already_picked", "You have already chosen a coach from this shortlist.");
}

/**
 * The coachee picks a coach from their shortlist. That makes a proposed engagement which
 * the coachee has accepted: it starts when the coach accepts. A coach who declined this
 * coachee before cannot be picked again.
 */
export async function pickCoach(ctx: AppContext, principal: Principal, shortlistId: string, coachEnrolmentId: string) {
  const s = await loadOwnShortlist(ctx.db, principal, shortlistId);
  const programme = await findProgramme(ctx.db, s.programmeId);
  if (!programme) throw notFound("That shortlist");
  const row = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(coachingShortlists).where(eq(coachingShortlists.id, s.id)).for("update");
    await assertOpen(tx, locked);
    const [entry] = await tx
      .select()
      .from(coachingShortlistEntries)
      .where(and(eq(coachingShortlistEntries.shortlistId, s.id), eq(coachingShortlistEntries.coachEnrolmentId, coachEnrolmentId)));
    if (!entry) throw notFound("That coach on your shortlist");
    if ((await declinedCoaches(tx, locked)).includes(coachEnrolmentId))
      throw conflict("coach_declined", "This coach declined your pick; choose another coach from your shortlist.");
    const pkg = await usablePackage(tx, programme.id, locked.packageId);
    const created = await startEngagement(ctx, tx, {
      programme,
      coacheeEnrolmentId: locked.coacheeEnrolmentId,
      coachEnrolmentId,
      pkg,
      startDate: locked.startDate,
      sponsorEmail: locked.sponsorEmail,
      status: "proposed",
      origin: "shortlist",
      coacheeAccepted: true,
      matchReasons: entry.reasons.map(reasonForCoordinator),
      by: principal.user,
    });
    await tx.update(coachingShortlists).set({ status: "picked", relationshipId: created.id }).where(eq(coachingShortlists.id, s.id));
    const [coach] = await tx
      .select({ email: users.email, name: users.name })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(eq(enrolments.id, coachEnrolmentId));
    await enqueue(
      tx,
      "mail.send",
      coachPickedEmail(coach, {
        coachee: principal.user.name,
        programme: programme.name,
        link: `${ctx.config.baseUrl}/pairs/${created.id}`,
      }),
    );
    return created;
  });
  ctx.logger.info({ shortlistId: s.id, engagementId: row.id }, "coach picked from shortlist");
  const [fresh] = await ctx.db.select().from(coachingShortlists).where(eq(coachingShortlists.id, s.id));
  return presentShortlist(ctx.db, fresh, "coachee");
}
