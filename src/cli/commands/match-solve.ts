import { readFile } from "node:fs/promises";
import { packProblem } from "../../core/matching/pack-problem.js";
import { solveMatching } from "../../core/matching/solve.js";
import { summarizeSolution } from "../../core/matching/summarize-solution.js";
import { parseMatchProblem } from "../../core/matching/validate-problem.js";

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Lines of pairs shown by the human summary; --json has them all. */
const SHOWN_PAIRS = 20;

/** Scores for people: two decimals at most (--json keeps full precision). */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * `grove match solve` without the process around it: problem-file text in, what to print and
 * the exit code out, so tests need no child process.
 */
export function runMatchSolve(
  text: string,
  options: { json?: boolean; source?: string },
  now: () => number = () => performance.now(),
): CommandOutput {
  const parsed = parseMatchProblem(text);
  if (!parsed.ok) {
    const where = options.source ?? "the problem";
    const lines = parsed.errors.map((e) => `  - ${e}\n`).join("");
    return { stdout: "", stderr: `grove match solve: ${where} is not a valid problem:\n${lines}`, exitCode: 1 };
  }
  const problem = parsed.problem;
  const started = now();
  const solution = solveMatching(packProblem(problem));
  const millis = Math.round((now() - started) * 1000) / 1000;
  const summary = summarizeSolution(problem, solution);
  if (options.json) return { stdout: `${JSON.stringify({ ...summary, millis })}\n`, stderr: "", exitCode: 0 };

  const out = [`Matched ${summary.matched} of ${problem.mentees.length} mentees, total score ${summary.totalScore} (${millis} ms).`];
  for (const a of summary.assignments.slice(0, SHOWN_PAIRS)) out.push(`  ${a.mentee} -> ${a.mentor} (${round2(a.score)})`);
  if (summary.assignments.length > SHOWN_PAIRS) {
    out.push(`  ... and ${summary.assignments.length - SHOWN_PAIRS} more pairs (--json lists them all)`);
  }
  if (summary.unmatched.length > 0) {
    const shown = summary.unmatched.slice(0, SHOWN_PAIRS).join(", ");
    const more = summary.unmatched.length > SHOWN_PAIRS ? `, ... (${summary.unmatched.length} in all)` : "";
    out.push(`Unmatched: ${shown}${more}`);
  }
  return { stdout: `${out.join("\n")}\n`, stderr: "", exitCode: 0 };
}

/** `grove match solve PROBLEM.json [--json]`: reads the file, prints the result. */
export async function run(file: string, opts: { json?: boolean }) {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    process.stderr.write(`grove match solve: cannot read ${file}: ${(err as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const result = runMatchSolve(text, { json: opts.json === true, source: file });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
