import { and, count, desc, eq, ne } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeFor } from "../programmes/access.js";
import { authorizeCoachingProgramme } from "./policies.js";
import { shortlistSummaries } from "./shortlists.js";
import { coachingShortlists } from "./tables.js";

/**
 * The coordinator's view of shortlists: who was offered whom, the fit score, how many
 * chemistry calls, and where each stands. No profile details or the coachee's reasons.
 * A status filter of "open" also finds picks a coach declined (open again).
 */
export async function listShortlists(
  db: Db,
  principal: Principal,
  programmeId: string,
  q: { status?: "open" | "picked" | "withdrawn"; limit: number; offset: number },
) {
  const { programme } = await loadProgrammeFor(db, principal, programmeId, "manage");
  authorizeCoachingProgramme(programme);
  const stored =
    q.status === "withdrawn"
      ? eq(coachingShortlists.status, "withdrawn")
      : q.status
        ? ne(coachingShortlists.status, "withdrawn")
        : undefined;
  const where = and(eq(coachingShortlists.programmeId, programme.id), stored);
  const rows = await db.select().from(coachingShortlists).where(where).orderBy(desc(coachingShortlists.createdAt), coachingShortlists.id);
  // The open/picked split is derived from the engagement (a declined pick is open again), so filter after deriving.
  const all = await shortlistSummaries(db, rows);
  const items = q.status && q.status !== "withdrawn" ? all.filter((s) => s.status === q.status) : all;
  const [{ n }] =
    q.status && q.status !== "withdrawn" ? [{ n: items.length }] : await db.select({ n: count() }).from(coachingShortlists).where(where);
  return { items: items.slice(q.offset, q.offset + q.limit), total: Number(n), limit: q.limit, offset: q.offset };
}
