import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal.js";
import type { AppContext } from "../../platform/context.js";
import { users } from "../accounts/tables.js";
import { publishRound } from "../matching/publish-round.js";
import { runRound } from "../matching/run-round.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { relationships } from "../relationships/tables.js";

/** How many published pairs are left waiting for acceptance, so the demo shows both states. */
const STILL_PROPOSED = 2;

export type DemoPairs = { active: number; proposed: number; unmatched: number };

/**
 * Matches the demo pool the way a coordinator would — one round, published — and then
 * plays the acceptances forward: every pair but the last two (by mentee email, so the same
 * seed gives the same picture) has been accepted by both sides and started; of the last two,
 * one mentee has accepted and waits for the mentor, the other pair has not answered yet.
 * Runs inside the demo's transaction (ctx.db is it); the emails publishing queues are
 * withdrawn by the caller with the rest.
 */
export async function matchDemo(ctx: AppContext, coordinator: Principal, programme: ProgrammeRow): Promise<DemoPairs> {
  const round = await runRound(ctx, programme, coordinator.user.id, {});
  const published = await publishRound(ctx, coordinator, programme, round.id);
  const pairs = await ctx.db
    .select({ id: relationships.id })
    .from(relationships)
    .innerJoin(users, eq(users.id, relationships.menteeUserId))
    .where(and(eq(relationships.programmeId, programme.id), eq(relationships.roundId, round.id)))
    .orderBy(asc(users.email));
  const waiting = pairs.slice(Math.max(0, pairs.length - STILL_PROPOSED));
  const started = pairs.slice(0, pairs.length - waiting.length).map((p) => p.id);
  const now = new Date();
  if (started.length > 0 && published.status === "proposed") {
    await ctx.db
      .update(relationships)
      .set({
        status: "active",
        mentorAcceptedAt: now,
        menteeAcceptedAt: now,
        startedAt: now,
        version: sql`${relationships.version} + 1`,
        updatedAt: now,
      })
      .where(inArray(relationships.id, started));
  }
  if (waiting.length === STILL_PROPOSED && published.status === "proposed") {
    await ctx.db
      .update(relationships)
      .set({ menteeAcceptedAt: now, version: sql`${relationships.version} + 1`, updatedAt: now })
      .where(eq(relationships.id, waiting[0].id));
  }
  return {
    active: published.status === "active" ? pairs.length : started.length,
    proposed: published.status === "active" ? 0 : waiting.length,
    unmatched: round.stats.mentees - round.stats.matched,
  };
}
