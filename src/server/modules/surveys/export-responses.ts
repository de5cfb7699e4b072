import { stringify } from "csv-stringify/sync";
import { mayShowGroup } from "../../../core/surveys/anonymity.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict, forbidden } from "../../platform/errors.js";
import { loadProgrammeActor } from "../support/access.js";
import { loadResponses } from "./load-responses.js";
import { canReadResults } from "./policies.js";
import { findProgrammeSurvey } from "./repository.js";

const cell = (v: unknown) => (Array.isArray(v) ? v.join("; ") : v === undefined || v === null ? "" : String(v));
// A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
const safe = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

/**
 * Responses as CSV, one row each, one column per question. Attributed surveys add who,
 * their side, the week and when. An anonymous survey exports only answers — no week,
 * role or time, rows sorted by content — and nothing at all under the threshold.
 */
export async function exportResponses(db: Db, principal: Principal, programmeId: string, surveyId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  if (!canReadResults(actor)) throw forbidden("Only the programme's coordinators can export survey results.");
  const survey = await findProgrammeSurvey(db, programme.id, surveyId);
  const responses = await loadResponses(db, survey);
  if (!mayShowGroup(survey.anonymous, responses.length)) {
    throw conflict("too_few_responses", "This survey is anonymous and has fewer than five responses, so there is nothing to export yet.");
  }
  const questionCells = (answers: Record<string, unknown>) => survey.questions.map((q) => cell(answers[q.id]));
  const header = survey.anonymous
    ? survey.questions.map((q) => q.prompt)
    : ["respondent", "role", "week", "submitted_at", ...survey.questions.map((q) => q.prompt)];
  const rows = survey.anonymous
    ? responses.map((r) => questionCells(r.answers)).sort((a, b) => a.join("\u0000").localeCompare(b.join("\u0000")))
    : responses.map((r) => [
        r.respondent?.name ?? "",
        r.respondent?.role ?? "",
        cell(r.week),
        r.submittedAt?.toISOString() ?? "",
        ...questionCells(r.answers),
      ]);
  return {
    filename: `${programme.slug}-${survey.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}.csv`,
    csv: stringify([header, ...rows].map((row) => row.map(safe))),
  };
}
