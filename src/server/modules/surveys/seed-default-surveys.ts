import { defaultSurveys } from "../../../core/surveys/default-surveys.js";
import type { Executor } from "../../platform/db.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { surveys } from "./tables.js";

/**
 * A new programme starts with its type's surveys, switched on: a fortnightly pulse, a
 * mid-point and an end survey for mentoring; an end-of-coaching survey for coaching.
 * Nothing is sent until pairs are meeting and a survey's week comes.
 */
export async function seedDefaultSurveys(db: Executor, programme: Pick<ProgrammeRow, "id" | "type" | "createdBy">) {
  const defaults = defaultSurveys(programme.type);
  if (defaults.length === 0) return;
  await db.insert(surveys).values(
    defaults.map((d) => ({
      programmeId: programme.id,
      purpose: d.purpose,
      title: d.title,
      intro: d.intro,
      anonymous: d.anonymous,
      audiences: d.audiences,
      schedule: d.schedule,
      openDays: d.openDays,
      reminderAfterDays: d.reminderAfterDays,
      questions: d.questions,
      status: "active" as const,
      createdBy: programme.createdBy,
    })),
  );
}
