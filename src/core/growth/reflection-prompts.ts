import type { Phase } from "../programmes/phases.js";

/**
 * Short weekly reflection prompts, a few per stage of the programme, rotating week by
 * week. Coordinators rename and resize phases, so a phase is recognised by its place:
 * the first is the start, the last the close, anything between is the working middle.
 * After the term (a pair that chose to continue) the middle set keeps rotating.
 */
export type ReflectionStage = "start" | "middle" | "close";

const PROMPTS: Record<ReflectionStage, string[]> = {
  start: [
    "What do you hope will be different for you by the end of this programme?",
    "What did you learn about the other person this week that surprised you?",
    "What would make your sessions feel worth the time for you?",
  ],
  middle: [
    "Which step towards a goal did you actually take this week, however small?",
    "What got in the way this week, and what would you try differently?",
    "What did you hear in a session that you keep thinking about?",
    "Where did you notice yourself doing something you could not do a month ago?",
    "What is one thing you are avoiding, and what would the first step be?",
  ],
  close: [
    "Looking back at where you started, what has changed the most?",
    "What will you keep doing once the programme is over?",
    "What would you tell someone about to start this programme?",
  ],
};

export type WeeklyPrompt = { week: number; phase: string | null; stage: ReflectionStage; prompt: string };

const DAY_MS = 86_400_000;

/** The programme week a day falls in: week 1 starts on the term's first day; before the start it is week 1 too. */
export function programmeWeek(termStart: string, today: string): number {
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${termStart}T00:00:00Z`)) / DAY_MS);
  return Math.max(1, Math.floor(days / 7) + 1);
}

export function stageOf(phases: Phase[], week: number): { stage: ReflectionStage; phase: string | null } {
  const index = phases.findIndex((p) => week >= p.startWeek && week <= p.endWeek);
  if (index < 0) return { stage: "middle", phase: null };
  const phase = phases[index].name;
  if (phases.length > 1 && index === 0) return { stage: "start", phase };
  if (phases.length > 1 && index === phases.length - 1) return { stage: "close", phase };
  return { stage: "middle", phase };
}

export function weeklyPrompt(termStart: string, phases: Phase[], today: string): WeeklyPrompt {
  const week = programmeWeek(termStart, today);
  const { stage, phase } = stageOf(phases, week);
  const set = PROMPTS[stage];
  return { week, phase, stage, prompt: set[(week - 1) % set.length] };
}

/**
 * The final debrief, written by each side at the end of the term: one reflection per
 * goal, one on the relationship, and a roadmap for afterwards.
 */
export const DEBRIEF_PROMPTS = {
  goal: "Where did you get with this goal, and what helped or stood in the way?",
  relationship: "What did these sessions give you, and what would you do differently in another mentoring relationship?",
  roadmap: "What comes next? Name one or two things you will work on over the next months, and how you will keep yourself to them.",
} as const;
