import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { presentSurvey } from "./present.js";
import { findProgrammeSurvey, responseCount } from "./repository.js";

export async function readSurvey(db: Db, principal: Principal, programmeId: string, surveyId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  const survey = await findProgrammeSurvey(db, programme.id, surveyId);
  return presentSurvey(survey, programme, (await responseCount(db, survey.id)) > 0);
}
