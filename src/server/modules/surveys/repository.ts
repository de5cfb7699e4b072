import { and, count, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { surveyResponses, surveys } from "./tables.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A survey of this programme; another programme's survey is not found, like one that does not exist. */
export async function findProgrammeSurvey(db: Executor, programmeId: string, surveyId: string, lock = false) {
  if (!UUID.test(surveyId)) throw notFound("That survey");
  const query = db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), eq(surveys.programmeId, programmeId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("That survey");
  return row;
}

export async function responseCount(db: Executor, surveyId: string) {
  const [{ n }] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  return Number(n);
}
