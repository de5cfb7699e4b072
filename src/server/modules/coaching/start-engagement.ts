import { eq } from "drizzle-orm";
import type { RelationshipOrigin } from "../../../core/relationships/status.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { AppError, badRequest, conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { findUserByEmail } from "../accounts/repository.js";
import { users } from "../accounts/tables.js";
import { hasPendingInvitation, sendInvitation } from "../enrolment/invitations.js";
import { findEnrolmentOfUser } from "../enrolment/repository.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { createPair, type RelationshipRow } from "../relationships/create-pair.js";
import { relationships } from "../relationships/tables.js";
import { sponsorAddedEmail } from "./emails.js";
import { coachingEngagements, type coachingPackages } from "./tables.js";

type PackageRow = typeof coachingPackages.$inferSelect;

/** The relationships module speaks of mentors and mentees; its refusals, in coaching's words. */
const COACHING_REFUSALS: Record<string, string> = {
  mentee_already_matched: "This coachee already has an engagement in this programme.",
  mentor_full: "This coach has no place left: they run as many engagements as their capacity allows.",
  not_approved: "Both the coach and the coachee must be approved participants of the programme.",
  not_in_programme: "Both people must be enrolled in this programme.",
};

/** The first day an engagement may start by default: today, or the programme's first day when that is later. */
export const defaultStartDate = (programme: Pick<ProgrammeRow, "termStart">, now = new Date()) => {
  const today = now.toISOString().slice(0, 10);
  // ISO dates sort as text: the later of the two.
  return [today, programme.termStart].sort()[1];
};

/**
 * The one way an engagement comes into being, inside the caller's transaction: a
 * relationship through createPair (so the coach's capacity and one live engagement per
 * coachee hold under races), and its coaching row with the package's terms copied in.
 */
export async function startEngagement(
  ctx: AppContext,
  tx: Tx,
  w: {
    programme: ProgrammeRow;
    coacheeEnrolmentId: string;
    coachEnrolmentId: string;
    pkg: PackageRow;
    startDate: string;
    sponsorEmail: string | null;
    status: "proposed" | "active";
    origin: RelationshipOrigin;
    /** The coachee chose this coach: only the coach's answer is outstanding. */
    coacheeAccepted: boolean;
    matchReasons: string[];
    by: { id: string; name: string };
  },
): Promise<RelationshipRow> {
  let row: RelationshipRow;
  try {
    row = await createPair(tx, {
      programmeId: w.programme.id,
      menteeEnrolmentId: w.coacheeEnrolmentId,
      mentorEnrolmentId: w.coachEnrolmentId,
      status: w.status,
      origin: w.origin,
      matchReasons: w.matchReasons,
    });
  } catch (e) {
    if (e instanceof AppError && COACHING_REFUSALS[e.code]) throw conflict(e.code, COACHING_REFUSALS[e.code]);
    throw e;
  }
  if (w.status === "proposed" && w.coacheeAccepted) {
    [row] = await tx.update(relationships).set({ menteeAcceptedAt: new Date() }).where(eq(relationships.id, row.id)).returning();
  }
  await tx.insert(coachingEngagements).values({
    relationshipId: row.id,
    programmeId: w.programme.id,
    packageId: w.pkg.id,
    packageName: w.pkg.name,
    sessions: w.pkg.sessions,
    sessionMinutes: w.pkg.sessionMinutes,
    periodWeeks: w.pkg.periodWeeks,
    referencePrice: w.pkg.referencePrice,
    costCentre: w.pkg.costCentre,
    startDate: w.startDate,
    createdBy: w.by.id,
  });
  if (w.sponsorEmail) await attachSponsor(ctx, tx, { programme: w.programme, relationship: row, email: w.sponsorEmail, by: w.by });
  else if (w.pkg.sponsorRequired)
    throw badRequest("sponsor_required", `The package "${w.pkg.name}" needs a sponsor: give the sponsor's email.`, {
      issues: [{ path: ["sponsorEmail"], message: "This package needs a sponsor" }],
    });
  return row;
}

/**
 * Names the engagement's sponsor by email. Someone already holding a sponsor place is told
 * by email; anyone else is invited (unless an invitation is already on its way). The
 * sponsor cannot be the coach or the coachee, nor anyone taking part in another role.
 */
export async function attachSponsor(
  ctx: AppContext,
  tx: Tx,
  w: { programme: ProgrammeRow; relationship: RelationshipRow; email: string; by: { id: string; name: string } },
) {
  const email = w.email.trim().toLowerCase();
  const issue = (message: string) => conflict("sponsor_not_allowed", message, { issues: [{ path: ["sponsorEmail"], message }] });
  const user = await findUserByEmail(tx, email);
  if (user && (user.id === w.relationship.menteeUserId || user.id === w.relationship.mentorUserId))
    throw issue("The sponsor is someone other than the coach and the coachee, usually the coachee's manager.");
  const enrolment = user ? await findEnrolmentOfUser(tx, w.programme.id, user.id) : undefined;
  if (enrolment && enrolment.status !== "withdrawn" && enrolment.role !== "sponsor")
    throw issue(`${email} takes part in this programme as a ${enrolment.role}; a sponsor takes part as a sponsor only.`);
  await tx
    .update(coachingEngagements)
    .set({ sponsorEmail: email, sponsorAgreedAt: null })
    .where(eq(coachingEngagements.relationshipId, w.relationship.id));
  const link = `${ctx.config.baseUrl}/coaching/sponsored`;
  if (user && enrolment?.role === "sponsor" && enrolment.status === "approved") {
    const [coachee] = await tx.select({ name: users.name }).from(users).where(eq(users.id, w.relationship.menteeUserId));
    await enqueue(tx, "mail.send", sponsorAddedEmail(user, { coachee: coachee.name, programme: w.programme.name, link }));
  } else if (!(await hasPendingInvitation(tx, w.programme.id, email))) {
    await sendInvitation(ctx, tx, { programme: w.programme, email, role: "sponsor", inviter: w.by });
  }
}
