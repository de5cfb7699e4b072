import { eq } from "drizzle-orm";
import { allowance, newSessionsProblem, usage } from "../../../core/coaching/package.js";
import type { Executor } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { pairSessions } from "../workspace/tables.js";
import { findEngagement } from "./access.js";
import { extensionsOf } from "./repository.js";

/**
 * The package's say over a coaching engagement's sessions, for the workspace's scheduling
 * (which knows sessions, not packages). A mentoring pair has no engagement and no package:
 * nothing to check. Called inside the writer's transaction, after the pair's row lock, so
 * two bookings at once cannot both take the last session.
 */
export async function assertWithinPackage(db: Executor, relationshipId: string, adding: number, lastDate: string) {
  const engagement = await findEngagement(db, relationshipId);
  if (!engagement) return;
  const [sessions, extensions] = await Promise.all([
    db
      .select({
        status: pairSessions.status,
        lateCancellation: pairSessions.lateCancellation,
        cancelledBySide: pairSessions.cancelledBySide,
      })
      .from(pairSessions)
      .where(eq(pairSessions.relationshipId, relationshipId)),
    extensionsOf(db, relationshipId),
  ]);
  const a = allowance(
    engagement,
    engagement.startDate,
    extensions.map((x) => x.extension),
  );
  const problem = newSessionsProblem(usage(sessions), a, adding, lastDate);
  if (problem) throw conflict(problem.code, problem.message, { sessions: a.sessions, endsOn: a.endsOn });
}

/** The session length a new session of this pair defaults to: the package's in coaching. */
export async function packageSessionMinutes(db: Executor, relationshipId: string): Promise<number | null> {
  return (await findEngagement(db, relationshipId))?.sessionMinutes ?? null;
}
