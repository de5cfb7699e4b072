import { eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { findProgrammeSurvey } from "./repository.js";
import { surveys } from "./tables.js";

/** Deletes a survey with its invitations and answers (the web app asks for confirmation first). */
export async function deleteSurvey(db: Db, principal: Principal, programmeId: string, surveyId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  const survey = await findProgrammeSurvey(db, programme.id, surveyId);
  await db.delete(surveys).where(eq(surveys.id, survey.id));
}
