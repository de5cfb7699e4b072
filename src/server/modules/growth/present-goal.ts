import { smartCheck } from "../../../core/growth/smart-check.js";
import type { goals } from "./tables.js";

export type GoalRow = typeof goals.$inferSelect;
export type ActionItemCounts = { open: number; done: number };

/** The only shape a goal leaves the server in, for the pair's two people. */
export const presentGoal = (
  g: GoalRow,
  extra: { today: string; otherOpenGoals: number; actionItems: ActionItemCounts; commentCount: number },
) => ({
  id: g.id,
  title: g.title,
  goal: g.goal,
  reality: g.reality,
  options: g.options,
  will: g.will,
  targetDate: g.targetDate,
  measure: g.measure,
  status: g.status,
  progress: g.progress,
  smartHints: smartCheck(g, { today: extra.today, otherOpenGoals: extra.otherOpenGoals }),
  actionItems: extra.actionItems,
  commentCount: extra.commentCount,
  version: g.version,
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});
