import { eq, sql } from "drizzle-orm";
import { checkInPlanProblem, defaultSupportSettings, type SupportSettings } from "../../../core/alerts/settings.js";
import { termWeeks } from "../../../core/programmes/phases.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Executor } from "../../platform/db.js";
import { badRequest, conflict } from "../../platform/errors.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { loadProgrammeActor } from "./access.js";
import { assertRunsSupport } from "./policies.js";
import { supportSettings } from "./tables.js";

/** A programme's thresholds and check-in plan: its saved ones, or the defaults for its term. */
export async function settingsOf(db: Executor, programme: Pick<ProgrammeRow, "id" | "termStart" | "termEnd">) {
  const [row] = await db.select().from(supportSettings).where(eq(supportSettings.programmeId, programme.id));
  // Saved settings written before a threshold existed get that threshold's default.
  const settings: SupportSettings = { ...defaultSupportSettings(programme), ...(row?.settings ?? {}) };
  return { settings, version: row?.version ?? 0 };
}

/** Every programme's settings at once, for jobs that go through many programmes. */
export async function settingsByProgramme(db: Executor, programmes: Pick<ProgrammeRow, "id" | "termStart" | "termEnd">[]) {
  const rows = programmes.length ? await db.select().from(supportSettings) : [];
  const saved = new Map(rows.map((r) => [r.programmeId, r.settings]));
  return new Map(programmes.map((p) => [p.id, { ...defaultSupportSettings(p), ...(saved.get(p.id) ?? {}) } as SupportSettings]));
}

export async function readSupportSettings(db: Executor, principal: Principal, programmeId: string) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertRunsSupport(actor);
  return { ...(await settingsOf(db, programme)), termWeeks: termWeeks(programme.termStart, programme.termEnd) };
}

/** Saves the settings if nobody else changed them since `version` (0: never saved). */
export async function updateSupportSettings(
  db: Executor,
  principal: Principal,
  programmeId: string,
  input: SupportSettings,
  version: number,
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertRunsSupport(actor);
  const weeks = termWeeks(programme.termStart, programme.termEnd);
  const problem = checkInPlanProblem(input.checkInPlan, weeks);
  if (problem) throw badRequest("validation_failed", problem, { issues: [{ path: ["checkInPlan"], message: problem }] });
  const settings = { ...input, checkInPlan: [...input.checkInPlan].sort((a, b) => a.week - b.week) };
  const saved =
    version === 0
      ? await db
          .insert(supportSettings)
          .values({ programmeId: programme.id, settings, updatedBy: principal.user.id })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(supportSettings)
          .set({ settings, version: sql`${supportSettings.version} + 1`, updatedBy: principal.user.id, updatedAt: sql`now()` })
          .where(sql`${supportSettings.programmeId} = ${programme.id} and ${supportSettings.version} = ${version}`)
          .returning();
  if (saved.length === 0) {
    const current = await settingsOf(db, programme);
    throw conflict(
      "version_conflict",
      "Another coordinator changed these settings since you opened them. Reload and make your change again.",
      {
        currentVersion: current.version,
      },
    );
  }
  return { settings: saved[0].settings, version: saved[0].version, termWeeks: weeks };
}
