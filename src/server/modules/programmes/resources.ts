import { and, asc, eq } from "drizzle-orm";
import { termWeeks } from "../../../core/programmes/phases.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { badRequest, notFound } from "../../platform/errors.js";
import { programmeResources } from "../enrolment/tables.js";
import { loadProgrammeFor } from "./access.js";

const present = (r: typeof programmeResources.$inferSelect) => ({
  week: r.week,
  audience: r.audience,
  title: r.title,
  body: r.body,
  links: r.links,
});

/** The weekly resources: coordinators see both sides; a participant sees only their side's. */
export async function listResources(db: Db, principal: Principal, programmeId: string) {
  const { programme, roles } = await loadProgrammeFor(db, principal, programmeId, "view");
  const manage = principal.user.isAdmin || roles.includes("coordinator");
  const side = roles.includes("mentor") ? "mentor" : "mentee";
  const rows = await db
    .select()
    .from(programmeResources)
    .where(and(eq(programmeResources.programmeId, programme.id), manage ? undefined : eq(programmeResources.audience, side)))
    .orderBy(asc(programmeResources.week), asc(programmeResources.audience));
  return rows.map(present);
}

export async function saveResource(
  db: Db,
  principal: Principal,
  programmeId: string,
  week: number,
  audience: "mentor" | "mentee",
  input: { title: string; body: string; links: { label: string; url: string }[] },
) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  const weeks = termWeeks(programme.termStart, programme.termEnd);
  if (week > weeks)
    throw badRequest("validation_failed", `The term has ${weeks} weeks; choose a week from 1 to ${weeks}.`, {
      issues: [{ path: ["week"], message: `1 to ${weeks}` }],
    });
  const [row] = await db
    .insert(programmeResources)
    .values({ programmeId: programme.id, week, audience, ...input })
    .onConflictDoUpdate({ target: [programmeResources.programmeId, programmeResources.week, programmeResources.audience], set: input })
    .returning();
  return present(row);
}

export async function deleteResource(db: Db, principal: Principal, programmeId: string, week: number, audience: "mentor" | "mentee") {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  const rows = await db
    .delete(programmeResources)
    .where(
      and(eq(programmeResources.programmeId, programme.id), eq(programmeResources.week, week), eq(programmeResources.audience, audience)),
    )
    .returning({ week: programmeResources.week });
  if (rows.length === 0) throw notFound("That week's resource");
}
