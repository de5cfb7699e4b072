import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { assertManagesSurveys } from "./policies.js";
import { presentSurvey } from "./present.js";
import { findProgrammeSurvey } from "./repository.js";
import { surveys } from "./tables.js";

/** A copy to change freely: same questions and schedule, as a draft with no answers. */
export async function duplicateSurvey(db: Db, principal: Principal, programmeId: string, surveyId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertManagesSurveys(actor);
  const s = await findProgrammeSurvey(db, programme.id, surveyId);
  const [row] = await db
    .insert(surveys)
    .values({
      programmeId: programme.id,
      purpose: "custom",
      title: `${s.title} (copy)`.slice(0, 120),
      intro: s.intro,
      anonymous: s.anonymous,
      audiences: s.audiences,
      schedule: s.schedule,
      openDays: s.openDays,
      reminderAfterDays: s.reminderAfterDays,
      questions: s.questions,
      status: "draft",
      createdBy: principal.user.id,
    })
    .returning();
  return presentSurvey(row, programme, false);
}
