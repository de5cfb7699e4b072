import { termProblem } from "../../../core/programme-term";
import type { FieldErrors } from "../../lib/form-errors";

/** The same term rule the server applies, reported on the end date as the server does. */
export function termErrors(termStart: string, termEnd: string): FieldErrors | null {
  if (!termStart || !termEnd) return null;
  const problem = termProblem(termStart, termEnd);
  return problem ? { termEnd: problem } : null;
}
