import type { Profile } from "./profile.js";

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.trim().toLowerCase()));

/**
 * When the candidate index found nobody at all for a mentee, say what the pool lacks in
 * the mentee's own terms: a language nobody speaks, or skills nobody offers.
 */
export function noCandidateReason(mentee: Profile, mentors: readonly Profile[], requireSharedLanguage: boolean): string | undefined {
  if (requireSharedLanguage) {
    const speaks = lower(mentee.languages);
    if (!mentors.some((m) => m.languages.some((l) => speaks.has(l.trim().toLowerCase())))) {
      return `No mentor with capacity speaks ${mentee.languages.length ? mentee.languages.join(" or ") : "a language this mentee gave"}.`;
    }
  }
  const wanted = lower(mentee.skills.map((s) => s.name));
  if (wanted.size && !mentors.some((m) => m.skills.some((s) => wanted.has(s.name.trim().toLowerCase())))) {
    return `No mentor with capacity offers ${mentee.skills.map((s) => s.name).join(", ")}.`;
  }
  return undefined;
}
