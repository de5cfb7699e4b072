/** Mentoring's three phases are guidance, not gates; coordinators move the week ranges. */
export type Phase = { name: string; startWeek: number; endWeek: number };

export function defaultPhases(termWeeks: number): Phase[] {
  const first = Math.max(1, Math.round(termWeeks / 6));
  const last = Math.max(first + 1, termWeeks - Math.max(1, Math.round(termWeeks / 6)) + 1);
  return [
    { name: "Getting to know each other", startWeek: 1, endWeek: first },
    { name: "Working on goals", startWeek: first + 1, endWeek: last - 1 },
    { name: "Reflecting and revising", startWeek: last, endWeek: termWeeks },
  ].filter((p) => p.startWeek <= p.endWeek);
}

/** Phases must cover the term's weeks in order, without gaps or overlaps. */
export function phasesProblem(phases: Phase[], termWeeks: number): string | null {
  if (phases.length === 0) return "Give at least one phase.";
  let expected = 1;
  for (const p of phases) {
    if (!p.name.trim()) return "Every phase needs a name.";
    if (p.startWeek !== expected) return `"${p.name}" should start in week ${expected}, so phases follow each other without gaps.`;
    if (p.endWeek < p.startWeek) return `"${p.name}" ends before it starts.`;
    expected = p.endWeek + 1;
  }
  return expected - 1 === termWeeks ? null : `The phases end in week ${expected - 1}, but the term has ${termWeeks} weeks.`;
}

export function termWeeks(termStart: string, termEnd: string): number {
  const days = (Date.parse(`${termEnd}T00:00:00Z`) - Date.parse(`${termStart}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(1, Math.ceil(days / 7));
}
