import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { badRequest, conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { whenFor } from "../workspace/emails.js";
import { chemistryCallEmail } from "./emails.js";
import { loadOwnShortlist } from "./pick-coach.js";
import { effectiveStatus, presentShortlist } from "./shortlists.js";
import { coachingChemistryCalls, coachingShortlistEntries, coachingShortlists } from "./tables.js";

/**
 * A coachee plans a short chemistry call with a coach on their shortlist before choosing.
 * It is a record, not a session: it never counts against a package. The coach is told
 * the time (and nothing else).
 */
export async function planChemistryCall(
  ctx: AppContext,
  principal: Principal,
  shortlistId: string,
  input: { coachEnrolmentId: string; at: string; minutes: number },
  now = new Date(),
) {
  const s = await loadOwnShortlist(ctx.db, principal, shortlistId);
  if ((await effectiveStatus(ctx.db, s)) !== "open")
    throw conflict("shortlist_closed", "Chemistry calls are for choosing a coach; this shortlist is no longer open.");
  const at = new Date(input.at);
  if (at.getTime() < now.getTime() - 7 * 86_400_000) {
    const message = "Give the time of a call that is coming up or took place this week.";
    throw badRequest("validation_failed", message, { issues: [{ path: ["at"], message }] });
  }
  const [entry] = await ctx.db
    .select({ email: users.email, name: users.name, answers: enrolments.answers })
    .from(coachingShortlistEntries)
    .innerJoin(enrolments, eq(enrolments.id, coachingShortlistEntries.coachEnrolmentId))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(coachingShortlistEntries.shortlistId, s.id), eq(coachingShortlistEntries.coachEnrolmentId, input.coachEnrolmentId)));
  if (!entry) throw notFound("That coach on your shortlist");
  await ctx.db.transaction(async (tx) => {
    await tx.insert(coachingChemistryCalls).values({
      shortlistId: s.id,
      coachEnrolmentId: input.coachEnrolmentId,
      at,
      minutes: input.minutes,
      status: at <= now ? "held" : "planned",
      createdBy: principal.user.id,
    });
    const zone = typeof entry.answers.timezone === "string" ? entry.answers.timezone : null;
    await enqueue(
      tx,
      "mail.send",
      chemistryCallEmail(entry, {
        coachee: principal.user.name,
        when: whenFor(at, zone, zone ?? "UTC"),
        minutes: input.minutes,
        link: `${ctx.config.baseUrl}/coaching`,
      }),
    );
  });
  return presentShortlist(ctx.db, s, "coachee");
}

/** The coachee or the coach marks a chemistry call as held or cancelled. */
export async function updateChemistryCall(
  ctx: AppContext,
  principal: Principal,
  shortlistId: string,
  callId: string,
  status: "held" | "cancelled",
) {
  const [call] = await ctx.db
    .select({ call: coachingChemistryCalls, shortlist: coachingShortlists, coachUserId: enrolments.userId })
    .from(coachingChemistryCalls)
    .innerJoin(coachingShortlists, eq(coachingShortlists.id, coachingChemistryCalls.shortlistId))
    .innerJoin(enrolments, eq(enrolments.id, coachingChemistryCalls.coachEnrolmentId))
    .where(and(eq(coachingChemistryCalls.id, callId), eq(coachingChemistryCalls.shortlistId, shortlistId)));
  const [coachee] = call
    ? await ctx.db.select({ userId: enrolments.userId }).from(enrolments).where(eq(enrolments.id, call.shortlist.coacheeEnrolmentId))
    : [];
  const mine = call && (principal.user.id === call.coachUserId || principal.user.id === coachee?.userId);
  if (!call || !mine) throw notFound("That chemistry call");
  await ctx.db.update(coachingChemistryCalls).set({ status, updatedAt: new Date() }).where(eq(coachingChemistryCalls.id, callId));
  return { id: callId, status };
}
