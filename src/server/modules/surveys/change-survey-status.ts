import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { presentSurvey } from "./present.js";
import { findProgrammeSurvey, responseCount } from "./repository.js";
import type { SurveyStatus } from "./tables.js";
import { surveys } from "./tables.js";
import { staleSurvey } from "./update-survey.js";

/**
 * Draft surveys are never sent; active ones go out on their schedule; a closed survey
 * sends nothing more and its open links stop taking answers (results stay).
 */
export async function changeSurveyStatus(
  db: Db,
  principal: Principal,
  programmeId: string,
  surveyId: string,
  status: SurveyStatus,
  version: number,
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  return db.transaction(async (tx) => {
    const current = await findProgrammeSurvey(tx, programme.id, surveyId, true);
    if (current.version !== version) throw staleSurvey(current);
    const [row] = await tx
      .update(surveys)
      .set({ status, version: sql`${surveys.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(surveys.id, current.id), eq(surveys.version, version)))
      .returning();
    return presentSurvey(row, programme, (await responseCount(tx, row.id)) > 0);
  });
}
