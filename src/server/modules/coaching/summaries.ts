import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SessionSummary } from "../../../contracts/coaching.js";
import { isWritable } from "../../../core/relationships/status.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { lockOpenPair } from "../workspace/access.js";
import { findSession } from "../workspace/session-repository.js";
import { type LoadedEngagement, loadEngagement } from "./access.js";
import { authorizeContent, authorizeEngagement } from "./policies.js";
import { coachingSummaries } from "./tables.js";

/**
 * The summary the coach writes after a session and shares with the coachee. Until shared
 * it is the coach's draft: the coachee learns only that it is not shared yet. The coach's
 * private notes are separate (the workspace's private notes) and never shared.
 */
async function present(db: Db, l: LoadedEngagement, sessionId: string): Promise<z.infer<typeof SessionSummary>> {
  const session = await findSession(db, l.relationship.id, sessionId);
  const [row] = await db.select().from(coachingSummaries).where(eq(coachingSummaries.sessionId, session.id));
  const coach = l.role === "coach";
  const visible = coach || row?.status === "shared";
  return {
    sessionId: session.id,
    status: !row ? (coach ? "none" : "not_shared") : row.status === "shared" ? "shared" : coach ? "draft" : "not_shared",
    body: visible ? (row?.body ?? "") : null,
    version: visible ? (row?.version ?? 0) : 0,
    sharedAt: row?.sharedAt?.toISOString() ?? null,
    updatedAt: visible ? (row?.updatedAt.toISOString() ?? null) : null,
    canEdit: coach && isWritable(l.relationship.status, l.relationship.continuing),
  };
}

export async function readSummary(db: Db, principal: Principal, engagementId: string, sessionId: string) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeContent(l.role);
  return present(db, l, sessionId);
}

const notYet = () => conflict("session_not_started", "A summary is written after the session; this one has not started yet.");

export async function saveSummary(
  db: Db,
  principal: Principal,
  engagementId: string,
  sessionId: string,
  input: { version: number; body: string },
  now = new Date(),
) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "writeSummary");
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const session = await findSession(tx, l.relationship.id, sessionId, true);
    if (session.status === "cancelled") throw conflict("session_not_scheduled", "This session was cancelled; it has no summary.");
    if (session.startsAt > now) throw notYet();
    const [row] = await tx.select().from(coachingSummaries).where(eq(coachingSummaries.sessionId, session.id));
    if ((row?.version ?? 0) !== input.version)
      throw conflict(
        "version_conflict",
        "The summary changed since you opened it (in another tab?). Reload it, then make your change again.",
        {
          currentVersion: row?.version ?? 0,
        },
      );
    if (row)
      await tx
        .update(coachingSummaries)
        .set({ body: input.body, version: sql`${coachingSummaries.version} + 1`, updatedAt: now })
        .where(eq(coachingSummaries.sessionId, session.id));
    else
      await tx
        .insert(coachingSummaries)
        .values({ sessionId: session.id, relationshipId: l.relationship.id, body: input.body, updatedAt: now });
  });
  return present(db, l, sessionId);
}

export async function shareSummary(db: Db, principal: Principal, engagementId: string, sessionId: string, now = new Date()) {
  const l = await loadEngagement(db, principal, engagementId);
  authorizeEngagement(l.role, "writeSummary");
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, l.relationship.id);
    const session = await findSession(tx, l.relationship.id, sessionId, true);
    const [row] = await tx.select().from(coachingSummaries).where(eq(coachingSummaries.sessionId, session.id));
    if (!row?.body.trim()) throw badRequest("summary_empty", "Write the summary before sharing it.");
    if (row.status !== "shared")
      await tx.update(coachingSummaries).set({ status: "shared", sharedAt: now }).where(eq(coachingSummaries.sessionId, session.id));
  });
  return present(db, l, sessionId);
}
