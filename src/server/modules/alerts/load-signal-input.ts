import { and, eq, gt, isNotNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { PairRow, ScoreRow, SignalInput } from "../../../core/alerts/rules.js";
import type { Executor } from "../../platform/db.js";
import { checkIns } from "../check-ins/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { nextSessionByPair } from "../growth/next-sessions.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { relationships } from "../relationships/tables.js";
import { matchRequests } from "../self-match/tables.js";
import { surveyInvitations, surveyResponses, surveys } from "../surveys/tables.js";
import { sessionStatsForProgramme } from "../workspace/stats.js";
import { closingEngagements } from "./closing-engagements.js";

const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
/** Invitations that closed longer ago than this no longer speak to whether someone answers now. */
const INVITATION_LOOKBACK_DAYS = 180;

/**
 * The plain rows every alert rule reads, for one programme: ids, statuses, dates, counts
 * and the scores of attributed surveys. No content column — agenda, note, goal, reflection,
 * free-text answer — is selected, so none can reach an alert.
 */
export async function loadSignalInput(
  db: Executor,
  programme: Pick<ProgrammeRow, "id" | "termStart" | "termEnd">,
  now: Date,
): Promise<SignalInput> {
  const [pairRows, stats, next, scoreRows, requests, logged, invitations, engagements] = await Promise.all([
    db
      .select({
        id: relationships.id,
        status: relationships.status,
        startedAt: relationships.startedAt,
        createdAt: relationships.createdAt,
        menteeUserId: relationships.menteeUserId,
        mentorUserId: relationships.mentorUserId,
        mentorAcceptedAt: relationships.mentorAcceptedAt,
        menteeAcceptedAt: relationships.menteeAcceptedAt,
      })
      .from(relationships)
      .where(and(eq(relationships.programmeId, programme.id), ne(relationships.status, "declined"))),
    sessionStatsForProgramme(db, programme.id, now),
    nextSessionByPair(db, { programmeId: programme.id }, now),
    db
      .select({
        relationshipId: surveyResponses.relationshipId,
        userId: surveyResponses.respondentUserId,
        answers: surveyResponses.answers,
        submittedAt: surveyResponses.submittedAt,
        week: surveyResponses.week,
        questions: surveys.questions,
      })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(and(eq(surveys.programmeId, programme.id), eq(surveys.anonymous, false), isNotNull(surveyResponses.respondentUserId))),
    db
      .select({
        id: matchRequests.id,
        createdAt: matchRequests.createdAt,
        menteeUserId: menteeEnrolment.userId,
        mentorUserId: mentorEnrolment.userId,
      })
      .from(matchRequests)
      .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, matchRequests.menteeEnrolmentId))
      .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, matchRequests.mentorEnrolmentId))
      .where(and(eq(matchRequests.programmeId, programme.id), eq(matchRequests.status, "pending"))),
    db
      .select({ relationshipId: checkIns.relationshipId, happenedOn: checkIns.happenedOn, followUpOn: checkIns.followUpOn })
      .from(checkIns)
      .where(eq(checkIns.programmeId, programme.id)),
    db
      .select({
        userId: surveyInvitations.userId,
        relationshipId: surveyInvitations.relationshipId,
        closesAt: surveyInvitations.closesAt,
        answeredAt: surveyInvitations.answeredAt,
      })
      .from(surveyInvitations)
      .where(
        and(
          eq(surveyInvitations.programmeId, programme.id),
          gt(surveyInvitations.closesAt, new Date(now.getTime() - INVITATION_LOOKBACK_DAYS * 86_400_000)),
        ),
      ),
    closingEngagements(db, programme.id, now),
  ]);

  const pairs: PairRow[] = pairRows.map((p) => {
    const s = stats.get(p.id);
    return {
      id: p.id,
      status: p.status,
      startedAt: p.startedAt,
      createdAt: p.createdAt,
      menteeUserId: p.menteeUserId,
      mentorUserId: p.mentorUserId,
      mentorAccepted: p.mentorAcceptedAt !== null,
      menteeAccepted: p.menteeAcceptedAt !== null,
      sessionsHeld: s?.held ?? 0,
      sessionsMissed: s?.missed ?? 0,
      lastSessionAt: s?.lastSessionAt ?? null,
      nextSessionAt: s?.nextSessionAt ?? null,
      nextSessionHasAgenda: next.get(p.id)?.agendaShared ?? false,
      planAcknowledged: s?.planAcknowledged ?? false,
    };
  });

  // Scores are read from the answers by question: the pulse rating and any recommend (0–10) question.
  const scores: ScoreRow[] = [];
  for (const r of scoreRows) {
    if (!r.userId || !r.submittedAt) continue;
    for (const q of r.questions) {
      const v = r.answers[q.id];
      if (typeof v !== "number") continue;
      if (q.pulse)
        scores.push({
          relationshipId: r.relationshipId,
          userId: r.userId,
          kind: "pulse",
          score: v,
          submittedAt: r.submittedAt,
          week: r.week,
        });
      else if (q.type === "nps")
        scores.push({
          relationshipId: r.relationshipId,
          userId: r.userId,
          kind: "nps",
          score: v,
          submittedAt: r.submittedAt,
          week: r.week,
        });
    }
  }

  return { term: programme, pairs, scores, requests, checkIns: logged, invitations, closingEngagements: engagements };
}
