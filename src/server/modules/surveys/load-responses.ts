import { asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import type { SurveyRow } from "./present.js";
import { surveyInvitations, surveyResponses } from "./tables.js";

export type LoadedResponse = {
  answers: Record<string, number | string | string[]>;
  week: number | null;
  respondent: { name: string; role: string } | null;
  submittedAt: Date | null;
};

/**
 * A survey's responses for its results and export. Attributed ones come in the order they
 * were given, with who gave them; anonymous ones in an order that says nothing about when
 * (their random ids), with nobody attached.
 */
export async function loadResponses(db: Executor, survey: Pick<SurveyRow, "id" | "anonymous">): Promise<LoadedResponse[]> {
  const rows = await db
    .select({
      answers: surveyResponses.answers,
      week: surveyResponses.week,
      name: users.name,
      role: surveyResponses.respondentRole,
      submittedAt: surveyResponses.submittedAt,
    })
    .from(surveyResponses)
    .leftJoin(users, eq(users.id, surveyResponses.respondentUserId))
    .where(eq(surveyResponses.surveyId, survey.id))
    .orderBy(survey.anonymous ? asc(surveyResponses.id) : asc(surveyResponses.submittedAt), asc(surveyResponses.id));
  return rows.map((r) => ({
    answers: r.answers,
    week: r.week,
    respondent: !survey.anonymous && r.role ? { name: r.name ?? "Former participant", role: r.role } : null,
    submittedAt: survey.anonymous ? null : r.submittedAt,
  }));
}

export async function invitationCounts(db: Executor, surveyId: string) {
  const [row] = await db
    .select({ invited: count(), answered: sql<number>`count(${surveyInvitations.answeredAt})` })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.surveyId, surveyId));
  return { invited: Number(row.invited), answered: Number(row.answered) };
}
