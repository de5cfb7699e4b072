import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SessionPlan } from "../../../contracts/coaching.js";
import type { PlanEntry } from "../../../core/coaching/templates.js";
import { isWritable } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { lockOpenPair } from "../workspace/access.js";
import { pairSessions } from "../workspace/tables.js";
import { type LoadedEngagement, loadEngagement } from "./access.js";
import { findTemplate } from "./plan-templates.js";
import { authorizeContent, authorizeEngagement } from "./policies.js";
import { stateOf } from "./present.js";
import { coachingSessionPlans } from "./tables.js";

/**
 * The coach's session plan: one entry per session, in order. Entry n goes with the
 * engagement's n-th session that was not cancelled, so the plan reads against the calendar.
 */
async function presentPlan(db: Executor, l: LoadedEngagement): Promise<z.infer<typeof SessionPlan>> {
  const [[row], sessions, state] = await Promise.all([
    db.select().from(coachingSessionPlans).where(eq(coachingSessionPlans.relationshipId, l.relationship.id)),
    db
      .select({ id: pairSessions.id })
      .from(pairSessions)
      .where(and(eq(pairSessions.relationshipId, l.relationship.id), ne(pairSessions.status, "cancelled")))
      .orderBy(asc(pairSessions.startsAt)),
    stateOf(db, l),
  ]);
  const entries = row?.entries ?? [];
  return {
    engagementId: l.relationship.id,
    templateName: row?.templateName ?? null,
    entries: entries.map((e, i) => ({ position: i + 1, ...e, sessionId: sessions[i]?.id ?? null })),
    packageSessions: state.allowance.sessions,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canEdit: l.role === "coach" && isWritable(l.relationship.status, l.relationship.continuing),
  };
}

export async function readSessionPlan(db: Db, principal: Principal, engagementId: string) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeContent(l.role);
  return presentPlan(db, l);
}

async function savePlan(db: Db, l: LoadedEngagement, userId: string, version: number, entries: PlanEntry[], templateName?: string | null) {
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const [row] = await tx.select().from(coachingSessionPlans).where(eq(coachingSessionPlans.relationshipId, l.relationship.id));
    if ((row?.version ?? 0) !== version)
      throw conflict("version_conflict", "The session plan changed since you opened it. Reload it and make your change again.", {
        currentVersion: row?.version ?? 0,
      });
    const values = { entries, updatedBy: userId, updatedAt: new Date(), ...(templateName === undefined ? {} : { templateName }) };
    if (row)
      await tx
        .update(coachingSessionPlans)
        .set({ ...values, version: sql`${coachingSessionPlans.version} + 1` })
        .where(eq(coachingSessionPlans.relationshipId, l.relationship.id));
    else await tx.insert(coachingSessionPlans).values({ relationshipId: l.relationship.id, templateName: null, ...values });
  });
}

/** The coach writes the plan; the coachee reads it (and gets 403 on writing it). */
export async function saveSessionPlan(
  db: Db,
  principal: Principal,
  engagementId: string,
  input: { version: number; entries: PlanEntry[] },
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "writeSessionPlan");
  await savePlan(db, l, principal.user.id, input.version, input.entries);
  return presentPlan(db, await loadEngagement(db, principal, engagementId));
}

/** Starts (or restarts) the plan from one of the programme's templates: a copy the coach then adapts. */
export async function planFromTemplate(db: Db, principal: Principal, engagementId: string, input: { version: number; templateId: string }) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "writeSessionPlan");
  const template = await findTemplate(db, l.programme.id, input.templateId);
  await savePlan(db, l, principal.user.id, input.version, template.entries, template.name);
  return presentPlan(db, await loadEngagement(db, principal, engagementId));
}
