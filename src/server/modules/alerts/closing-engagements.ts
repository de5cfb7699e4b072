import type { ClosingEngagementRow } from "../../../core/alerts/rules.js";
import type { Executor } from "../../platform/db.js";

/**
 * Coaching engagements close to their end with outcomes still lacking a final measurement:
 * what the "outcomes not measured" rule reads. Coaching engagements and their outcomes are
 * built alongside this queue (issue 11); until their tables land this reads none, and the
 * rule — already written and tested in core — stays quiet.
 */
export async function closingEngagements(_db: Executor, _programmeId: string, _now: Date): Promise<ClosingEngagementRow[]> {
  return [];
}
