/**
 * Stated preferences count when given: a mentee's ranked picks and a mentor's "prefer" and
 * "avoid" lists adjust a pair's score. They are nudges, not rules — an avoided pair is still
 * allowed when nothing else would match the mentee, because matching more people comes first.
 */
export type StatedPreferences = {
  /** Mentee id → mentor ids, most wanted first. */
  menteePicks: ReadonlyMap<string, readonly string[]>;
  /** Mentor id → mentee ids the mentor would especially like. */
  mentorPrefers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Mentor id → mentee ids the mentor would rather not have. */
  mentorAvoids: ReadonlyMap<string, ReadonlySet<string>>;
};

/** Points added for a mentee's first, second and third pick; later picks get the last value. */
export const PICK_POINTS = [12, 8, 5] as const;
export const PREFER_POINTS = 6;
export const AVOID_POINTS = -25;

export function preferencePoints(menteeId: string, mentorId: string, prefs: StatedPreferences): { points: number; reasons: string[] } {
  let points = 0;
  const reasons: string[] = [];
  const rank = prefs.menteePicks.get(menteeId)?.indexOf(mentorId) ?? -1;
  if (rank >= 0) {
    points += PICK_POINTS[Math.min(rank, PICK_POINTS.length - 1)];
    reasons.push(rank === 0 ? "The mentee's first pick" : `The mentee's pick number ${rank + 1}`);
  }
  if (prefs.mentorPrefers.get(mentorId)?.has(menteeId)) {
    points += PREFER_POINTS;
    reasons.push("The mentor asked to support this mentee");
  }
  if (prefs.mentorAvoids.get(mentorId)?.has(menteeId)) {
    points += AVOID_POINTS;
    reasons.push("The mentor would rather not, but no better pair was possible");
  }
  return { points, reasons };
}

/** Mentors a mentee picked, for making sure a pick is a candidate even outside the top K. */
export const pickedMentors = (menteeId: string, prefs: StatedPreferences) => prefs.menteePicks.get(menteeId) ?? [];
