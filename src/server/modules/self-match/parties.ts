import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { matchRequests } from "./tables.js";

const menteeEnrolment = alias(enrolments, "mentee_enrolment");
const mentorEnrolment = alias(enrolments, "mentor_enrolment");
const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");

/** Requests with the two people and the programme, for emails and lists. */
export async function requestsWithParties(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      request: matchRequests,
      programme: { id: programmes.id, name: programmes.name, type: programmes.type },
      mentee: { name: menteeUser.name, email: menteeUser.email },
      mentor: { name: mentorUser.name, email: mentorUser.email },
    })
    .from(matchRequests)
    .innerJoin(programmes, eq(programmes.id, matchRequests.programmeId))
    .innerJoin(menteeEnrolment, eq(menteeEnrolment.id, matchRequests.menteeEnrolmentId))
    .innerJoin(menteeUser, eq(menteeUser.id, menteeEnrolment.userId))
    .innerJoin(mentorEnrolment, eq(mentorEnrolment.id, matchRequests.mentorEnrolmentId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorEnrolment.userId))
    .where(inArray(matchRequests.id, ids))
    .orderBy(matchRequests.id);
}

export type RequestWithParties = Awaited<ReturnType<typeof requestsWithParties>>[number];
