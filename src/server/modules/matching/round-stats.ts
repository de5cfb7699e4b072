import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../platform/db.js";
import type { RoundStats } from "./tables.js";

/** Pairs per 10-point score band: [0, 10), [10, 20) … [90, 100]; preference points can push a score past 100. */
export function histogramOf(scores: Iterable<number>): number[] {
  const bands = new Array(10).fill(0);
  for (const s of scores) bands[Math.max(0, Math.min(9, Math.floor(s / 10)))]++;
  return bands;
}

/** The matched count, total, average and histogram of a round as its pairs stand now (after manual edits). */
export async function pairStats(
  db: Executor,
  roundId: string,
): Promise<Pick<RoundStats, "matched" | "totalScore" | "averageScore" | "scoreHistogram">> {
  const rows = await queryRows<{ band: number; n: number; total: number }>(
    db,
    sql`select least(9, greatest(0, floor(score / 10)))::int as band, count(*)::int as n, sum(score)::float8 as total
        from match_pairs where round_id = ${roundId} group by 1`,
  );
  const scoreHistogram = new Array(10).fill(0);
  let matched = 0;
  let totalScore = 0;
  for (const r of rows) {
    scoreHistogram[r.band] += Number(r.n);
    matched += Number(r.n);
    totalScore += Number(r.total);
  }
  return { matched, totalScore, averageScore: matched ? totalScore / matched : 0, scoreHistogram };
}
