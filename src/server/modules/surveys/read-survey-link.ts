import { eq } from "drizzle-orm";
import { respondentPrivacyNote } from "../../../core/surveys/anonymity.js";
import { answerBlock } from "../../../core/surveys/signed-link.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { findProgramme } from "../programmes/repository.js";
import { findRelationship } from "../relationships/access.js";
import { pairPeople } from "../workspace/people.js";
import { mayAnswerInvitation } from "./policies.js";
import { type InvitationRow, invitationForToken } from "./survey-links.js";
import { surveys } from "./tables.js";

export const notYourLink = () =>
  new AppError(403, "not_your_link", "This survey link was sent to someone else. Sign out, or open the survey from your own email.");

/** The invitation behind a link, its survey, and whether it can still be answered. */
export async function loadInvitation(db: Executor, token: string, principal: Principal | null, now: Date, lock = false) {
  const { invitation, expired } = await invitationForToken(db, token, now, lock);
  if (!mayAnswerInvitation(invitation, principal?.user.id ?? null)) throw notYourLink();
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, invitation.surveyId));
  const block = expired ? "closed" : answerBlock(invitation, survey, now);
  return { invitation, survey, block };
}

async function aboutOf(db: Executor, invitation: InvitationRow) {
  if (!invitation.relationshipId) return null;
  const relationship = await findRelationship(db, invitation.relationshipId);
  if (!relationship) return null;
  const people = await pairPeople(db, relationship);
  return invitation.userId === relationship.menteeUserId ? people.mentor.name : people.mentee.name;
}

/** What the one-click page shows: the survey and what happens to the answers — or that it was answered or closed. */
export async function readSurveyLink(db: Executor, token: string, principal: Principal | null, now = new Date()) {
  const { invitation, survey, block } = await loadInvitation(db, token, principal, now);
  const programme = await findProgramme(db, invitation.programmeId);
  return {
    state: block ?? ("open" as const),
    programme: { name: programme?.name ?? "" },
    title: survey.title,
    intro: survey.intro,
    anonymous: survey.anonymous,
    privacyNote: respondentPrivacyNote(survey.anonymous),
    about: await aboutOf(db, invitation),
    closesAt: invitation.closesAt.toISOString(),
    questions: block ? [] : survey.questions,
  };
}
