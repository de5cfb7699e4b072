import { and, eq, sql } from "drizzle-orm";
import { completionProblem } from "../../../core/coaching/completion.js";
import { extensionProblem } from "../../../core/coaching/package.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, badRequest, conflict } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { relationships } from "../relationships/tables.js";
import { lockOpenPair } from "../workspace/access.js";
import { cancelUpcomingSessions } from "../workspace/cancel-sessions.js";
import { pairPeople } from "../workspace/people.js";
import { recordEvent } from "../workspace/relationship-events.js";
import { loadEngagement, sponsorStatus } from "./access.js";
import { engagementCompletedEmail, extensionEmail } from "./emails.js";
import { readOutcomeBoard } from "./outcome-board.js";
import { authorizeEngagement } from "./policies.js";
import { presentEngagement } from "./present.js";
import { attachSponsor } from "./start-engagement.js";
import { coachingEngagements, coachingExtensions } from "./tables.js";

export async function readEngagement(ctx: AppContext, principal: Principal, engagementId: string) {
  const l = await loadEngagement(ctx.db, principal, engagementId);
  authorizeEngagement(l.role, "readEngagement");
  return presentEngagement(ctx.db, { ...l, role: l.role });
}

/**
 * The coordinator extends an engagement's package by sessions, weeks or both, with a
 * reason kept on the record. A closing engagement whose package is used opens again.
 */
export async function extendEngagement(
  ctx: AppContext,
  principal: Principal,
  engagementId: string,
  input: { sessions: number; weeks: number; reason: string },
) {
  const l = await loadEngagement(ctx.db, principal, engagementId);
  authorizeEngagement(l.role, "extendPackage");
  const problem = extensionProblem(input);
  if (problem) throw badRequest(problem.code, problem.message, { issues: [{ path: ["sessions"], message: problem.message }] });
  await ctx.db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    await tx.insert(coachingExtensions).values({ relationshipId: l.relationship.id, ...input, createdBy: principal.user.id });
    const people = await pairPeople(tx, l.relationship);
    const link = `${ctx.config.baseUrl}/pairs/${l.relationship.id}`;
    for (const to of [people.mentor, people.mentee])
      await enqueue(
        tx,
        "mail.send",
        extensionEmail(to, { programme: l.programme.name, sessions: input.sessions, weeks: input.weeks, link }),
      );
  });
  ctx.logger.info({ engagementId, sessions: input.sessions, weeks: input.weeks }, "coaching package extended");
  return presentEngagement(ctx.db, { ...(await loadEngagement(ctx.db, principal, engagementId)), role: "coordinator" });
}

/** The coordinator names, changes or removes the sponsor; a change asks the new sponsor to agree again. */
export async function setSponsor(ctx: AppContext, principal: Principal, engagementId: string, email: string | null) {
  const l = await loadEngagement(ctx.db, principal, engagementId);
  authorizeEngagement(l.role, "setSponsor");
  if (l.engagement.agreedAt && email !== l.engagement.sponsorEmail)
    throw conflict("outcomes_agreed", "The outcomes were agreed with the current sponsor; the sponsor can no longer change.");
  await ctx.db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    if (email === null) {
      await tx
        .update(coachingEngagements)
        .set({ sponsorEmail: null, sponsorAgreedAt: null })
        .where(eq(coachingEngagements.relationshipId, l.relationship.id));
    } else if (email !== l.engagement.sponsorEmail) {
      await attachSponsor(ctx, tx, { programme: l.programme, relationship: l.relationship, email, by: principal.user });
    }
  });
  return presentEngagement(ctx.db, { ...(await loadEngagement(ctx.db, principal, engagementId)), role: "coordinator" });
}

/**
 * The coach completes the engagement. Refused (422) until every agreed outcome has its
 * final measurement, naming each one missing. Completion cancels any sessions still
 * booked and leaves everything read-only; coachee and sponsor are told.
 */
export async function completeEngagement(ctx: AppContext, principal: Principal, engagementId: string, now = new Date()) {
  const l = await loadEngagement(ctx.db, principal, engagementId);
  authorizeEngagement(l.role, "complete");
  await ctx.db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, l.relationship.id);
    const [engagement] = await tx.select().from(coachingEngagements).where(eq(coachingEngagements.relationshipId, r.id));
    const board = await readOutcomeBoard(tx, { ...l, engagement, relationship: r, role: "coach" });
    const problem = completionProblem(
      board.outcomes.map((o) => ({ id: o.id, title: o.title, final: o.final })),
      engagement.agreedAt !== null,
    );
    if (problem) throw new AppError(422, problem.code, problem.message, { missing: problem.missing });
    const [done] = await tx
      .update(relationships)
      .set({ status: "completed", continuing: false, endedAt: now, version: sql`${relationships.version} + 1`, updatedAt: now })
      .where(and(eq(relationships.id, r.id)))
      .returning();
    await tx.update(coachingEngagements).set({ completedAt: now }).where(eq(coachingEngagements.relationshipId, r.id));
    await recordEvent(tx, { relationshipId: r.id, kind: "completed", side: "mentor", userId: principal.user.id });
    await cancelUpcomingSessions(ctx, tx, done, "mentor", now);
    const people = await pairPeople(tx, r);
    const sponsor = await sponsorStatus(tx, l.programme.id, engagement.sponsorEmail);
    const message = { coachee: people.mentee.name, programme: l.programme.name };
    await enqueue(
      tx,
      "mail.send",
      engagementCompletedEmail(people.mentee, { ...message, link: `${ctx.config.baseUrl}/pairs/${r.id}/outcomes` }),
    );
    if (sponsor?.joined && sponsor.name)
      await enqueue(
        tx,
        "mail.send",
        engagementCompletedEmail(
          { email: sponsor.email, name: sponsor.name },
          { ...message, link: `${ctx.config.baseUrl}/coaching/sponsored` },
        ),
      );
  });
  ctx.logger.info({ engagementId }, "coaching engagement completed");
  return presentEngagement(ctx.db, { ...(await loadEngagement(ctx.db, principal, engagementId)), role: "coach" });
}
