import { and, desc, eq, inArray } from "drizzle-orm";
import { rulesFor } from "../../../core/programme-modes.js";
import { reasonForMentee } from "../../../core/self-match/requests.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { conflict } from "../../platform/errors.js";
import { hasLivePair, placesTaken } from "../relationships/live-pairs.js";
import { loadParticipant, requireSelfMatchOpen } from "./access.js";
import { fitScorer, previousMentorsOf, publicProfile, roundScore } from "./fit.js";
import { approvedPeople } from "./people.js";
import { matchRequests } from "./tables.js";

/**
 * The mentors a mentee may ask, best fit first: approved, not paused, with a place left,
 * and not ruled out by a hard rule (own manager, no shared language, paired before).
 * Every mentor is scored for this one mentee, which is cheap next to a whole round.
 */
export async function browseMentors(ctx: AppContext, principal: Principal, programmeId: string, page: { limit: number; offset: number }) {
  const { programme, enrolment: me } = await loadParticipant(ctx.db, principal, programmeId, "mentee");
  requireSelfMatchOpen(programme);
  if (await hasLivePair(ctx.db, me.id)) {
    throw conflict("mentee_already_matched", "You already have a mentor in this programme. Your pair is under Pairs.");
  }
  const { giver } = rulesFor(programme.type).roles;
  const mentors = (await approvedPeople(ctx.db, programme.id, { role: giver })).filter((m) => !m.paused && (m.capacity ?? 0) > 0);
  const held = await placesTaken(ctx.db, programme.id);
  const previous = await previousMentorsOf(ctx.db, me.userId);
  const scorer = await fitScorer(ctx.db, programme);
  const mentee = { enrolmentId: me.id, userId: me.userId, email: principal.user.email, answers: me.answers };

  const ranked = mentors
    .map((m) => ({ m, placesLeft: (m.capacity ?? 0) - (held.get(m.enrolmentId) ?? 0), fit: scorer.score(mentee, m, previous) }))
    .flatMap((x) => (x.placesLeft > 0 && x.fit.allowed ? [{ ...x, fit: x.fit }] : []))
    .sort((a, b) => b.fit.score - a.fit.score || a.m.name.localeCompare(b.m.name) || a.m.enrolmentId.localeCompare(b.m.enrolmentId));

  const mine = await ctx.db
    .select({
      id: matchRequests.id,
      mentor: matchRequests.mentorEnrolmentId,
      status: matchRequests.status,
      expiresAt: matchRequests.expiresAt,
    })
    .from(matchRequests)
    .where(and(eq(matchRequests.menteeEnrolmentId, me.id), inArray(matchRequests.status, ["pending", "declined"])))
    .orderBy(desc(matchRequests.createdAt));
  // A pending request wins over an older decline (there is at most one pending per mentor);
  // one past its expiry that the job has not closed yet counts as expired already.
  const now = new Date();
  const open = mine.filter((r) => r.status === "declined" || r.expiresAt > now);
  const myRequest = new Map<string, { id: string; status: "pending" | "declined" }>();
  for (const r of open) {
    const known = myRequest.get(r.mentor);
    if (!known || (known.status !== "pending" && r.status === "pending"))
      myRequest.set(r.mentor, { id: r.id, status: r.status as "pending" });
  }

  const items = ranked.slice(page.offset, page.offset + page.limit).map(({ m, placesLeft, fit }) => ({
    enrolmentId: m.enrolmentId,
    name: m.name,
    profile: publicProfile(m.answers, "mentor"),
    score: roundScore(fit.score),
    reasons: fit.reasons.map(reasonForMentee),
    placesLeft,
    myRequest: myRequest.get(m.enrolmentId) ?? null,
  }));
  return {
    items,
    total: ranked.length,
    limit: page.limit,
    offset: page.offset,
    requestLimit: programme.requestLimit,
    pendingRequests: open.filter((r) => r.status === "pending").length,
    requestExpiryDays: programme.requestExpiryDays,
  };
}
