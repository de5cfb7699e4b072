import { and, count, desc, eq, isNotNull, max, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { scheduleText } from "./present.js";
import { surveyInvitations, surveys } from "./tables.js";

/** A programme's surveys with how many were asked and answered. Counts come from invitations, never from answers. */
export async function listSurveys(db: Db, principal: Principal, programmeId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  const rows = await db.select().from(surveys).where(eq(surveys.programmeId, programme.id)).orderBy(desc(surveys.createdAt), surveys.id);
  const stats = await db
    .select({
      surveyId: surveyInvitations.surveyId,
      invited: count(),
      answered: sql<number>`count(${surveyInvitations.answeredAt})`,
      lastSentAt: max(surveyInvitations.sentAt),
    })
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.programmeId, programme.id), isNotNull(surveyInvitations.surveyId)))
    .groupBy(surveyInvitations.surveyId);
  const bySurvey = new Map(stats.map((s) => [s.surveyId, s]));
  return {
    items: rows.map((s) => {
      const st = bySurvey.get(s.id);
      const invited = Number(st?.invited ?? 0);
      const answered = Number(st?.answered ?? 0);
      return {
        id: s.id,
        purpose: s.purpose,
        title: s.title,
        anonymous: s.anonymous,
        audiences: s.audiences,
        scheduleText: scheduleText(s, programme),
        status: s.status,
        invited,
        answered,
        responseRate: invited ? answered / invited : null,
        lastSentAt: st?.lastSentAt ? new Date(st.lastSentAt).toISOString() : null,
      };
    }),
  };
}
