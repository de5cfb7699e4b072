import { and, asc, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db.js";
import { placesTaken } from "../relationships/live-pairs.js";
import { relationships } from "../relationships/tables.js";
import { loadParticipant } from "./access.js";
import { fitScorer, previousMentors, publicProfile, roundScore } from "./fit.js";
import { requestsWithParties } from "./parties.js";
import { approvedPeople } from "./people.js";
import { matchRequests } from "./tables.js";

type PageQuery = { limit: number; offset: number };
type RequestRow = typeof matchRequests.$inferSelect;

// Open requests first (oldest first: they expire soonest), then the accepted one, then the rest, newest first.
const openFirst = [
  asc(sql`case ${matchRequests.status} when 'pending' then 0 when 'accepted' then 1 else 2 end`),
  asc(sql`case when ${matchRequests.status} = 'pending' then ${matchRequests.createdAt} end`),
  desc(matchRequests.createdAt),
  asc(matchRequests.id),
];

const times = (r: RequestRow) => ({
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  respondedAt: r.respondedAt?.toISOString() ?? null,
});

/**
 * A pending request whose time has run out reads as expired straight away; the job
 * writes that down (and tells both people) on its next run.
 */
const statusNow = (r: RequestRow, now: Date) => (r.status === "pending" && r.expiresAt <= now ? "expired" : r.status);

/** The pair an accepted request became. */
async function pairsOf(db: Executor, rows: RequestRow[]) {
  const accepted = rows.filter((r) => r.status === "accepted");
  if (accepted.length === 0) return new Map<string, string>();
  const pairs = await db
    .select({ id: relationships.id, mentee: relationships.menteeEnrolmentId, mentor: relationships.mentorEnrolmentId })
    .from(relationships)
    .where(
      and(
        eq(relationships.origin, "self_match"),
        inArray(
          relationships.menteeEnrolmentId,
          accepted.map((r) => r.menteeEnrolmentId),
        ),
      ),
    )
    .orderBy(desc(relationships.createdAt));
  const out = new Map<string, string>();
  for (const r of accepted) {
    const pair = pairs.find((p) => p.mentee === r.menteeEnrolmentId && p.mentor === r.mentorEnrolmentId);
    if (pair) out.set(r.id, pair.id);
  }
  return out;
}

async function pendingCount(db: Executor, side: "mentor" | "mentee", enrolmentId: string) {
  const column = side === "mentor" ? matchRequests.mentorEnrolmentId : matchRequests.menteeEnrolmentId;
  const [row] = await db
    .select({ n: count() })
    .from(matchRequests)
    .where(and(eq(column, enrolmentId), eq(matchRequests.status, "pending"), gt(matchRequests.expiresAt, new Date())));
  return Number(row.n);
}

/** Presents a mentee's own requests: their message, the mentor's name and answer. */
export async function presentSent(db: Executor, ids: string[]) {
  const rows = await requestsWithParties(db, ids);
  const byId = new Map(rows.map((r) => [r.request.id, r]));
  const pairs = await pairsOf(
    db,
    rows.map((r) => r.request),
  );
  const now = new Date();
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const r = row.request;
    return [
      {
        id: r.id,
        programmeId: r.programmeId,
        status: statusNow(r, now),
        mentor: { enrolmentId: r.mentorEnrolmentId, name: row.mentor.name },
        message: r.message,
        declineReason: r.declineReason,
        closedReason: r.closedReason,
        relationshipId: pairs.get(r.id) ?? null,
        ...times(r),
      },
    ];
  });
}

/** The mentee's own requests, open ones first. */
export async function listSent(ctx: AppContext, principal: Principal, programmeId: string, page: PageQuery) {
  const { programme, enrolment: me } = await loadParticipant(ctx.db, principal, programmeId, "mentee");
  const where = eq(matchRequests.menteeEnrolmentId, me.id);
  const [{ n: total }] = await ctx.db.select({ n: count() }).from(matchRequests).where(where);
  const ids = await ctx.db
    .select({ id: matchRequests.id })
    .from(matchRequests)
    .where(where)
    .orderBy(...openFirst)
    .limit(page.limit)
    .offset(page.offset);
  return {
    box: "sent" as const,
    items: await presentSent(
      ctx.db,
      ids.map((r) => r.id),
    ),
    total: Number(total),
    limit: page.limit,
    offset: page.offset,
    requestLimit: programme.requestLimit,
    pendingRequests: await pendingCount(ctx.db, "mentee", me.id),
  };
}

/** Presents requests to one mentor: each mentee's public profile, message, and how well they fit. */
export async function presentReceived(ctx: AppContext, programme: { id: string; termStart: string }, rows: RequestRow[]) {
  const menteeIds = [...new Set(rows.map((r) => r.menteeEnrolmentId))];
  const mentorIds = [...new Set(rows.map((r) => r.mentorEnrolmentId))];
  const people = await approvedPeople(ctx.db, programme.id, { ids: [...menteeIds, ...mentorIds] });
  const withParties = new Map(
    (
      await requestsWithParties(
        ctx.db,
        rows.map((r) => r.id),
      )
    ).map((x) => [x.request.id, x]),
  );
  const byId = new Map(people.map((p) => [p.enrolmentId, p]));
  const previous = await previousMentors(
    ctx.db,
    people.filter((p) => menteeIds.includes(p.enrolmentId)).map((p) => p.userId),
  );
  const scorer = await fitScorer(ctx.db, programme);
  const pairs = await pairsOf(ctx.db, rows);
  const now = new Date();
  return rows.map((r) => {
    const mentee = byId.get(r.menteeEnrolmentId);
    const mentor = byId.get(r.mentorEnrolmentId);
    // Someone who has since left the programme is still shown by name, without a fit.
    // An accepted request's own pair is not a "previous pair" that rules the fit out.
    const before = new Set(mentee ? (previous.get(mentee.userId) ?? []) : []);
    if (r.status === "accepted" && mentor) before.delete(mentor.userId);
    const fit = mentee && mentor ? scorer.score(mentee, mentor, before) : undefined;
    const allowed = fit?.allowed ? fit : undefined;
    return {
      id: r.id,
      programmeId: r.programmeId,
      status: statusNow(r, now),
      mentee: {
        enrolmentId: r.menteeEnrolmentId,
        name: withParties.get(r.id)?.mentee.name ?? mentee?.name ?? "",
        profile: publicProfile(mentee?.answers ?? {}, "mentee"),
      },
      message: r.message,
      score: allowed ? roundScore(allowed.score) : null,
      reasons: allowed ? allowed.reasons : [],
      declineReason: r.declineReason,
      closedReason: r.closedReason,
      relationshipId: pairs.get(r.id) ?? null,
      ...times(r),
    };
  });
}

/** The mentor's inbox: open requests first. */
export async function listReceived(ctx: AppContext, principal: Principal, programmeId: string, page: PageQuery) {
  const { programme, enrolment: me } = await loadParticipant(ctx.db, principal, programmeId, "mentor");
  const where = eq(matchRequests.mentorEnrolmentId, me.id);
  const [{ n: total }] = await ctx.db.select({ n: count() }).from(matchRequests).where(where);
  const rows = await ctx.db
    .select()
    .from(matchRequests)
    .where(where)
    .orderBy(...openFirst)
    .limit(page.limit)
    .offset(page.offset);
  const held = (await placesTaken(ctx.db, programme.id, [me.id])).get(me.id) ?? 0;
  return {
    box: "received" as const,
    items: await presentReceived(ctx, programme, rows),
    total: Number(total),
    limit: page.limit,
    offset: page.offset,
    pendingRequests: await pendingCount(ctx.db, "mentor", me.id),
    placesLeft: Math.max(0, (me.capacity ?? 0) - held),
    paused: me.paused,
  };
}
