import { FACTORS, type FactorName } from "../../../core/matching/scoring";
import type { RoundStatus } from "./matching-api";

export { FACTORS, type FactorName };

/** What each factor measures, in the coordinator's words. */
export const factorLabels: Record<FactorName, { label: string; hint: string }> = {
  skills: { label: "Skills", hint: "The mentor offers the skills the mentee wants to grow, ideally at a higher level." },
  areas: { label: "Growth areas", hint: "Technical, career or personal development: what one seeks and the other offers." },
  experience: { label: "Experience gap", hint: "How many more years the mentor has worked; five or more counts in full." },
  interests: { label: "Shared interests", hint: "Interests both of them named." },
  availability: {
    label: "Availability",
    hint: "Weekly hours they are both free; two hours counts in full. Time zones when no hours were given.",
  },
  language: { label: "Language", hint: "A language both can meet in." },
};

/** Factors the engine may add beyond the weighted ones. */
const extraFactorLabels: Record<string, string> = { preferences: "Stated preferences" };

export const factorLabel = (factor: string) =>
  factor in factorLabels ? factorLabels[factor as FactorName].label : (extraFactorLabels[factor] ?? factor);

export const roundStatusLabels: Record<RoundStatus, string> = {
  draft: "Draft",
  published: "Published",
  discarded: "Discarded",
};

export const formatScore = (score: number) => (Math.round(score * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 });

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "12 of 14 mentees matched (86%)". */
export function describeMatched(matched: number, mentees: number): string {
  const share = mentees === 0 ? 0 : Math.round((matched / mentees) * 100);
  return `${matched.toLocaleString()} of ${plural(mentees, "mentee")} matched (${share}%)`;
}
