import { and, count, desc, eq, ilike, inArray, ne, or, sql } from "drizzle-orm";
import type { ProgrammeRoleName } from "../../../core/permissions.js";
import type { ProgrammeStatus } from "../../../core/programmes/lifecycle.js";
import { type Executor, escapeLike } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmeMembers, programmes } from "./tables.js";

export type ProgrammeRow = typeof programmes.$inferSelect;

export const listMembershipsOfUser = (db: Executor, userId: string) =>
  db
    .select({ programmeId: programmeMembers.programmeId, role: programmeMembers.role })
    .from(programmeMembers)
    .where(eq(programmeMembers.userId, userId))
    .orderBy(programmeMembers.programmeId, programmeMembers.role);

export async function rolesInProgramme(db: Executor, programmeId: string, userId: string): Promise<ProgrammeRoleName[]> {
  const rows = await db
    .select({ role: programmeMembers.role })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.userId, userId)));
  return rows.map((r) => r.role);
}

export async function coordinatesAny(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.userId, userId), eq(programmeMembers.role, "coordinator")))
    .limit(1);
  return rows.length > 0;
}

export const findProgramme = async (db: Executor, id: string) =>
  (await db.select().from(programmes).where(eq(programmes.id, id)).limit(1))[0];

export const findProgrammeBySlug = async (db: Executor, slug: string) =>
  (await db.select().from(programmes).where(eq(programmes.slug, slug)).limit(1))[0];

export async function slugsStartingWith(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: programmes.slug })
    .from(programmes)
    .where(or(eq(programmes.slug, base), ilike(programmes.slug, `${escapeLike(base)}-%`)));
  return new Set(rows.map((r) => r.slug));
}

export async function insertProgramme(db: Executor, values: typeof programmes.$inferInsert) {
  const [row] = await db.insert(programmes).values(values).returning();
  return row;
}

/** Applies a change only if the row is still at `version`; returns undefined on a stale edit. */
export async function updateProgrammeAtVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof programmes.$inferInsert>,
) {
  const [row] = await db
    .update(programmes)
    .set({ ...changes, version: sql`${programmes.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning();
  return row;
}

export type ProgrammeFilter = {
  status: "active" | "all" | ProgrammeStatus;
  q?: string;
  /** Restrict to programmes this user belongs to; undefined = all (instance admin). */
  memberId?: string;
  limit: number;
  offset: number;
};

export async function listProgrammes(db: Executor, f: ProgrammeFilter) {
  const conditions = [
    f.status === "all" ? undefined : f.status === "active" ? ne(programmes.status, "archived") : eq(programmes.status, f.status),
    f.q ? or(ilike(programmes.name, `%${escapeLike(f.q)}%`), ilike(programmes.slug, `%${escapeLike(f.q)}%`)) : undefined,
    f.memberId
      ? or(
          inArray(
            programmes.id,
            db.select({ id: programmeMembers.programmeId }).from(programmeMembers).where(eq(programmeMembers.userId, f.memberId)),
          ),
          inArray(programmes.id, db.select({ id: enrolments.programmeId }).from(enrolments).where(eq(enrolments.userId, f.memberId))),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const [items, [{ n }]] = await Promise.all([
    db.select().from(programmes).where(where).orderBy(desc(programmes.createdAt), programmes.id).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(programmes).where(where),
  ]);
  return { items, total: Number(n) };
}

export async function addMember(db: Executor, programmeId: string, userId: string, role: ProgrammeRoleName) {
  await db.insert(programmeMembers).values({ programmeId, userId, role }).onConflictDoNothing();
}

export const listMembers = (db: Executor, programmeId: string) =>
  db
    .select({
      userId: programmeMembers.userId,
      email: users.email,
      name: users.name,
      role: programmeMembers.role,
      addedAt: programmeMembers.addedAt,
    })
    .from(programmeMembers)
    .innerJoin(users, eq(users.id, programmeMembers.userId))
    .where(eq(programmeMembers.programmeId, programmeId))
    .orderBy(programmeMembers.role, users.name);

/** The caller's roles in each of the given programmes, for list views. */
export async function rolesByProgramme(db: Executor, userId: string, programmeIds: string[]) {
  const map = new Map<string, ProgrammeRoleName[]>();
  if (programmeIds.length === 0) return map;
  const rows = await db
    .select({ programmeId: programmeMembers.programmeId, role: programmeMembers.role })
    .from(programmeMembers)
    .where(and(eq(programmeMembers.userId, userId), inArray(programmeMembers.programmeId, programmeIds)));
  for (const r of rows) map.set(r.programmeId, [...(map.get(r.programmeId) ?? []), r.role]);
  return map;
}
