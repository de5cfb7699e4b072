import { isDeepStrictEqual } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import type { SurveyUpdate } from "../../../contracts/surveys.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { presentSurvey, type SurveyRow } from "./present.js";
import { findProgrammeSurvey, responseCount } from "./repository.js";
import { assertSurveyFits } from "./survey-rules.js";
import { surveys } from "./tables.js";

export const staleSurvey = (current: SurveyRow) =>
  conflict("version_conflict", "Another coordinator changed this survey since you opened it. Reload it and make your change again.", {
    currentVersion: current.version,
  });

/**
 * Saves a survey's definition. Once anyone answered, its questions stay as they were —
 * results would otherwise mix answers to different questions — and so does its anonymity,
 * which respondents were promised; the title, schedule and audience can still change.
 */
export async function updateSurvey(db: Db, principal: Principal, programmeId: string, surveyId: string, input: SurveyUpdate) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  assertSurveyFits(programme, input);
  return db.transaction(async (tx) => {
    const current = await findProgrammeSurvey(tx, programme.id, surveyId, true);
    if (current.version !== input.version) throw staleSurvey(current);
    const answered = (await responseCount(tx, current.id)) > 0;
    if (answered && !isDeepStrictEqual(JSON.parse(JSON.stringify(input.questions)), current.questions)) {
      throw conflict(
        "survey_has_answers",
        "People have answered this survey, so its questions can no longer change. Duplicate it to ask something different.",
      );
    }
    if (answered && input.anonymous !== current.anonymous) {
      throw conflict(
        "survey_has_answers",
        "People answered this survey under what it promised about their names; that can no longer change.",
      );
    }
    const { version, ...fields } = input;
    const [row] = await tx
      .update(surveys)
      .set({ ...fields, version: sql`${surveys.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(surveys.id, current.id), eq(surveys.version, version)))
      .returning();
    return presentSurvey(row, programme, answered);
  });
}
