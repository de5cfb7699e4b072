import { stringify } from "csv-stringify/sync";
import { answerToCell } from "../../../core/intake/csv-cells.js";
import { rulesFor } from "../../../core/programme-modes.js";
import type { Executor } from "../../platform/db.js";
import { findForm } from "../intake/repository.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { type DirectoryQuery, listDirectory } from "./directory.js";

const EXPORT_PAGE = 2000;

/**
 * The directory as CSV. The first columns follow the import contract (email, name, role,
 * one column per question key), so an export can be edited and imported back once the
 * trailing status columns are removed.
 */
export async function exportDirectoryCsv(db: Executor, programme: ProgrammeRow, filter: DirectoryQuery): Promise<string> {
  const keys: string[] = [];
  for (const role of rulesFor(programme.type).roles.applicants) {
    for (const q of (await findForm(db, programme.id, role))?.questions ?? []) if (!keys.includes(q.key)) keys.push(q.key);
  }
  const header = ["email", "name", "role", ...keys, "status", "applied_at", "training_completed"];
  const lines: string[][] = [header];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await listDirectory(db, programme.id, { ...filter, limit: EXPORT_PAGE, offset });
    for (const e of page.items) {
      lines.push([
        e.email,
        e.name,
        e.role,
        ...keys.map((k) => answerToCell(e.answers[k])),
        e.status,
        e.appliedAt ?? "",
        `${e.training.completed}/${e.training.total}`,
      ]);
    }
    if (page.items.length < EXPORT_PAGE) break;
  }
  // A leading =, +, - or @ would run as a formula when a coordinator opens the file in a spreadsheet.
  return stringify(lines.map((row) => row.map((cell) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell))));
}
