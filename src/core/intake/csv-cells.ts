import type { Question } from "./questions.js";

/**
 * Turns one CSV cell into the raw answer shape validateAnswers expects. Lists are
 * separated by ";"; skills are "Name:level" (level defaults to 3); availability windows
 * are "mon 18:00-20:00". Errors are reported by validateAnswers, so this stays lenient.
 */
export function cellToRawAnswer(question: Question, cell: string): unknown {
  const text = cell.trim();
  if (text === "") return undefined;
  const list = () =>
    text
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
  switch (question.kind) {
    case "multi_choice":
    case "tags":
      return list();
    case "skills":
      return list().map((entry) => {
        const m = /^(.*?)(?::\s*(\S+))?$/.exec(entry) as RegExpExecArray;
        return { name: m[1].trim(), level: m[2] === undefined ? 3 : Number(m[2]) };
      });
    case "availability":
      return list().map((entry) => {
        const m = /^(\w+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(entry);
        return m ? { day: m[1], start: m[2].padStart(5, "0"), end: m[3].padStart(5, "0") } : { day: entry, start: "", end: "" };
      });
    default:
      return text;
  }
}

/** The inverse, for CSV export: one cell per answer. */
export function answerToCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (!Array.isArray(value)) return String(value);
  return value
    .map((v) => {
      if (typeof v === "string") return v;
      if ("level" in v) return `${v.name}:${v.level}`;
      return `${v.day} ${v.start}-${v.end}`;
    })
    .join(";");
}
