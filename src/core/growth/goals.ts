/**
 * GROW goals belong to the mentee: they write and change them; the mentor reads and
 * comments. A goal is never deleted — a goal the mentee lets go of is "dropped", so its
 * history and the action items that pointed at it keep their meaning.
 */
export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "dropped"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  achieved: "Achieved",
  dropped: "Dropped",
};

/** Goals still being worked on: the ones that count towards "too many at once". */
export const isOpenGoal = (status: GoalStatus) => status === "not_started" || status === "in_progress";

/** The fields a mentee edits; the history records which of them changed. */
export const GOAL_FIELDS = ["title", "goal", "reality", "options", "will", "targetDate", "measure", "status", "progress"] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

export const GOAL_FIELD_LABELS: Record<GoalField, string> = {
  title: "Title",
  goal: "Goal",
  reality: "Reality",
  options: "Options",
  will: "Will",
  targetDate: "Target date",
  measure: "Measure of success",
  status: "Status",
  progress: "Progress",
};

export type GoalContent = {
  title: string;
  goal: string;
  reality: string;
  options: string;
  will: string;
  targetDate: string | null;
  measure: string;
  status: GoalStatus;
  progress: number;
};

/** Which fields an edit really changes (sending a field with its current value is not a change). */
export function changedGoalFields(before: GoalContent, after: Partial<GoalContent>): GoalField[] {
  return GOAL_FIELDS.filter((f) => after[f] !== undefined && after[f] !== before[f]);
}

/** A pair keeps its goals few; past this, a new goal is refused rather than piling up. */
export const MAX_GOALS_PER_PAIR = 30;
