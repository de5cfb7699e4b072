import { termProblem } from "../../../core/programme-term.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { loadProgrammeFor } from "./access.js";
import { termError } from "./create-programme.js";
import { updateProgrammeAtVersion } from "./repository.js";

export type ProgrammeChanges = {
  version: number;
  name?: string;
  type?: "mentoring" | "coaching";
  description?: string;
  termStart?: string;
  termEnd?: string;
};

const staleEdit = (current: number) =>
  conflict(
    "version_conflict",
    "Someone else changed this programme while you were editing. Reload to see their changes, then edit again.",
    {
      currentVersion: current,
    },
  );

/** Edits a programme with optimistic concurrency: an edit of an old version is refused, never merged silently. */
export async function updateProgramme(db: Db, principal: Principal, id: string, changes: ProgrammeChanges) {
  const { programme, roles } = await loadProgrammeFor(db, principal, id, "manage");
  if (programme.status === "archived") {
    throw conflict("programme_archived", "This programme is archived. Restore it before editing.");
  }
  if (programme.version !== changes.version) throw staleEdit(programme.version);
  const termStart = changes.termStart ?? programme.termStart;
  const termEnd = changes.termEnd ?? programme.termEnd;
  const problem = termProblem(termStart, termEnd);
  if (problem) throw termError(problem);
  const { version, ...fields } = changes;
  const updated = await updateProgrammeAtVersion(db, id, version, fields);
  if (!updated) throw staleEdit(programme.version + 1);
  return { programme: updated, roles };
}

/** Archive hides a programme from everyday lists; restore undoes it. Both are idempotent. */
export async function setProgrammeArchived(db: Db, principal: Principal, id: string, archived: boolean) {
  const { programme, roles } = await loadProgrammeFor(db, principal, id, "manage");
  if ((programme.status === "archived") === archived) return { programme, roles };
  const updated = await updateProgrammeAtVersion(db, id, programme.version, {
    status: archived ? "archived" : "active",
    archivedAt: archived ? new Date() : null,
  });
  if (!updated) throw staleEdit(programme.version + 1);
  return { programme: updated, roles };
}
