import type { CheckInOutcome } from "../support/check-ins.js";
import { seededRandom } from "./random.js";

/**
 * How each demo pair has been doing four weeks into the term, so the demo's support pages
 * show a live programme: most pairs meet every week, a few went quiet or missed sessions;
 * most answered the fortnightly pulse (a couple of low scores among them); most had their
 * week-2 check-in. Seeded: the same cohort always tells the same stories.
 */
export type Pulse = { score: number; text: string | null } | null;
export type PairStory = {
  meets: "regular" | "quiet" | "missed";
  planAgreed: boolean;
  /** Pulse answers: mentee and mentor in week 2, then in week 4 (null: not answered). */
  pulses: [Pulse, Pulse, Pulse, Pulse];
  checkIn: { outcome: CheckInOutcome; note: string; followUpDaysAgo: number | null } | null;
};

const PULSE_TEXT = [
  "We found a good rhythm on Thursday mornings.",
  "Could use ideas for what to cover next month.",
  "Sessions keep moving because of release week.",
  "Really useful so far, thank you for the match.",
  "We set our first goal and it already helped.",
];
const NOTES = [
  "Both positive. Meeting weekly, plan agreed.",
  "Mentee wants more structure; suggested the goal template.",
  "Mentor busy with an on-call rota until the end of the month.",
  "Good start. Check again after the mid-point survey.",
  "Could not reach the mentor yet; left a message.",
];

export function supportStories(count: number, seed: number): PairStory[] {
  const random = seededRandom(seed * 31 + 7);
  const stories: PairStory[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const meets = i === 0 || i === 1 ? "quiet" : roll < 0.1 ? "missed" : roll < 0.18 ? "quiet" : "regular";
    const healthy = meets === "regular";
    const pulse = (answered: number, low: boolean): Pulse =>
      random.chance(answered)
        ? { score: low ? random.int(1, 2) : random.int(healthy ? 4 : 3, 5), text: random.chance(0.3) ? random.pick(PULSE_TEXT) : null }
        : null;
    // The first two pairs are the ones the coordinator should hear about: quiet, with a low latest pulse.
    const lowNow = i < 2;
    // Two people never answer, to show the "surveys unanswered" alert.
    const silent = i === 3;
    const pulses: PairStory["pulses"] = silent
      ? [pulse(1, false), null, pulse(1, false), null]
      : [pulse(0.85, false), pulse(0.8, false), pulse(lowNow ? 1 : 0.8, lowNow), pulse(0.75, false)];
    const checkedIn = i !== 1 && random.chance(0.7);
    stories.push({
      meets,
      planAgreed: i !== 0 && random.chance(0.85),
      pulses,
      checkIn: checkedIn
        ? {
            outcome:
              meets === "regular"
                ? random.pick(["on_track", "on_track", "on_track", "needs_support"] as const)
                : random.pick(["needs_support", "not_reached"] as const),
            note: random.pick(NOTES),
            followUpDaysAgo: i === 2 ? 3 : null,
          }
        : null,
    });
  }
  return stories;
}
