import { and, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Package, PackageCreate, PackageUpdate } from "../../../contracts/coaching.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db, Executor } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { authorizeCoachingProgramme } from "./policies.js";
import { coachingEngagements, coachingPackages } from "./tables.js";

type PackageRow = typeof coachingPackages.$inferSelect;

const present = (p: PackageRow, engagements: number): z.infer<typeof Package> => ({
  id: p.id,
  programmeId: p.programmeId,
  name: p.name,
  sessions: p.sessions,
  sessionMinutes: p.sessionMinutes,
  periodWeeks: p.periodWeeks,
  sponsorRequired: p.sponsorRequired,
  referencePrice: p.referencePrice,
  costCentre: p.costCentre,
  archived: p.archivedAt !== null,
  engagements,
  version: p.version,
});

async function engagementCount(db: Executor, packageId: string) {
  const [{ n }] = await db.select({ n: count() }).from(coachingEngagements).where(eq(coachingEngagements.packageId, packageId));
  return Number(n);
}

/** A programme's packages, current ones first. Coordinators only: a package is how the programme is run. */
export async function listPackages(db: Db, principal: Principal, programmeId: string) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  authorizeCoachingProgramme(programme);
  const rows = await db
    .select({
      p: coachingPackages,
      n: sql<number>`(select count(*)::int from ${coachingEngagements} e where e.package_id = ${coachingPackages.id})`,
    })
    .from(coachingPackages)
    .where(eq(coachingPackages.programmeId, programme.id))
    .orderBy(sql`${coachingPackages.archivedAt} is not null`, coachingPackages.createdAt);
  return { items: rows.map((r) => present(r.p, Number(r.n))) };
}

export async function createPackage(db: Db, principal: Principal, programmeId: string, input: z.infer<typeof PackageCreate>) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  authorizeCoachingProgramme(programme);
  const [row] = await db
    .insert(coachingPackages)
    .values({ programmeId: programme.id, ...input })
    .returning();
  return present(row, 0);
}

/** A package loaded for one of its programme's coordinators (outsiders 404, other members 403, as for the programme). */
async function loadPackageToManage(db: Db, principal: Principal, packageId: string) {
  const [row] = await db.select().from(coachingPackages).where(eq(coachingPackages.id, packageId));
  if (!row) throw notFound("That package");
  await loadProgrammeFor(db, principal, row.programmeId, "manage");
  return row;
}

/**
 * Edits a package, or archives it. Running engagements keep the terms they started with,
 * so an edit never changes what a coachee was promised; archiving only stops new ones.
 */
export async function updatePackage(db: Db, principal: Principal, packageId: string, input: z.infer<typeof PackageUpdate>) {
  const current = await loadPackageToManage(db, principal, packageId);
  const { version, archived, ...fields } = input;
  const [row] = await db
    .update(coachingPackages)
    .set({
      ...fields,
      ...(archived === undefined ? {} : { archivedAt: archived ? (current.archivedAt ?? new Date()) : null }),
      version: sql`${coachingPackages.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(coachingPackages.id, packageId), eq(coachingPackages.version, version)))
    .returning();
  if (!row)
    throw conflict("version_conflict", "This package changed since you opened it. Reload it and make your change again.", {
      currentVersion: current.version,
    });
  return present(row, await engagementCount(db, row.id));
}

/** A live package of the programme, for a new shortlist or engagement. */
export async function usablePackage(db: Executor, programmeId: string, packageId: string) {
  const [row] = await db
    .select()
    .from(coachingPackages)
    .where(and(eq(coachingPackages.id, packageId), eq(coachingPackages.programmeId, programmeId)));
  if (!row) throw notFound("That package");
  if (row.archivedAt) throw conflict("package_archived", `The package "${row.name}" is archived; choose a current one.`);
  return row;
}
