import type { ClosingEngagementRow } from "../../../core/alerts/rules.js";
import type { Executor } from "../../platform/db.js";
import { engagementsAtRiskOfClosingUnmeasured } from "../coaching/repository.js";

/**
 * Coaching engagements at risk of closing with outcomes unmeasured, as the coaching module
 * defines it (one definition for its overview and this queue). Mentoring programmes have
 * none. Only ids, dates and counts: never an outcome's wording.
 */
export async function closingEngagements(db: Executor, programmeId: string, now: Date): Promise<ClosingEngagementRow[]> {
  const atRisk = await engagementsAtRiskOfClosingUnmeasured(db, { programmeId }, now);
  return atRisk.map((e) => ({ relationshipId: e.engagementId, closesOn: e.endsOn, unmeasured: e.unmeasured }));
}
