import type { RelationshipStatus } from "../relationships/status.js";
import type { ClosingReason } from "./package.js";

/**
 * Where an engagement stands, derived from the relationship, the agreement and the package
 * (never stored, so never stale): waiting for the coach, contracting the outcomes, under
 * way, closing (package used or period over), or finished.
 */
export const ENGAGEMENT_STAGES = ["proposed", "contracting", "in_progress", "closing", "completed", "ended", "declined"] as const;
export type EngagementStage = (typeof ENGAGEMENT_STAGES)[number];

export const STAGE_LABELS: Record<EngagementStage, string> = {
  proposed: "Waiting for the coach",
  contracting: "Contracting",
  in_progress: "Under way",
  closing: "Closing",
  completed: "Completed",
  ended: "Ended early",
  declined: "Declined",
};

export function engagementStage(s: { status: RelationshipStatus; agreed: boolean; closing: ClosingReason | null }): EngagementStage {
  if (s.status === "proposed" || s.status === "completed" || s.status === "ended" || s.status === "declined") return s.status;
  if (s.closing) return "closing";
  return s.agreed ? "in_progress" : "contracting";
}

export const isLiveStage = (stage: EngagementStage) => stage === "contracting" || stage === "in_progress" || stage === "closing";
