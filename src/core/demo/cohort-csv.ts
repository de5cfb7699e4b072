import { answerToCell } from "../intake/csv-cells.js";
import { defaultQuestions, type IntakeRole } from "../intake/questions.js";
import type { DemoPerson } from "./generate-cohort.js";

/**
 * The import contract's columns for the default mentoring forms: email, name, role, then
 * each question key once, mentor and mentee keys interleaved so "offers" sits by "seeks".
 */
export function cohortColumns(roles: [IntakeRole, IntakeRole] = ["mentor", "mentee"]): string[] {
  const mentor = defaultQuestions(roles[0]).map((q) => q.key);
  const mentee = defaultQuestions(roles[1]).map((q) => q.key);
  const keys: string[] = [];
  for (let i = 0; i < Math.max(mentor.length, mentee.length); i++) {
    for (const key of [mentor[i], mentee[i]]) if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return ["email", "name", "role", ...keys];
}

type CsvPerson = Pick<DemoPerson, "email" | "name" | "answers"> & { role: IntakeRole };

/** The cohort as a participants CSV file, exactly as a coordinator would upload it. */
export function cohortCsv(people: readonly CsvPerson[], roles: [IntakeRole, IntakeRole] = ["mentor", "mentee"]): string {
  const columns = cohortColumns(roles);
  const cells = (p: CsvPerson) =>
    columns.map((c) => (c === "email" ? p.email : c === "name" ? p.name : c === "role" ? p.role : answerToCell(p.answers[c])));
  return `${[columns, ...people.map(cells)].map((row) => row.map(quote).join(",")).join("\n")}\n`;
}

/** RFC 4180 quoting, only where a cell needs it. */
function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
