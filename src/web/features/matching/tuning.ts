import { useCallback, useSyncExternalStore } from "react";
import type { PairRef } from "./matching-api";

/**
 * Locks and exclusions the coordinator is collecting for the next run from a draft.
 * They start as the round's own and live in sessionStorage, so the round page and the
 * side-by-side page share them and a reload doesn't lose them. Nothing is sent until
 * "Run again".
 */
export type TunedPair = PairRef & { menteeName?: string; mentorName?: string };
export type Tuning = { locked: TunedPair[]; excluded: TunedPair[] };

/** The ids only, as the API takes them (it refuses unknown fields). */
export const refsOf = (list: TunedPair[]): PairRef[] =>
  list.map(({ menteeEnrolmentId, mentorEnrolmentId }) => ({ menteeEnrolmentId, mentorEnrolmentId }));

const storageKey = (roundId: string) => `grove.matching.tuning.${roundId}`;
const changeEvent = "grove:tuning";
const cache = new Map<string, { raw: string | null; value: Tuning | null }>();

function read(roundId: string): Tuning | null {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(storageKey(roundId));
  } catch {
    raw = null;
  }
  const hit = cache.get(roundId);
  if (hit && hit.raw === raw) return hit.value;
  let value: Tuning | null = null;
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Tuning;
      if (Array.isArray(parsed.locked) && Array.isArray(parsed.excluded)) value = parsed;
    } catch {
      value = null;
    }
  }
  cache.set(roundId, { raw, value });
  return value;
}

function write(roundId: string, tuning: Tuning | null): void {
  try {
    if (tuning) window.sessionStorage.setItem(storageKey(roundId), JSON.stringify(tuning));
    else window.sessionStorage.removeItem(storageKey(roundId));
  } catch {
    // Private mode or a full store: the change still applies for this page view.
    cache.set(roundId, { raw: null, value: tuning });
  }
  window.dispatchEvent(new Event(changeEvent));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changeEvent, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(changeEvent, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export const samePair = (a: PairRef, b: PairRef) =>
  a.menteeEnrolmentId === b.menteeEnrolmentId && a.mentorEnrolmentId === b.mentorEnrolmentId;
const without = (list: TunedPair[], pair: PairRef) => list.filter((p) => !samePair(p, pair));
const has = (list: PairRef[], pair: PairRef) => list.some((p) => samePair(p, pair));

/** The tuning for one round, falling back to the round's own locks and exclusions. */
export function useTuning(roundId: string, fromRound: Tuning) {
  const stored = useSyncExternalStore(subscribe, () => read(roundId));
  const tuning = stored ?? fromRound;
  const changed =
    stored !== null &&
    (stored.locked.length !== fromRound.locked.length ||
      stored.excluded.length !== fromRound.excluded.length ||
      stored.locked.some((p) => !has(fromRound.locked, p)) ||
      stored.excluded.some((p) => !has(fromRound.excluded, p)));

  const update = useCallback((next: Tuning) => write(roundId, next), [roundId]);

  return {
    tuning,
    /** Whether the next run differs from this round in its locks or exclusions. */
    changed,
    isLocked: (pair: PairRef) => has(tuning.locked, pair),
    isExcluded: (pair: PairRef) => has(tuning.excluded, pair),
    /** Locking a pair lifts any exclusion of it, and a mentee can be locked to one mentor only. */
    lock: (pair: TunedPair) =>
      update({
        locked: [...tuning.locked.filter((p) => p.menteeEnrolmentId !== pair.menteeEnrolmentId), pair],
        excluded: without(tuning.excluded, pair),
      }),
    unlock: (pair: TunedPair) => update({ ...tuning, locked: without(tuning.locked, pair) }),
    exclude: (pair: TunedPair) => update({ locked: without(tuning.locked, pair), excluded: [...without(tuning.excluded, pair), pair] }),
    include: (pair: PairRef) => update({ ...tuning, excluded: without(tuning.excluded, pair) }),
    reset: () => write(roundId, null),
  };
}

/** Forget a round's collected changes, e.g. once they have been used for a new run. */
export const forgetTuning = (roundId: string) => write(roundId, null);
