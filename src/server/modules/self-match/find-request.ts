import { eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { enrolments } from "../enrolment/tables.js";
import { findProgramme } from "../programmes/repository.js";
import type { Side } from "./access.js";
import { matchRequests } from "./tables.js";

/**
 * A request for one of its two people: the mentee who wrote it or the mentor it was sent to.
 * Everyone else — other participants, coordinators, the instance admin — gets 404, the same
 * answer as for an id that does not exist: the message is between the two of them.
 */
export async function loadRequestFor(db: Executor, principal: Principal, requestId: string, side: Side) {
  const [request] = await db.select().from(matchRequests).where(eq(matchRequests.id, requestId)).limit(1);
  const enrolmentId = request ? (side === "mentor" ? request.mentorEnrolmentId : request.menteeEnrolmentId) : undefined;
  const [owner] = enrolmentId ? await db.select().from(enrolments).where(eq(enrolments.id, enrolmentId)).limit(1) : [];
  if (!request || !owner || owner.userId !== principal.user.id) throw notFound("That request");
  const programme = await findProgramme(db, request.programmeId);
  if (!programme) throw notFound("That request");
  return { request, programme, enrolment: owner };
}
