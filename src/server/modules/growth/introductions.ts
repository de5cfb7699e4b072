import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { conflict, notFound } from "../../platform/errors.js";
import { loadPair, notYourSide, writeToPair } from "./access.js";
import { introductions } from "./tables.js";

type IntroductionRow = typeof introductions.$inferSelect;
type Kind = IntroductionRow["kind"];
type Status = IntroductionRow["status"];

const present = (r: IntroductionRow) => ({
  id: r.id,
  kind: r.kind,
  what: r.what,
  whoOrWhere: r.whoOrWhere,
  occurredOn: r.occurredOn,
  status: r.status,
  outcome: r.outcome,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const MENTOR_FIELDS = ["kind", "what", "whoOrWhere", "occurredOn"] as const;
const MENTEE_FIELDS = ["status", "outcome"] as const;

/** Doors the mentor opened, newest first. */
export async function listIntroductions(db: Db, principal: Principal, relationshipId: string, page: { limit: number; offset: number }) {
  const pair = await loadPair(db, principal, relationshipId, "introductions");
  const where = eq(introductions.relationshipId, pair.relationship.id);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(introductions)
      .where(where)
      .orderBy(desc(introductions.occurredOn), desc(introductions.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(introductions).where(where),
  ]);
  return { items: rows.map(present), total: Number(total.n), ...page };
}

/** The mentor logs an introduction or opportunity they opened for the mentee. */
export async function openIntroduction(
  outer: Db,
  principal: Principal,
  relationshipId: string,
  input: { kind: Kind; what: string; whoOrWhere: string; occurredOn: string },
) {
  return writeToPair(outer, principal, relationshipId, "introductions", async (db, pair) => {
    if (pair.side !== "mentor") {
      throw notYourSide("mentor_opens_introductions", "Introductions are logged by the mentor; you can record how each one went.");
    }
    const [row] = await db
      .insert(introductions)
      .values({ relationshipId: pair.relationship.id, openedBy: principal.user.id, ...input })
      .returning();
    return present(row);
  });
}

/**
 * Each side changes its own part: the mentor what was opened, the mentee the status and
 * how it went. Sending the other side's fields is refused, not silently ignored.
 */
export async function updateIntroduction(
  outer: Db,
  principal: Principal,
  relationshipId: string,
  id: string,
  input: { version: number; kind?: Kind; what?: string; whoOrWhere?: string; occurredOn?: string; status?: Status; outcome?: string },
) {
  return writeToPair(outer, principal, relationshipId, "introductions", async (db, pair) => {
    const { version, ...changes } = input;
    const others = pair.side === "mentor" ? MENTEE_FIELDS : MENTOR_FIELDS;
    const trespass = others.filter((f) => changes[f] !== undefined);
    if (trespass.length) {
      throw notYourSide(
        pair.side === "mentor" ? "mentee_records_outcome" : "mentor_describes_introduction",
        pair.side === "mentor"
          ? "The mentee records the status and outcome of an introduction."
          : "The mentor describes the introduction; you can change its status and outcome.",
      );
    }
    const [current] = await db
      .select()
      .from(introductions)
      .where(and(eq(introductions.id, id), eq(introductions.relationshipId, pair.relationship.id)));
    if (!current) throw notFound("That introduction");
    const [row] = await db
      .update(introductions)
      .set({ ...changes, version: sql`${introductions.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(introductions.id, id), eq(introductions.version, version)))
      .returning();
    if (!row)
      throw conflict("version_conflict", "This entry changed since you opened it. Reload it and make your change again.", {
        currentVersion: current.version,
      });
    return present(row);
  });
}

/** The mentor removes an entry logged by mistake. */
export async function deleteIntroduction(outer: Db, principal: Principal, relationshipId: string, id: string) {
  return writeToPair(outer, principal, relationshipId, "introductions", async (db, pair) => {
    if (pair.side !== "mentor") throw notYourSide("mentor_opens_introductions", "Only the mentor can remove an introduction they logged.");
    const [gone] = await db
      .delete(introductions)
      .where(and(eq(introductions.id, id), eq(introductions.relationshipId, pair.relationship.id)))
      .returning({ id: introductions.id });
    if (!gone) throw notFound("That introduction");
  });
}
