import type { Executor } from "../../platform/db.js";
import type { ActionItemCounts } from "./present-goal.js";

/**
 * Open and done action items linked to each goal. Action items live in the workspace
 * module (sessions); until its table carries goal_id, no counts are known and goals say so
 * (null) rather than claiming zero.
 */
export async function linkedActionItemCounts(_db: Executor, _goalIds: string[]): Promise<Map<string, ActionItemCounts> | null> {
  return null;
}
