import { type GoalStatus, isOpenGoal } from "./goals.js";

/**
 * A friendly SMART check for a GROW goal: it points out what would make the goal easier
 * to act on and to recognise once reached. Hints, never errors — the mentee decides.
 * The same function runs in the browser while they type and on the server for every
 * goal it returns, so both say the same words.
 */
export type SmartHintCode =
  | "no_measure"
  | "vague_measure"
  | "no_date"
  | "date_passed"
  | "date_far"
  | "vague_wording"
  | "no_reality"
  | "no_first_step"
  | "too_many_goals";

export type SmartHint = {
  code: SmartHintCode;
  /** The form field the hint belongs next to (null: the goal as a whole). */
  field: "title" | "goal" | "reality" | "will" | "targetDate" | "measure" | null;
  message: string;
};

export type SmartCheckInput = {
  title: string;
  goal: string;
  reality: string;
  will: string;
  targetDate: string | null;
  measure: string;
  status: GoalStatus;
};

export type SmartCheckContext = {
  /** Today as YYYY-MM-DD in the reader's calendar. */
  today: string;
  /** Open goals of the pair besides this one. */
  otherOpenGoals: number;
};

/** More open goals than this at once spreads a few hours a month too thin. */
export const OPEN_GOALS_COMFORT = 3;
const FAR_DAYS = 366;

/**
 * Phrases that sound like a goal but give nothing to check against. Matched as whole
 * words, case-insensitively; the hint quotes what it found.
 */
const VAGUE_PHRASES = [
  "get better at",
  "be better at",
  "become better at",
  "improve my",
  "improve at",
  "learn more",
  "know more",
  "be more",
  "become more",
  "get more",
  "work on",
  "try to",
  "understand better",
  "more confident",
  "level up",
  "grow as",
  "in general",
  "somehow",
  "someday",
  "at some point",
  "as much as possible",
];

/** Something countable or observable: a number, a percentage, or a concrete artefact. */
const CONCRETE =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|first|every|each|weekly|monthly|published|shipped|merged|released|passed|presented|certified|promoted|offer|talk|post|pull request|pr|demo|review)\b/i;

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

export function findVaguePhrase(text: string): string | null {
  const lower = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, " ")
    .replace(/\s+/g, " ")} `;
  return VAGUE_PHRASES.find((p) => lower.includes(` ${p} `)) ?? null;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function smartCheck(goal: SmartCheckInput, ctx: SmartCheckContext): SmartHint[] {
  // A finished goal needs no coaching on how it is worded.
  if (!isOpenGoal(goal.status)) return [];
  const hints: SmartHint[] = [];

  const vague = findVaguePhrase(goal.title) ?? findVaguePhrase(goal.goal);
  if (vague) {
    hints.push({
      code: "vague_wording",
      field: findVaguePhrase(goal.title) ? "title" : "goal",
      message: `"${vague}" is hard to check off. Say what it looks like when you are there: what will you be able to do, show or decide?`,
    });
  }

  if (!goal.measure.trim()) {
    hints.push({
      code: "no_measure",
      field: "measure",
      message:
        "How will you know you made it? Add a measure of success — a number, something you ship, or something another person can see.",
    });
  } else if (findVaguePhrase(goal.measure) || (!CONCRETE.test(goal.measure) && words(goal.measure) < 4)) {
    hints.push({
      code: "vague_measure",
      field: "measure",
      message:
        "This measure may be hard to judge later. Could someone else tell whether it happened? A count, a date or a visible result helps.",
    });
  }

  if (!goal.targetDate) {
    hints.push({
      code: "no_date",
      field: "targetDate",
      message: "Pick a target date. A deadline, even a rough one, turns an intention into a plan.",
    });
  } else {
    const days = daysBetween(ctx.today, goal.targetDate);
    if (days < 0) {
      hints.push({
        code: "date_passed",
        field: "targetDate",
        message: "The target date has passed. Move it, mark the goal achieved, or drop it — all three are fine.",
      });
    } else if (days > FAR_DAYS) {
      hints.push({
        code: "date_far",
        field: "targetDate",
        message: "This is more than a year away. Consider a milestone you can reach within the programme and aim for that first.",
      });
    }
  }

  if (!goal.reality.trim()) {
    hints.push({
      code: "no_reality",
      field: "reality",
      message: "Describe where you stand today. Without a starting point it is hard to see how far you have come.",
    });
  }

  if (words(goal.will) < 3) {
    hints.push({
      code: "no_first_step",
      field: "will",
      message: "Write down your first step under Will: something small you will do before your next session.",
    });
  }

  const open = ctx.otherOpenGoals + 1;
  if (open > OPEN_GOALS_COMFORT) {
    hints.push({
      code: "too_many_goals",
      field: null,
      message: `You have ${open} goals open at once. Two or three is usually plenty alongside a day job — consider parking or dropping one.`,
    });
  }
  return hints;
}
