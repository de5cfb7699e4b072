/**
 * Net Promoter Score: the share of promoters (9–10) minus the share of detractors (0–6),
 * in whole percentage points from −100 to 100. Passives (7–8) count in n but on neither side.
 * With no answers there is no score — null, never a misleading 0.
 */
export type Nps = { n: number; promoters: number; passives: number; detractors: number; score: number | null };

export const isPromoter = (score: number) => score >= 9;
export const isDetractor = (score: number) => score <= 6;

export function npsOf(scores: readonly number[]): Nps {
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (isPromoter(s)) promoters++;
    else if (isDetractor(s)) detractors++;
  }
  const n = scores.length;
  const passives = n - promoters - detractors;
  // Rounded once, from the exact difference, so 1 promoter in 3 is 33, not 33.33 − 0 rounded twice.
  const score = n === 0 ? null : Math.round(((promoters - detractors) * 100) / n) + 0;
  return { n, promoters, passives, detractors, score };
}
