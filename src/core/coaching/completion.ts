import { MAX_OUTCOMES } from "./outcomes.js";

/**
 * An engagement is complete when it is measured: the coach's completion is refused until
 * every agreed outcome has a final value, and the refusal names each one still missing,
 * so the coach knows exactly whom to ask.
 */
export type OutcomeState = { id: string; title: string; final: number | null };

export type CompletionProblem =
  | { code: "no_outcomes"; message: string; missing: [] }
  | { code: "outcomes_not_agreed"; message: string; missing: [] }
  | { code: "finals_missing"; message: string; missing: { id: string; title: string }[] };

export function completionProblem(outcomes: readonly OutcomeState[], agreed: boolean): CompletionProblem | null {
  if (outcomes.length === 0)
    return { code: "no_outcomes", message: "Agree at least one outcome and measure it before completing the engagement.", missing: [] };
  if (!agreed)
    return {
      code: "outcomes_not_agreed",
      message: "The outcomes were never agreed. Agree them, then measure them, then complete.",
      missing: [],
    };
  const missing = outcomes.filter((o) => o.final === null).map((o) => ({ id: o.id, title: o.title }));
  if (missing.length === 0) return null;
  const names = missing.map((o) => `"${o.title}"`).join(", ");
  return {
    code: "finals_missing",
    message: `${missing.length === 1 ? "One outcome has" : `${missing.length} outcomes have`} no final measurement yet: ${names}. Record the final ratings, then complete.`,
    missing,
  };
}

export type AgreementOutcome = { id: string; title: string; target: number | null; baseline: number | null };

/**
 * What an agreement needs: one to five outcomes, each with a target and a baseline rating,
 * so the final can be read against where it started and where it was meant to go.
 */
export function agreementProblems(outcomes: readonly AgreementOutcome[]): { outcomeId: string | null; message: string }[] {
  if (outcomes.length === 0) return [{ outcomeId: null, message: "Add at least one outcome to agree on." }];
  const problems: { outcomeId: string | null; message: string }[] = [];
  if (outcomes.length > MAX_OUTCOMES) problems.push({ outcomeId: null, message: `Agree at most ${MAX_OUTCOMES} outcomes.` });
  for (const o of outcomes) {
    if (o.target === null) problems.push({ outcomeId: o.id, message: `"${o.title}" needs a target.` });
    if (o.baseline === null) problems.push({ outcomeId: o.id, message: `"${o.title}" needs a baseline rating.` });
  }
  return problems;
}

/** Who must agree: coach and coachee always, the sponsor when the engagement has one. */
export type Agreement = { coach: boolean; coachee: boolean; sponsor: boolean | null };

export const fullyAgreed = (a: Agreement) => a.coach && a.coachee && a.sponsor !== false;
