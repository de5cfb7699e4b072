import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { surveyToken } from "./survey-links.js";
import { surveyInvitations, surveys } from "./tables.js";

/** Surveys waiting for the signed-in person: the same invitations as their emails, answerable from the app. */
export async function mySurveys(db: Db, principal: Principal, now = new Date()) {
  const rows = await db
    .select({
      invitation: surveyInvitations,
      survey: { title: surveys.title, anonymous: surveys.anonymous },
      programme: { id: programmes.id, name: programmes.name },
      relationship: { mentee: relationships.menteeUserId, mentor: relationships.mentorUserId },
    })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .innerJoin(programmes, eq(programmes.id, surveyInvitations.programmeId))
    .leftJoin(relationships, eq(relationships.id, surveyInvitations.relationshipId))
    .where(
      and(
        eq(surveyInvitations.userId, principal.user.id),
        isNull(surveyInvitations.answeredAt),
        gt(surveyInvitations.closesAt, now),
        eq(surveys.status, "active"),
      ),
    )
    .orderBy(asc(surveyInvitations.closesAt))
    .limit(50);
  const otherIds = rows.flatMap((r) =>
    r.relationship ? [r.relationship.mentee === principal.user.id ? r.relationship.mentor : r.relationship.mentee] : [],
  );
  const names = new Map<string, string>();
  for (const id of new Set(otherIds)) {
    const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
    if (u) names.set(id, u.name);
  }
  return {
    items: rows.map((r) => ({
      title: r.survey.title,
      programme: r.programme,
      about: r.relationship
        ? (names.get(r.relationship.mentee === principal.user.id ? r.relationship.mentor : r.relationship.mentee) ?? null)
        : null,
      anonymous: r.survey.anonymous,
      closesAt: r.invitation.closesAt.toISOString(),
      path: `/s/${surveyToken(r.invitation)}`,
    })),
  };
}
