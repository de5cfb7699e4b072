import { CUSTOM_KINDS, defaultQuestions, type IntakeRole, type Question } from "./questions.js";

export type FormProblem = { path: (string | number)[]; message: string };

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Checks a coordinator's edit of a form against the rules that keep answers and
 * matching meaningful: stable unique keys, choices for choice questions, and built-in
 * questions kept (they may be reworded or made optional).
 */
export function validateFormQuestions(role: IntakeRole, questions: Question[]): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  const builtins = new Map(defaultQuestions(role).map((d) => [d.key, d]));
  questions.forEach((question, i) => {
    const at = (field: string) => [i, field];
    if (!KEY.test(question.key)) {
      problems.push({ path: at("key"), message: "Keys use lower-case letters, digits and _, start with a letter, at most 40 characters" });
    }
    if (seen.has(question.key)) problems.push({ path: at("key"), message: `The key "${question.key}" is used twice` });
    seen.add(question.key);
    if (!question.label.trim()) problems.push({ path: at("label"), message: "Write the question" });
    const builtin = builtins.get(question.key);
    if (builtin) {
      if (question.kind !== builtin.kind) {
        problems.push({ path: at("kind"), message: `"${question.key}" is a built-in question; its kind stays ${builtin.kind}` });
      }
    } else if (!(CUSTOM_KINDS as readonly string[]).includes(question.kind)) {
      problems.push({ path: at("kind"), message: `Custom questions can be ${CUSTOM_KINDS.join(", ")}` });
    }
    if (question.kind === "single_choice" || question.kind === "multi_choice") {
      const choices = question.choices ?? [];
      if (choices.length < 2) problems.push({ path: at("choices"), message: "Give at least two choices" });
      if (new Set(choices.map((c) => c.trim().toLowerCase())).size !== choices.length) {
        problems.push({ path: at("choices"), message: "Choices must be different from each other" });
      }
      if (choices.some((c) => c.includes(";")))
        problems.push({ path: at("choices"), message: "Choices cannot contain ; (it separates values in CSV files)" });
    }
  });
  for (const [key, builtin] of builtins) {
    if (!seen.has(key) && !builtin.removable)
      problems.push({ path: [], message: `The built-in question "${key}" cannot be removed; make it optional instead` });
  }
  return problems;
}
