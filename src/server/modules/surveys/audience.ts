import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RelationshipStatus } from "../../../core/relationships/status.js";
import { AUDIENCE_ROLE, type AudienceRole } from "../../../core/surveys/questions.js";
import type { SurveySchedule } from "../../../core/surveys/schedule.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmeMembers } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import type { SurveyRow } from "./present.js";

export type Recipient = {
  userId: string;
  name: string;
  email: string;
  timeZone: string | null;
  role: AudienceRole;
  /** The pair the invitation is about (a mentor with two mentees is asked about each); null for sponsors. */
  relationshipId: string | null;
  /** The other person in that pair, by name. */
  about: string | null;
  pair: { startedOn: string | null; endedOn: string | null } | null;
};

/**
 * Which pairs a schedule reaches. Surveys during the term go to pairs that are meeting
 * (paused ones are left alone); the end survey also reaches pairs that paused or finished;
 * later ones go to pairs that finished.
 */
export function pairStatusesFor(schedule: SurveySchedule): RelationshipStatus[] {
  switch (schedule.kind) {
    case "end":
      return ["active", "paused", "completed"];
    case "after_end":
      return ["completed"];
    case "after_pair_end":
      return ["completed", "ended"];
    default:
      return ["active"];
  }
}

const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");
const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const zoneOf = (answers: Record<string, unknown> | null | undefined) => {
  const tz = answers?.timezone;
  return typeof tz === "string" && tz ? tz : null;
};

/** Everyone a survey would ask now, once per pair they are in, with the time zone they gave. */
export async function surveyRecipients(
  db: Executor,
  programmeId: string,
  survey: Pick<SurveyRow, "audiences" | "schedule">,
): Promise<Recipient[]> {
  const roles = new Set(survey.audiences.map((a) => AUDIENCE_ROLE[a]));
  const receiving = roles.has("mentee") || roles.has("coachee");
  const giving = roles.has("mentor") || roles.has("coach");
  const out: Recipient[] = [];
  if (receiving || giving) {
    const pairs = await db
      .select({
        id: relationships.id,
        startedAt: relationships.startedAt,
        endedAt: relationships.endedAt,
        mentee: {
          id: menteeUser.id,
          name: menteeUser.name,
          email: menteeUser.email,
          answers: menteeEnrolment.answers,
          role: menteeEnrolment.role,
        },
        mentor: {
          id: mentorUser.id,
          name: mentorUser.name,
          email: mentorUser.email,
          answers: mentorEnrolment.answers,
          role: mentorEnrolment.role,
        },
      })
      .from(relationships)
      .innerJoin(menteeUser, eq(menteeUser.id, relationships.menteeUserId))
      .innerJoin(mentorUser, eq(mentorUser.id, relationships.mentorUserId))
      .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, relationships.menteeEnrolmentId))
      .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, relationships.mentorEnrolmentId))
      .where(and(eq(relationships.programmeId, programmeId), inArray(relationships.status, pairStatusesFor(survey.schedule))));
    for (const p of pairs) {
      const pair = { startedOn: isoDay(p.startedAt), endedOn: isoDay(p.endedAt) };
      const sides = [...(receiving ? [{ me: p.mentee, other: p.mentor }] : []), ...(giving ? [{ me: p.mentor, other: p.mentee }] : [])];
      for (const { me, other } of sides) {
        if (!roles.has(me.role as AudienceRole)) continue;
        out.push({
          userId: me.id,
          name: me.name,
          email: me.email,
          timeZone: zoneOf(me.answers),
          role: me.role as AudienceRole,
          relationshipId: p.id,
          about: other.name,
          pair,
        });
      }
    }
  }
  if (roles.has("sponsor")) {
    // Sponsors back coaching engagements; they hold the role in the programme's members.
    const sponsors = await db
      .select({ id: users.id, name: users.name, email: users.email, answers: enrolments.answers })
      .from(programmeMembers)
      .innerJoin(users, eq(users.id, programmeMembers.userId))
      .leftJoin(enrolments, and(eq(enrolments.userId, users.id), eq(enrolments.programmeId, programmeId)))
      .where(and(eq(programmeMembers.programmeId, programmeId), sql`${programmeMembers.role} = 'sponsor'`));
    for (const s of sponsors) {
      out.push({
        userId: s.id,
        name: s.name,
        email: s.email,
        timeZone: zoneOf(s.answers),
        role: "sponsor",
        relationshipId: null,
        about: null,
        pair: null,
      });
    }
  }
  return out;
}
