import { oneOf, optionalString, pageNumber } from "../../app/search-params";

/** Search params of the matching screens, read leniently: a stale link falls back to defaults. */

/** Pairs per page of a round's table: sorted, filtered and paged by the server. */
export const PAIRS_PAGE_SIZE = 25;

export const pairSorts = ["score-desc", "score-asc", "mentee", "mentor"] as const;
export type PairSort = (typeof pairSorts)[number];
export type RoundSearch = { page?: number; sort?: PairSort; mentor?: string };

export const validateRoundSearch = (search: Record<string, unknown>): RoundSearch => ({
  page: pageNumber(search.page),
  sort: oneOf(search.sort, pairSorts),
  mentor: optionalString(search.mentor, 40),
});

export type PairDetailSearch = { mentor?: string };
export const validatePairDetailSearch = (search: Record<string, unknown>): PairDetailSearch => ({
  mentor: optionalString(search.mentor, 40),
});

export type CompareSearch = { a?: string; b?: string; page?: number };
export const validateCompareSearch = (search: Record<string, unknown>): CompareSearch => ({
  a: optionalString(search.a, 40),
  b: optionalString(search.b, 40),
  page: pageNumber(search.page),
});

export const pairStatuses = ["proposed", "active", "paused", "completed", "ended", "declined"] as const;
export type PairsSearch = { status?: (typeof pairStatuses)[number]; page?: number };
export const validatePairsSearch = (search: Record<string, unknown>): PairsSearch => ({
  status: oneOf(search.status, pairStatuses),
  page: pageNumber(search.page),
});
