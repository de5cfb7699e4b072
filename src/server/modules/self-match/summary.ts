import { and, asc, count, eq, gt, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { rulesFor } from "../../../core/programme-modes.js";
import { HOLDING_STATUSES } from "../../../core/relationships/status.js";
import { REQUEST_STATUSES, type RequestStatus } from "../../../core/self-match/requests.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { queryRows } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { matchRequests } from "./tables.js";

const DAY = 86_400_000;
const UNANSWERED_SHOWN = 50;

const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");

/**
 * What coordinators see of self-matching: how many requests stand where, how long the
 * oldest has waited, which ones have gone unanswered for more than half their time, and
 * how many mentees have not asked anyone yet. Never a message or a decline reason.
 */
export async function requestSummary(ctx: AppContext, principal: Principal, programmeId: string) {
  const { programme } = await loadProgrammeFor(ctx.db, principal, programmeId, "manage");
  const now = new Date();
  const grouped = await ctx.db
    .select({
      status: sql<RequestStatus>`case when ${matchRequests.status} = 'pending' and ${matchRequests.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired' else ${matchRequests.status} end`,
      n: count(),
    })
    .from(matchRequests)
    .where(eq(matchRequests.programmeId, programme.id))
    .groupBy(sql`1`);
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const g of grouped) counts[g.status] += Number(g.n);

  const open = and(eq(matchRequests.programmeId, programme.id), eq(matchRequests.status, "pending"), gt(matchRequests.expiresAt, now));
  // Half the time to answer has gone: a nudge to the mentor may help.
  const staleBefore = new Date(now.getTime() - (programme.requestExpiryDays * DAY) / 2);
  const stale = and(open, lte(matchRequests.createdAt, staleBefore));
  const [{ n: unansweredTotal }] = await ctx.db.select({ n: count() }).from(matchRequests).where(stale);
  const unanswered = await ctx.db
    .select({
      id: matchRequests.id,
      createdAt: matchRequests.createdAt,
      expiresAt: matchRequests.expiresAt,
      menteeEnrolmentId: matchRequests.menteeEnrolmentId,
      mentorEnrolmentId: matchRequests.mentorEnrolmentId,
      menteeName: menteeUser.name,
      mentorName: mentorUser.name,
    })
    .from(matchRequests)
    .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, matchRequests.menteeEnrolmentId))
    .innerJoin(menteeUser, eq(menteeUser.id, menteeEnrolment.userId))
    .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, matchRequests.mentorEnrolmentId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorEnrolment.userId))
    .where(stale)
    .orderBy(asc(matchRequests.createdAt), asc(matchRequests.id))
    .limit(UNANSWERED_SHOWN);
  const [oldest] = await ctx.db
    .select({ createdAt: matchRequests.createdAt })
    .from(matchRequests)
    .where(open)
    .orderBy(asc(matchRequests.createdAt))
    .limit(1);

  const { receiver } = rulesFor(programme.type).roles;
  const [{ n: menteesWithoutRequest }] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from enrolments e
        where e.programme_id = ${programme.id} and e.status = 'approved' and e.role = ${receiver}
          and not exists (select 1 from relationships r where r.mentee_enrolment_id = e.id
                          and r.status in (${sql.join(
                            HOLDING_STATUSES.map((s) => sql`${s}`),
                            sql`, `,
                          )}))
          and not exists (select 1 from match_requests m where m.mentee_enrolment_id = e.id
                          and m.status = 'pending' and m.expires_at > ${now.toISOString()}::timestamptz)`,
  );

  const ageDays = (d: Date) => Math.round(((now.getTime() - d.getTime()) / DAY) * 10) / 10;
  return {
    matchMode: programme.matchMode,
    counts,
    oldestPendingDays: oldest ? ageDays(oldest.createdAt) : null,
    unanswered: unanswered.map((u) => ({
      id: u.id,
      mentee: { enrolmentId: u.menteeEnrolmentId, name: u.menteeName },
      mentor: { enrolmentId: u.mentorEnrolmentId, name: u.mentorName },
      createdAt: u.createdAt.toISOString(),
      expiresAt: u.expiresAt.toISOString(),
      ageDays: ageDays(u.createdAt),
    })),
    unansweredTotal: Number(unansweredTotal),
    menteesWithoutRequest: Number(menteesWithoutRequest),
  };
}
