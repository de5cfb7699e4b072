import { and, eq, inArray, or } from "drizzle-orm";
import { CLOSED_REASONS } from "../../../core/self-match/requests.js";
import type { AppContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { enrolments } from "../enrolment/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { placesTaken } from "../relationships/live-pairs.js";
import { sideWords } from "./access.js";
import { requestClosedMentorFullEmail, requestWithdrawnEmail } from "./emails.js";
import { selfMatchLinks } from "./links.js";
import { requestsWithParties } from "./parties.js";
import { matchRequests } from "./tables.js";

/**
 * However pairs came about — a mentor accepting a request, a published round, the
 * coordinator pairing by hand — requests still waiting that the new pairs make moot are
 * closed in the same transaction: the paired mentees' other requests are withdrawn (their
 * mentors are told), and a mentor left with no places has the rest closed (those mentees
 * are told). The rows are locked in id order in one statement.
 */
export async function closeRequestsForNewPairs(
  ctx: AppContext,
  tx: Tx,
  programme: ProgrammeRow,
  pairs: { menteeEnrolmentId: string; mentorEnrolmentId: string }[],
): Promise<{ withdrawn: string[]; closed: string[] }> {
  const none = { withdrawn: [], closed: [] };
  if (pairs.length === 0) return none;
  // A programme that never took requests (most round-matched ones) has nothing to close.
  const [anyPending] = await tx
    .select({ id: matchRequests.id })
    .from(matchRequests)
    .where(and(eq(matchRequests.programmeId, programme.id), eq(matchRequests.status, "pending")))
    .limit(1);
  if (!anyPending) return none;

  const mentees = [...new Set(pairs.map((p) => p.menteeEnrolmentId))];
  const mentors = [...new Set(pairs.map((p) => p.mentorEnrolmentId))];
  const capacity = await tx
    .select({ id: enrolments.id, capacity: enrolments.capacity })
    .from(enrolments)
    .where(inArray(enrolments.id, mentors));
  const held = await placesTaken(tx, programme.id, mentors);
  const full = capacity.filter((m) => (held.get(m.id) ?? 0) >= (m.capacity ?? 0)).map((m) => m.id);

  const waiting = await tx
    .select({ id: matchRequests.id, menteeEnrolmentId: matchRequests.menteeEnrolmentId })
    .from(matchRequests)
    .where(
      and(
        eq(matchRequests.programmeId, programme.id),
        eq(matchRequests.status, "pending"),
        full.length > 0
          ? or(inArray(matchRequests.menteeEnrolmentId, mentees), inArray(matchRequests.mentorEnrolmentId, full))
          : inArray(matchRequests.menteeEnrolmentId, mentees),
      ),
    )
    .orderBy(matchRequests.id)
    .for("update");
  const paired = new Set(mentees);
  const withdrawn = waiting.filter((w) => paired.has(w.menteeEnrolmentId)).map((w) => w.id);
  const closed = waiting.filter((w) => !paired.has(w.menteeEnrolmentId)).map((w) => w.id);
  const now = new Date();
  if (withdrawn.length > 0)
    await tx
      .update(matchRequests)
      .set({ status: "withdrawn", closedReason: CLOSED_REASONS.matchedElsewhere, respondedAt: now })
      .where(inArray(matchRequests.id, withdrawn));
  if (closed.length > 0)
    await tx
      .update(matchRequests)
      .set({ status: "closed", closedReason: CLOSED_REASONS.mentorFull, respondedAt: now })
      .where(inArray(matchRequests.id, closed));

  const words = sideWords(programme);
  const links = selfMatchLinks(ctx, programme.id);
  const base = { programme: programme.name, ...words };
  const withdrawnSet = new Set(withdrawn);
  for (const p of await requestsWithParties(tx, [...withdrawn, ...closed])) {
    const mail = withdrawnSet.has(p.request.id)
      ? requestWithdrawnEmail(p.mentor, { ...base, link: links.inbox, mentee: p.mentee.name, because: "matched" })
      : requestClosedMentorFullEmail(p.mentee, { ...base, link: links.findMentor, mentor: p.mentor.name });
    await enqueue(tx, "mail.send", mail);
  }
  return { withdrawn, closed };
}
