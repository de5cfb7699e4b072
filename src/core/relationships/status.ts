/**
 * A relationship is one mentor (or coach) with one mentee (or coachee) in one programme.
 * Proposed pairs wait for acceptance; active pairs meet and may pause; a term ends as
 * completed, or earlier as ended (either side, with a reason). A proposal a side turned
 * down is declined. Proposed, active and paused pairs hold one of the mentor's places.
 */
export const RELATIONSHIP_STATUSES = ["proposed", "active", "paused", "completed", "ended", "declined"] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/** The statuses that occupy a mentor's capacity and the mentee's one place in a programme. */
export const HOLDING_STATUSES = ["proposed", "active", "paused"] as const satisfies readonly RelationshipStatus[];

export const isHolding = (s: RelationshipStatus) => (HOLDING_STATUSES as readonly string[]).includes(s);

/** Where a relationship came from. */
export const RELATIONSHIP_ORIGINS = ["round", "self_match", "manual", "rematch", "shortlist"] as const;
export type RelationshipOrigin = (typeof RELATIONSHIP_ORIGINS)[number];

/** What the coordinator is told about an early end: the category, never the reason's text. */
export const END_CATEGORIES = ["schedule", "fit", "goals_met", "left_organisation", "personal", "rematch", "other"] as const;
export type EndCategory = (typeof END_CATEGORIES)[number];

export const END_CATEGORY_LABELS: Record<EndCategory, string> = {
  schedule: "Could not find time to meet",
  fit: "Not the right fit",
  goals_met: "Goals reached early",
  left_organisation: "Someone left the organisation",
  personal: "Personal reasons",
  rematch: "Rematched by the coordinator",
  other: "Something else",
};

const NEXT: Record<RelationshipStatus, RelationshipStatus[]> = {
  proposed: ["active", "declined", "ended"],
  active: ["paused", "completed", "ended"],
  paused: ["active", "completed", "ended"],
  completed: [],
  ended: [],
  declined: [],
};

export function relationshipTransitionProblem(from: RelationshipStatus, to: RelationshipStatus): string | null {
  if (from === to) return `The relationship is already ${to}.`;
  if (NEXT[from].includes(to)) return null;
  if (from === "completed" || from === "ended" || from === "declined") return `This relationship is ${from}; it cannot change any more.`;
  return `A ${from} relationship cannot become ${to}.`;
}

/**
 * Whether the pair can still write in their workspace. A completed relationship stays
 * writable only when both chose to continue after the term.
 */
export function isWritable(status: RelationshipStatus, continuing: boolean): boolean {
  if (status === "active" || status === "paused") return true;
  return status === "completed" && continuing;
}
