import { rulesFor, type Side, sideWord } from "../../../core/programme-modes.js";
import { AppError } from "../../platform/errors.js";
import type { Pair } from "./access.js";

/**
 * Which of a pair's two people may change its growth pages. Loading the pair already kept
 * everyone else out (404) and refused a mode without the page (409); these say which side,
 * by the mode's rules, and who may instead.
 */
type InPair = Pick<Pair, "side" | "programme">;

const refuse = (code: string, message: string) => new AppError(403, code, message);

/** The side that drives the pair owns its goals and SWOT (the mentee, in mentoring). */
const driver = (pair: InPair): Side => rulesFor(pair.programme.type).goalsOwner ?? rulesFor(pair.programme.type).drives;

export const canWriteGoals = (pair: InPair) => pair.side === driver(pair);

export function authorizeWriteGoals(pair: InPair) {
  if (!canWriteGoals(pair))
    throw refuse(
      `${sideWord(pair.programme.type, driver(pair))}_owns_goals`,
      `The ${sideWord(pair.programme.type, driver(pair))} owns their goals; add a comment instead.`,
    );
}

export const canWriteSwot = (pair: InPair) => pair.side === driver(pair);

/** The other side reads a SWOT only once its owner shares it. */
export const canReadSwot = (pair: InPair, shared: boolean) => canWriteSwot(pair) || shared;

export function authorizeWriteSwot(pair: InPair) {
  const owner = sideWord(pair.programme.type, driver(pair));
  if (!canWriteSwot(pair)) throw refuse(`${owner}_owns_swot`, `The SWOT is the ${owner}'s own; only they can change or share it.`);
}
