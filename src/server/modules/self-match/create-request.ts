import { and, count, eq, gt, sql } from "drizzle-orm";
import { rulesFor } from "../../../core/programme-modes.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { enrolments } from "../enrolment/tables.js";
import { hasLivePair, placesTaken } from "../relationships/live-pairs.js";
import { loadParticipant, requireSelfMatchOpen, sideWords } from "./access.js";
import { newRequestEmail } from "./emails.js";
import { expireDueRequests } from "./expire-requests.js";
import { fitScorer, previousMentorsOf } from "./fit.js";
import { selfMatchLinks } from "./links.js";
import { approvedPeople } from "./people.js";
import { matchRequests } from "./tables.js";

const DAY = 86_400_000;

/**
 * A mentee asks a mentor. The mentee's enrolment row is locked for the whole check-and-insert,
 * so two quick clicks (or two tabs) cannot both slip under the request limit, and a request
 * cannot appear while another mentor is accepting this mentee. The mentor's row is read with
 * a share lock, so a request never lands just after an accept filled the mentor's last place.
 */
export async function createRequest(
  ctx: AppContext,
  principal: Principal,
  programmeId: string,
  body: { mentorEnrolmentId: string; message: string },
) {
  const { programme, enrolment: me } = await loadParticipant(ctx.db, principal, programmeId, "mentee");
  requireSelfMatchOpen(programme);
  const { giver } = rulesFor(programme.type).roles;
  const words = sideWords(programme);
  const [mentor] = await approvedPeople(ctx.db, programme.id, { role: giver, ids: [body.mentorEnrolmentId] });
  if (!mentor) throw notFound(`That ${words.giver}`);
  const scorer = await fitScorer(ctx.db, programme);

  const request = await ctx.db.transaction(async (tx) => {
    await tx.select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.id, me.id)).for("update");
    const [mentorNow] = await tx
      .select({ paused: enrolments.paused, capacity: enrolments.capacity, status: enrolments.status })
      .from(enrolments)
      .where(eq(enrolments.id, mentor.enrolmentId))
      .for("share");
    if (await hasLivePair(tx, me.id)) throw conflict("mentee_already_matched", `You already have a ${words.giver} in this programme.`);
    // Requests past their expiry stop counting now, not when the job next runs.
    await expireDueRequests(ctx, tx, sql`mentee_enrolment_id = ${me.id}`);

    const now = new Date();
    const [{ n: pending }] = await tx
      .select({ n: count() })
      .from(matchRequests)
      .where(and(eq(matchRequests.menteeEnrolmentId, me.id), eq(matchRequests.status, "pending"), gt(matchRequests.expiresAt, now)));
    const toThisMentor = await tx
      .select({ status: matchRequests.status })
      .from(matchRequests)
      .where(and(eq(matchRequests.menteeEnrolmentId, me.id), eq(matchRequests.mentorEnrolmentId, mentor.enrolmentId)));
    if (toThisMentor.some((r) => r.status === "pending")) {
      throw conflict("already_requested", `Your request to ${mentor.name} is still waiting for an answer.`);
    }
    if (toThisMentor.some((r) => r.status === "declined")) {
      throw conflict("declined_before", `${mentor.name} has already declined a request from you in this programme.`);
    }
    if (Number(pending) >= programme.requestLimit) {
      throw conflict(
        "request_limit",
        `You can have ${programme.requestLimit} request${programme.requestLimit === 1 ? "" : "s"} waiting at once. Withdraw one, or wait for an answer, before asking someone else.`,
        { limit: programme.requestLimit, pending: Number(pending) },
      );
    }
    if (mentorNow?.status !== "approved") throw notFound(`That ${words.giver}`);
    if (mentorNow.paused) throw conflict("mentor_paused", `${mentor.name} is not taking new requests right now.`);
    const held = (await placesTaken(tx, programme.id, [mentor.enrolmentId])).get(mentor.enrolmentId) ?? 0;
    if (held >= (mentorNow.capacity ?? 0)) throw conflict("mentor_full", `${mentor.name} has no places left.`);
    const fit = scorer.score(
      { enrolmentId: me.id, userId: me.userId, email: principal.user.email, answers: me.answers },
      mentor,
      await previousMentorsOf(tx, me.userId),
    );
    if (!fit.allowed) {
      throw conflict(
        "mentor_not_available",
        `You can't ask ${mentor.name}: a programme rule rules the pair out (for example a reporting line, no shared language, or having been paired before).`,
      );
    }

    try {
      const [row] = await tx
        .insert(matchRequests)
        .values({
          programmeId: programme.id,
          menteeEnrolmentId: me.id,
          mentorEnrolmentId: mentor.enrolmentId,
          message: body.message,
          expiresAt: new Date(now.getTime() + programme.requestExpiryDays * DAY),
        })
        .returning();
      await enqueue(
        tx,
        "mail.send",
        newRequestEmail(mentor, {
          programme: programme.name,
          ...words,
          link: selfMatchLinks(ctx, programme.id).inbox,
          mentee: principal.user.name,
          message: row.message,
          expiresAt: row.expiresAt,
        }),
      );
      return row;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict("already_requested", `Your request to ${mentor.name} is still waiting for an answer.`);
      throw err;
    }
  });
  // The message stays out of the log: ids are enough to follow what happened.
  ctx.logger.info({ programmeId: programme.id, requestId: request.id }, "match request sent");
  return { request, mentorName: mentor.name };
}
