import type { SurveyCreate } from "../../../contracts/surveys.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { presentSurvey } from "./present.js";
import { assertSurveyFits } from "./survey-rules.js";
import { surveys } from "./tables.js";

export async function createSurvey(db: Db, principal: Principal, programmeId: string, input: SurveyCreate) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  assertSurveyFits(programme, input);
  const [row] = await db
    .insert(surveys)
    .values({ ...input, programmeId: programme.id, purpose: "custom", createdBy: principal.user.id })
    .returning();
  return presentSurvey(row, programme, false);
}
