import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Shortlist } from "../../../contracts/coaching.js";
import { COACHING_FACTOR_LABELS, reasonForCoachee, reasonForCoordinator } from "../../../core/coaching/shortlist.js";
import type { FactorName } from "../../../core/matching/scoring.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { placesTaken } from "../relationships/live-pairs.js";
import { relationships } from "../relationships/tables.js";
import { coachesOf, presentCoachProfile } from "./coach-profiles.js";
import { coachingChemistryCalls, coachingPackages, coachingShortlistEntries, coachingShortlists } from "./tables.js";

export type ShortlistRow = typeof coachingShortlists.$inferSelect;

/**
 * A picked shortlist whose engagement the coach declined is open again: the coachee picks
 * another coach from it (never the one who declined). Derived, so it needs no hook into the
 * relationships module.
 */
export async function effectiveStatus(db: Executor, s: ShortlistRow): Promise<ShortlistRow["status"]> {
  if (s.status !== "picked" || !s.relationshipId) return s.status;
  const [r] = await db.select({ status: relationships.status }).from(relationships).where(eq(relationships.id, s.relationshipId));
  return r?.status === "declined" ? "open" : "picked";
}

/** Coaches of this shortlist who declined this coachee (their pick came back). */
export async function declinedCoaches(db: Executor, s: ShortlistRow): Promise<string[]> {
  const rows = await db
    .select({ coach: relationships.mentorEnrolmentId })
    .from(relationships)
    .where(and(eq(relationships.menteeEnrolmentId, s.coacheeEnrolmentId), eq(relationships.status, "declined")));
  return rows.map((r) => r.coach);
}

/** The coachee's live shortlist (open or picked), if any. */
export async function liveShortlistOf(db: Executor, coacheeEnrolmentId: string) {
  const [row] = await db
    .select()
    .from(coachingShortlists)
    .where(and(eq(coachingShortlists.coacheeEnrolmentId, coacheeEnrolmentId), ne(coachingShortlists.status, "withdrawn")));
  return row;
}

/** A shortlist in full, as the coachee reads it: every coach's profile, why they fit (in the coachee's words), the calls. */
export async function presentShortlist(
  db: Executor,
  s: ShortlistRow,
  audience: "coachee" | "coordinator",
): Promise<z.infer<typeof Shortlist>> {
  const [entries, calls, [pkg], [coachee], status, declinedBy] = await Promise.all([
    db
      .select()
      .from(coachingShortlistEntries)
      .where(eq(coachingShortlistEntries.shortlistId, s.id))
      .orderBy(asc(coachingShortlistEntries.rank)),
    db.select().from(coachingChemistryCalls).where(eq(coachingChemistryCalls.shortlistId, s.id)).orderBy(asc(coachingChemistryCalls.at)),
    db.select().from(coachingPackages).where(eq(coachingPackages.id, s.packageId)),
    db
      .select({ name: users.name })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(eq(enrolments.id, s.coacheeEnrolmentId)),
    effectiveStatus(db, s),
    declinedCoaches(db, s),
  ]);
  const ids = entries.map((e) => e.coachEnrolmentId);
  const [coaches, held] = await Promise.all([coachesOf(db, s.programmeId, ids), placesTaken(db, s.programmeId, ids)]);
  const byId = new Map(coaches.map((c) => [c.coach.enrolmentId, c]));
  const reword = audience === "coachee" ? reasonForCoachee : reasonForCoordinator;
  return {
    id: s.id,
    programmeId: s.programmeId,
    status,
    coachee: { enrolmentId: s.coacheeEnrolmentId, name: coachee?.name ?? "" },
    package: { id: pkg.id, name: pkg.name, sessions: pkg.sessions, sessionMinutes: pkg.sessionMinutes, periodWeeks: pkg.periodWeeks },
    startDate: s.startDate,
    createdAt: s.createdAt.toISOString(),
    coaches: entries.flatMap((e) => {
      const c = byId.get(e.coachEnrolmentId);
      if (!c) return [];
      return [
        {
          enrolmentId: e.coachEnrolmentId,
          rank: e.rank,
          score: Math.round(e.score * 10) / 10,
          reasons: e.reasons.map(reword),
          factors: e.factors
            .filter((f) => f.weight > 0)
            .map((f) => ({
              factor: f.factor,
              label: COACHING_FACTOR_LABELS[f.factor as FactorName] ?? f.factor,
              value: f.value,
              weight: f.weight,
              points: Math.round(f.points * 10) / 10,
            })),
          profile: presentCoachProfile(c.coach, c.profile, held.get(e.coachEnrolmentId) ?? 0),
          chemistryCalls: calls
            .filter((k) => k.coachEnrolmentId === e.coachEnrolmentId)
            .map((k) => ({ id: k.id, at: k.at.toISOString(), minutes: k.minutes, status: k.status })),
        },
      ];
    }),
    engagementId: status === "picked" ? s.relationshipId : null,
    declinedBy: declinedBy.filter((id) => ids.includes(id)),
  };
}

/** The shortlists' people and counts for the coordinator's list. */
export async function shortlistSummaries(db: Executor, rows: ShortlistRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [entries, calls, names] = await Promise.all([
    db
      .select({ entry: coachingShortlistEntries, name: users.name })
      .from(coachingShortlistEntries)
      .innerJoin(enrolments, eq(enrolments.id, coachingShortlistEntries.coachEnrolmentId))
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(inArray(coachingShortlistEntries.shortlistId, ids))
      .orderBy(asc(coachingShortlistEntries.rank)),
    db
      .select({ shortlistId: coachingChemistryCalls.shortlistId, coach: coachingChemistryCalls.coachEnrolmentId })
      .from(coachingChemistryCalls)
      .where(and(inArray(coachingChemistryCalls.shortlistId, ids), ne(coachingChemistryCalls.status, "cancelled"))),
    db
      .select({ id: enrolments.id, name: users.name })
      .from(enrolments)
      .innerJoin(users, eq(users.id, enrolments.userId))
      .where(
        inArray(
          enrolments.id,
          rows.map((r) => r.coacheeEnrolmentId),
        ),
      ),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return Promise.all(
    rows.map(async (s) => {
      const status = await effectiveStatus(db, s);
      return {
        id: s.id,
        status,
        coachee: { enrolmentId: s.coacheeEnrolmentId, name: nameOf.get(s.coacheeEnrolmentId) ?? "" },
        coaches: entries
          .filter((e) => e.entry.shortlistId === s.id)
          .map((e) => ({
            enrolmentId: e.entry.coachEnrolmentId,
            name: e.name,
            score: Math.round(e.entry.score * 10) / 10,
            chemistryCalls: calls.filter((c) => c.shortlistId === s.id && c.coach === e.entry.coachEnrolmentId).length,
          })),
        engagementId: status === "picked" ? s.relationshipId : null,
        createdAt: s.createdAt.toISOString(),
      };
    }),
  );
}
