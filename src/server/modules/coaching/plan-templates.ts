import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PlanTemplate, PlanTemplateCreate, PlanTemplateUpdate } from "../../../contracts/coaching.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { authorizeCoachingProgramme, authorizeTemplates } from "./policies.js";
import { seedShippedTemplates } from "./seed-coaching.js";
import { coachingPlanTemplates } from "./tables.js";

type TemplateRow = typeof coachingPlanTemplates.$inferSelect;

const present = (t: TemplateRow, by: string | null): z.infer<typeof PlanTemplate> => ({
  id: t.id,
  name: t.name,
  description: t.description,
  entries: t.entries,
  shipped: t.key !== null,
  archived: t.archivedAt !== null,
  updatedBy: by,
  updatedAt: t.updatedAt.toISOString(),
  version: t.version,
});

async function loadForTemplates(db: Executor, principal: Principal, programmeId: string) {
  const { programme, roles } = await loadProgrammeFor(db, principal, programmeId, "view");
  authorizeCoachingProgramme(programme);
  authorizeTemplates({ isAdmin: principal.user.isAdmin, roles });
  return programme;
}

/**
 * A programme's templates, current ones first. A coaching programme made before templates
 * existed gets Grove's two on first read (they are never deleted, only archived, so this
 * happens once).
 */
export async function listPlanTemplates(db: Db, principal: Principal, programmeId: string, archived?: boolean) {
  const programme = await loadForTemplates(db, principal, programmeId);
  const [any] = await db
    .select({ id: coachingPlanTemplates.id })
    .from(coachingPlanTemplates)
    .where(eq(coachingPlanTemplates.programmeId, programme.id))
    .limit(1);
  if (!any) await seedShippedTemplates(db, programme.id);
  const rows = await db
    .select({ t: coachingPlanTemplates, by: users.name })
    .from(coachingPlanTemplates)
    .leftJoin(users, eq(users.id, coachingPlanTemplates.updatedBy))
    .where(
      and(
        eq(coachingPlanTemplates.programmeId, programme.id),
        archived === undefined
          ? undefined
          : archived
            ? isNotNull(coachingPlanTemplates.archivedAt)
            : isNull(coachingPlanTemplates.archivedAt),
      ),
    )
    .orderBy(sql`${coachingPlanTemplates.archivedAt} is not null`, asc(coachingPlanTemplates.createdAt));
  return { items: rows.map((r) => present(r.t, r.by)) };
}

export async function createPlanTemplate(db: Db, principal: Principal, programmeId: string, input: z.infer<typeof PlanTemplateCreate>) {
  const programme = await loadForTemplates(db, principal, programmeId);
  const [row] = await db
    .insert(coachingPlanTemplates)
    .values({ programmeId: programme.id, ...input, updatedBy: principal.user.id })
    .returning();
  return present(row, principal.user.name);
}

/** Edits or archives a template; engagements already planned from it keep their own copy. */
export async function updatePlanTemplate(db: Db, principal: Principal, templateId: string, input: z.infer<typeof PlanTemplateUpdate>) {
  const [current] = await db.select().from(coachingPlanTemplates).where(eq(coachingPlanTemplates.id, templateId));
  if (!current) throw notFound("That template");
  await loadForTemplates(db, principal, current.programmeId);
  const { version, archived, ...fields } = input;
  const [row] = await db
    .update(coachingPlanTemplates)
    .set({
      ...fields,
      ...(archived === undefined ? {} : { archivedAt: archived ? (current.archivedAt ?? new Date()) : null }),
      version: sql`${coachingPlanTemplates.version} + 1`,
      updatedBy: principal.user.id,
      updatedAt: new Date(),
    })
    .where(and(eq(coachingPlanTemplates.id, templateId), eq(coachingPlanTemplates.version, version)))
    .returning();
  if (!row)
    throw conflict("version_conflict", "This template changed since you opened it. Reload it and make your change again.", {
      currentVersion: current.version,
    });
  return present(row, principal.user.name);
}

export async function findTemplate(db: Executor, programmeId: string, templateId: string) {
  const [row] = await db
    .select()
    .from(coachingPlanTemplates)
    .where(and(eq(coachingPlanTemplates.id, templateId), eq(coachingPlanTemplates.programmeId, programmeId)));
  if (!row) throw notFound("That template");
  if (row.archivedAt) throw conflict("template_archived", `The template "${row.name}" is archived; choose a current one.`);
  return row;
}
