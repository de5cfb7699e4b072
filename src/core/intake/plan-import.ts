import { cellToRawAnswer } from "./csv-cells.js";
import { type Answers, type FormDefinition, type IntakeRole, isGivingRole } from "./questions.js";
import { canonicaliseSkills, validateAnswers } from "./validate-answers.js";

export type ImportProblem = { row: number; column: string; message: string };

export type ExistingParticipant = { name: string; role: IntakeRole; answers: Answers };

export type PlannedRow = {
  row: number;
  email: string;
  name: string;
  role: IntakeRole;
  answers: Answers;
  action: "create" | "update" | "unchanged";
};

export type ImportPlan = { rows: number; planned: PlannedRow[]; errors: ImportProblem[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIXED = ["email", "name", "role"];

/**
 * Checks a whole participants file before anything is written: every problem of every
 * row, with the spreadsheet row number (the header is row 1) and the column. The caller
 * writes only when `errors` is empty, so a file with one bad row imports nothing.
 */
export function planImport(
  header: string[],
  records: string[][],
  forms: Partial<Record<IntakeRole, FormDefinition>>,
  existing: ReadonlyMap<string, ExistingParticipant>,
  canonicalSkill?: (name: string) => string | undefined,
): ImportPlan {
  const errors: ImportProblem[] = [];
  const columns = header.map((h) => h.trim());
  const roles = Object.keys(forms) as IntakeRole[];
  const knownKeys = new Set(roles.flatMap((r) => forms[r]?.questions.map((q) => q.key) ?? []));

  for (const fixed of FIXED) {
    if (!columns.includes(fixed)) errors.push({ row: 1, column: fixed, message: `The header has no "${fixed}" column` });
  }
  columns.forEach((c, i) => {
    if (!FIXED.includes(c) && !knownKeys.has(c)) {
      errors.push({ row: 1, column: c || `column ${i + 1}`, message: `No question has the key "${c}"; check the form's question keys` });
    }
    if (columns.indexOf(c) !== i) errors.push({ row: 1, column: c, message: "This column appears twice" });
  });
  if (errors.length) return { rows: records.length, planned: [], errors };

  const planned: PlannedRow[] = [];
  const firstRowOf = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const cell = (column: string) => (record[columns.indexOf(column)] ?? "").trim();
    if (record.length !== columns.length) {
      errors.push({ row, column: "", message: `Expected ${columns.length} fields, found ${record.length}` });
      return;
    }
    const email = cell("email").toLowerCase();
    const name = cell("name");
    const role = cell("role").toLowerCase() as IntakeRole;
    let ok = true;
    if (!EMAIL.test(email)) {
      errors.push({ row, column: "email", message: email ? `"${email}" is not a valid email address` : "The email is missing" });
      ok = false;
    } else if (firstRowOf.has(email)) {
      errors.push({ row, column: "email", message: `${email} already appears on row ${firstRowOf.get(email)}` });
      ok = false;
    } else firstRowOf.set(email, row);
    if (!name) {
      errors.push({ row, column: "name", message: "The name is missing" });
      ok = false;
    } else if (name.length > 120) {
      errors.push({ row, column: "name", message: "Names are at most 120 characters" });
      ok = false;
    }
    const form = forms[role];
    if (!form) {
      errors.push({ row, column: "role", message: `"${cell("role")}" is not a role here; use ${roles.join(" or ")}` });
      return;
    }
    // A file may carry only some questions: answers it has no column for are kept as they are.
    const before = existing.get(email);
    const raw: Record<string, unknown> = {};
    for (const question of form.questions) {
      if (!columns.includes(question.key) && before?.answers[question.key] !== undefined) raw[question.key] = before.answers[question.key];
    }
    for (const question of form.questions) {
      if (columns.includes(question.key)) raw[question.key] = cellToRawAnswer(question, cell(question.key));
    }
    // Columns that belong only to the other role's form must be empty on this row.
    for (const column of columns) {
      if (FIXED.includes(column) || form.questions.some((q) => q.key === column)) continue;
      if (cell(column)) errors.push({ row, column, message: `The ${role} form has no question "${column}"; leave it empty for ${role}s` });
    }
    const validated = validateAnswers(form, raw);
    const problems = validated.problems;
    const answers = canonicalSkill ? canonicaliseSkills(validated.answers, canonicalSkill) : validated.answers;
    for (const p of problems) {
      const message =
        p.key === "capacity" && isGivingRole(role) && !columns.includes("capacity") ? "Add a capacity column for mentors" : p.message;
      errors.push({ row, column: p.key, message });
    }
    if (!ok || problems.length) return;
    const action = !before ? "create" : sameParticipant(before, { name, role, answers }) ? "unchanged" : "update";
    planned.push({ row, email, name, role, answers, action });
  });
  return { rows: records.length, planned: errors.length ? [] : planned, errors };
}

function sameParticipant(a: ExistingParticipant, b: ExistingParticipant): boolean {
  return a.name === b.name && a.role === b.role && stableJson(a.answers) === stableJson(b.answers);
}

/** JSON with sorted object keys, so answers compare equal however they were stored. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
