import { eq, sql } from "drizzle-orm";
import { rulesFor } from "../../../core/programme-modes.js";
import { termProblem } from "../../../core/programme-term.js";
import { type ProgrammeStatus, transitionProblem } from "../../../core/programmes/lifecycle.js";
import { defaultPhases, type Phase, phasesProblem, termWeeks } from "../../../core/programmes/phases.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { coachingPackages, coachingPlanTemplates } from "../coaching/tables.js";
import { enrolments, intakeForms, intakeFormVersions, programmeResources } from "../enrolment/tables.js";
import { loadProgrammeFor } from "./access.js";
import { termError } from "./create-programme.js";
import { updateProgrammeAtVersion } from "./repository.js";
import { seedProgrammeDefaults } from "./seed-defaults.js";

export type ProgrammeChanges = {
  version: number;
  name?: string;
  type?: "mentoring" | "coaching";
  description?: string;
  termStart?: string;
  termEnd?: string;
  cadence?: "weekly" | "fortnightly" | "monthly";
  sessionMinutes?: number;
  matchMode?: "round" | "self";
  acceptance?: "auto" | "two_sided";
  requestLimit?: number;
  requestExpiryDays?: number;
  phases?: Phase[];
  applicationsOpenAt?: string | null;
  applicationsCloseAt?: string | null;
};

const staleEdit = (current: number) =>
  conflict(
    "version_conflict",
    "Someone else changed this programme while you were editing. Reload to see their changes, then edit again.",
    {
      currentVersion: current,
    },
  );

const fieldError = (field: string, message: string) => badRequest("validation_failed", message, { issues: [{ path: [field], message }] });

/** Edits a programme with optimistic concurrency: an edit of an old version is refused, never merged silently. */
export async function updateProgramme(db: Db, principal: Principal, id: string, changes: ProgrammeChanges) {
  const { programme, roles } = await loadProgrammeFor(db, principal, id, "manage");
  if (programme.status === "archived") throw conflict("programme_archived", "This programme is archived. Restore it before editing.");
  if (programme.version !== changes.version) throw staleEdit(programme.version);

  const termStart = changes.termStart ?? programme.termStart;
  const termEnd = changes.termEnd ?? programme.termEnd;
  const problem = termProblem(termStart, termEnd);
  if (problem) throw termError(problem);

  const type = changes.type ?? programme.type;
  const weeks = termWeeks(termStart, termEnd);
  let phases = changes.phases ?? programme.phases;
  const rules = rulesFor(type);
  if ((changes.matchMode ?? programme.matchMode) === "self" && !rules.pairing.includes("self_match"))
    throw fieldError("matchMode", `A ${type} programme does not use self-match: coachees pick from a shortlist of coaches instead.`);
  if (!rules.features.phases) phases = [];
  else if (changes.phases) {
    const phaseProblem = phasesProblem(changes.phases, weeks);
    if (phaseProblem) throw fieldError("phases", phaseProblem);
  } else if (phases.length === 0 || phasesProblem(phases, weeks)) {
    // The term changed length (or the type became mentoring): start from the default split.
    phases = defaultPhases(weeks);
  }

  const openAt = changes.applicationsOpenAt === undefined ? programme.applicationsOpenAt : toDate(changes.applicationsOpenAt);
  const closeAt = changes.applicationsCloseAt === undefined ? programme.applicationsCloseAt : toDate(changes.applicationsCloseAt);
  if (openAt && closeAt && closeAt <= openAt) throw fieldError("applicationsCloseAt", "Applications must close after they open.");

  const { version, ...fields } = changes;
  return db.transaction(async (tx) => {
    if (type !== programme.type) {
      // Forms and roles follow the type, so it can change only before anyone enrols.
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(enrolments).where(eq(enrolments.programmeId, id));
      if (programme.status !== "draft" || Number(n) > 0) {
        throw conflict("type_locked", "The type can change only while the programme is a draft with nobody enrolled.");
      }
      await tx.delete(intakeForms).where(eq(intakeForms.programmeId, id));
      await tx.delete(intakeFormVersions).where(eq(intakeFormVersions.programmeId, id));
      await tx.delete(programmeResources).where(eq(programmeResources.programmeId, id));
      // Nobody is enrolled, so no engagement uses them: the new type seeds its own.
      await tx.delete(coachingPlanTemplates).where(eq(coachingPlanTemplates.programmeId, id));
      await tx.delete(coachingPackages).where(eq(coachingPackages.programmeId, id));
    }
    const updated = await updateProgrammeAtVersion(tx, id, version, {
      ...fields,
      phases,
      applicationsOpenAt: openAt,
      applicationsCloseAt: closeAt,
    });
    if (!updated) throw staleEdit(programme.version + 1);
    if (type !== programme.type) await seedProgrammeDefaults(tx, updated);
    return { programme: updated, roles };
  });
}

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));

/** Moves a programme along its lifecycle (draft → open → matching → running → completed). */
export async function changeProgrammeStatus(db: Db, principal: Principal, id: string, to: ProgrammeStatus, version: number) {
  const { programme, roles } = await loadProgrammeFor(db, principal, id, "manage");
  if (programme.version !== version) throw staleEdit(programme.version);
  const problem = transitionProblem(programme.status, to);
  if (problem) throw conflict("invalid_transition", problem, { from: programme.status, to });
  const updated = await updateProgrammeAtVersion(db, id, version, { status: to });
  if (!updated) throw staleEdit(programme.version + 1);
  return { programme: updated, roles };
}

/** Archive hides a programme from everyday lists; restore puts it back where it was. Both are idempotent. */
export async function setProgrammeArchived(db: Db, principal: Principal, id: string, archived: boolean) {
  const { programme, roles } = await loadProgrammeFor(db, principal, id, "manage");
  if ((programme.status === "archived") === archived) return { programme, roles };
  const updated = await updateProgrammeAtVersion(
    db,
    id,
    programme.version,
    archived
      ? { status: "archived", statusBeforeArchive: programme.status, archivedAt: new Date() }
      : { status: programme.statusBeforeArchive ?? "draft", statusBeforeArchive: null, archivedAt: null },
  );
  if (!updated) throw staleEdit(programme.version + 1);
  return { programme: updated, roles };
}
