import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { findRound } from "./read-round.js";
import { runRound } from "./run-round.js";
import { matchPairs, type PairRef } from "./tables.js";

export type RerunChanges = {
  weights?: Partial<Record<string, number>>;
  k?: number;
  requireSharedLanguage?: boolean;
  locked?: PairRef[];
  excluded?: PairRef[];
  keepManualPairs?: boolean;
};

/**
 * A new draft from an existing round's settings, locks and exclusions, with the given
 * changes. Pairs the coordinator set by hand in that round are kept as locks (unless
 * asked not to) next to any locks the caller gives — the caller's lock wins for the same
 * mentee, and an excluded pair is never kept — so tuning the weights does not undo review work.
 */
export async function rerunRound(ctx: AppContext, principal: Principal, programme: ProgrammeRow, roundId: string, changes: RerunChanges) {
  const base = await findRound(ctx.db, programme.id, roundId);
  let locked = changes.locked ?? base.settings.locked ?? [];
  const excluded = changes.excluded ?? base.settings.excluded ?? [];
  if (changes.keepManualPairs ?? true) {
    const lockedMentees = new Set(locked.map((l) => l.menteeEnrolmentId));
    const isExcluded = (p: PairRef) =>
      excluded.some((x) => x.menteeEnrolmentId === p.menteeEnrolmentId && x.mentorEnrolmentId === p.mentorEnrolmentId);
    const manual = await ctx.db
      .select({ menteeEnrolmentId: matchPairs.menteeEnrolmentId, mentorEnrolmentId: matchPairs.mentorEnrolmentId })
      .from(matchPairs)
      .where(and(eq(matchPairs.roundId, base.id), eq(matchPairs.manual, true)));
    locked = [...locked, ...manual.filter((m) => !lockedMentees.has(m.menteeEnrolmentId) && !isExcluded(m))];
  }
  return runRound(ctx, programme, principal.user.id, {
    weights: { ...base.settings.weights, ...changes.weights },
    k: changes.k ?? base.settings.k,
    requireSharedLanguage: changes.requireSharedLanguage ?? base.settings.requireSharedLanguage,
    locked,
    excluded,
    kind: base.kind,
    basedOn: base.id,
  });
}
