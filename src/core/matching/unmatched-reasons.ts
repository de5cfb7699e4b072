import type { MatchExplainer } from "./explain.js";
import type { PackedProblem } from "./problem.js";
import type { Blocker } from "./scoring.js";

export type UnmatchedReason =
  | { kind: "no-allowed-mentor"; text: string }
  | { kind: "outcompeted"; text: string; closest: { mentor: number; score: number; needed: number } }
  | { kind: "no-movable-place"; text: string };

const BLOCKER_WORDS: Record<string, string> = {
  "same-person": "the mentee themselves",
  "own-manager": "in their reporting line",
  "no-shared-language": "no language in common",
  "previous-pair": "mentored them before",
  excluded: "ruled out by a coordinator",
};

const blockerText = (blocker: Blocker, count: number) => {
  const words = BLOCKER_WORDS[blocker] ?? `no match on must-match ${blocker.slice("must-match:".length)}`;
  return `${words} (${count})`;
};

/**
 * A plain-language reason why an unmatched mentee got no mentor, for the coordinator's review:
 * nobody was allowed (and which rules ruled them out), or every allowed mentor's places went to
 * better fits (and what fit the closest one would have needed), or every allowed mentor's places
 * are locked or zero.
 */
export function unmatchedReason(
  problem: PackedProblem,
  explainer: MatchExplainer,
  mentee: number,
  mentorName: (mentor: number) => string,
  blocked: Partial<Record<Blocker, number>> = {},
): UnmatchedReason {
  if (!(mentee >= 0 && mentee < problem.menteeCount)) throw new RangeError(`no mentee ${mentee} in this problem`);
  const candidates = explainer.allowedMentors(mentee);
  if (candidates.length === 0) {
    const parts = Object.entries(blocked).map(([b, n]) => blockerText(b as Blocker, n ?? 0));
    const text =
      parts.length > 0
        ? `No mentor could be considered. Ruled out among those looked at: ${parts.join(", ")}.`
        : "No mentor was a candidate for this mentee.";
    return { kind: "no-allowed-mentor", text };
  }
  let closest: { mentor: number; score: number; needed: number } | undefined;
  for (const m of candidates) {
    const answer = explainer.scoreNeeded(mentee, m);
    if (answer.kind !== "above" || answer.currentScore === undefined) continue;
    const gap = answer.score - answer.currentScore;
    if (closest === undefined || gap < closest.needed - closest.score) {
      closest = { mentor: m, score: answer.currentScore, needed: answer.score };
    }
  }
  const n = candidates.length;
  const mentors = n === 1 ? "The only suitable mentor is" : `All ${n} suitable mentors are`;
  if (closest === undefined) {
    // For an unmatched mentee "never" means nobody movable sits at any of these mentors.
    return {
      kind: "no-movable-place",
      text: `${mentors} unavailable: their places are locked by a coordinator or they take no mentees.`,
    };
  }
  const fmt = (x: number) => (Math.round(x * 10) / 10).toString();
  return {
    kind: "outcompeted",
    text:
      `${mentors} taken by mentees who fit them better. Closest: ${mentorName(closest.mentor)}, ` +
      `fit ${fmt(closest.score)}; the pair would need a fit above ${fmt(closest.needed)} to be chosen.`,
    closest,
  };
}
