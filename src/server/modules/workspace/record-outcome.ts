import { eq } from "drizzle-orm";
import { outcomeProblem } from "../../../core/workspace/session-rules.js";
import type { Db } from "../../platform/db.js";
import { conflict } from "../../platform/errors.js";
import { lockOpenPair, type Pair } from "./access.js";
import type { SessionRow } from "./present.js";
import { findSession } from "./session-repository.js";
import { pairSessions } from "./tables.js";

/** Records whether a session that has started was held or missed (and lets a wrong answer be corrected). */
export async function recordOutcome(
  db: Db,
  pair: Pair,
  sessionId: string,
  outcome: "held" | "missed",
  now = new Date(),
): Promise<SessionRow> {
  return db.transaction(async (tx) => {
    const r = await lockOpenPair(tx, pair.relationship.id);
    const s = await findSession(tx, r.id, sessionId, true);
    const problem = outcomeProblem(s, now);
    if (problem) throw conflict(problem.code, problem.message);
    const [row] = await tx
      .update(pairSessions)
      .set({ status: outcome, outcomeAt: now, updatedAt: now })
      .where(eq(pairSessions.id, s.id))
      .returning();
    return row;
  });
}
