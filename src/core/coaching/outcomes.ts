/**
 * Measured outcomes: what a coaching engagement is for. At contracting the coach, the
 * coachee and the sponsor agree one to five outcomes, each with how it is measured, a
 * baseline and a target; ratings are collected at the start, optionally half-way, and at
 * the end, by the rater groups the outcome names.
 */
export const MAX_OUTCOMES = 5;
export const MAX_STAKEHOLDERS = 5;
export const RUBRIC = { min: 1, max: 10 } as const;

export const RATER_GROUPS = ["coachee", "coach", "sponsor", "stakeholders"] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

export const RATER_GROUP_LABELS: Record<RaterGroup, string> = {
  coachee: "Coachee (self-rating)",
  coach: "Coach",
  sponsor: "Sponsor",
  stakeholders: "Stakeholders",
};

export const PHASES = ["baseline", "midpoint", "final"] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = { baseline: "Baseline", midpoint: "Mid-point", final: "Final" };

export type Measure =
  /** A 1–10 scale; the anchors say in words what 1, 5 and 10 look like. */
  | { kind: "rubric"; anchors: { low: string; mid: string; high: string } }
  /** A count or amount with its unit, e.g. "PRs reviewed per week". */
  | { kind: "number"; unit: string };

/** Whether a higher or a lower value is the better one ("incidents per month" goes down). */
export type Direction = "higher" | "lower";

export type Measurement = { phase: Phase; group: RaterGroup; value: number };

/** Why a value cannot be recorded for this measure, or null. */
export function valueProblem(measure: Measure, value: number): string | null {
  if (!Number.isFinite(value)) return "Give a number.";
  if (measure.kind === "rubric") {
    if (!Number.isInteger(value) || value < RUBRIC.min || value > RUBRIC.max)
      return `Rate it as a whole number from ${RUBRIC.min} to ${RUBRIC.max}.`;
    return null;
  }
  if (Math.abs(value) > 1e9) return "That number is too large.";
  if (Math.round(value * 100) !== value * 100) return "Use at most two decimal places.";
  return null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export type GroupAverage = { group: RaterGroup; count: number; average: number };

/**
 * The average of each rater group in one phase, in a fixed order. Stakeholders are only
 * ever shown this way — as a group, never one by one — so a small 360 stays candid.
 */
export function groupAverages(measurements: readonly Measurement[], phase: Phase): GroupAverage[] {
  const out: GroupAverage[] = [];
  for (const group of RATER_GROUPS) {
    const values = measurements.filter((m) => m.phase === phase && m.group === group).map((m) => m.value);
    if (values.length > 0) out.push({ group, count: values.length, average: round2(values.reduce((a, b) => a + b, 0) / values.length) });
  }
  return out;
}

/**
 * One value for an outcome in a phase: the mean of the rater groups' averages, each group
 * counting once, so five stakeholders do not outweigh the coachee's own view. Null when
 * nobody has rated that phase yet.
 */
export function phaseValue(measurements: readonly Measurement[], phase: Phase): number | null {
  const groups = groupAverages(measurements, phase);
  if (groups.length === 0) return null;
  return round2(groups.reduce((a, g) => a + g.average, 0) / groups.length);
}

/** Whether the final value reached the target, in the outcome's direction; null until both exist. */
export function targetMet(direction: Direction, target: number | null, final: number | null): boolean | null {
  if (target === null || final === null) return null;
  return direction === "higher" ? final >= target : final <= target;
}

export type OutcomeResult = {
  baseline: number | null;
  midpoint: number | null;
  target: number | null;
  final: number | null;
  targetMet: boolean | null;
  /** Group averages per phase, for the phases anyone rated. */
  byPhase: { phase: Phase; groups: GroupAverage[] }[];
};

export function outcomeResult(
  outcome: { direction: Direction; target: number | null },
  measurements: readonly Measurement[],
): OutcomeResult {
  const final = phaseValue(measurements, "final");
  return {
    baseline: phaseValue(measurements, "baseline"),
    midpoint: phaseValue(measurements, "midpoint"),
    target: outcome.target,
    final,
    targetMet: targetMet(outcome.direction, outcome.target, final),
    byPhase: PHASES.map((phase) => ({ phase, groups: groupAverages(measurements, phase) })).filter((p) => p.groups.length > 0),
  };
}

/**
 * When a rating may be given. The baseline is where the outcome starts, so it is taken
 * before the end (never once a final exists); the mid-point and the final measure against
 * an agreed outcome, so they wait for the agreement.
 */
export function phaseProblem(phase: Phase, state: { agreed: boolean; hasFinal: boolean }): { code: string; message: string } | null {
  if (phase === "baseline" && state.hasFinal)
    return { code: "baseline_closed", message: "This outcome already has a final measurement; its baseline can no longer change." };
  if (phase !== "baseline" && !state.agreed)
    return {
      code: "outcomes_not_agreed",
      message: `A ${PHASE_LABELS[phase].toLowerCase()} rating needs agreed outcomes. Agree the outcomes first.`,
    };
  return null;
}

/** Whether a target makes sense for the measure (a rubric target is on the same 1–10 scale). */
export function targetProblem(measure: Measure, target: number | null): string | null {
  if (target === null) return null;
  return valueProblem(measure, target);
}
