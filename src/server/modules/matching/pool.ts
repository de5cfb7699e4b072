import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { rulesFor } from "../../../core/programme-modes.js";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { pairedMentees, placesTaken } from "../relationships/live-pairs.js";

export type RoundKind = "full" | "open";

export type PoolPerson = {
  id: string;
  userId: string;
  role: string;
  answers: (typeof enrolments.$inferSelect)["answers"];
  capacity: number | null;
  paused: boolean;
  updatedAt: Date;
  email: string;
  name: string;
};

export type RoundPool = {
  giver: "mentor" | "coach";
  receiver: "mentee" | "coachee";
  /** Everyone the fingerprint covers (a full round: the whole approved pool, paused mentors included). */
  everyone: PoolPerson[];
  mentees: PoolPerson[];
  /** Mentors offered, with the places the round may fill (full: capacity; open: places left). */
  mentors: (PoolPerson & { places: number })[];
  fingerprint: string;
};

/** The programme's two sides as roles, and their plurals: the mode's words. */
export const rolesOf = (programme: Pick<ProgrammeRow, "type">) => {
  const { roles, words } = rulesFor(programme.type);
  return {
    giver: roles.giver as "mentor" | "coach",
    receiver: roles.receiver as "mentee" | "coachee",
    givers: words.givers,
    receivers: words.receivers,
  };
};

/**
 * The people a round is run over, and the fingerprint that tells whether that pool has
 * changed since. Run and publish both call this, so a draft is stale exactly when the pool
 * it was made from is no longer the pool.
 *
 * A full round covers the approved pool; paused mentors and mentors without capacity are in
 * the fingerprint (un-pausing changes what the engine could do) but not offered. An open round
 * ("re-solve the affected") covers only mentees without a live pair and mentors with places
 * left; its fingerprint includes each mentor's places, so a pair formed or ended since makes it stale.
 */
export async function loadRoundPool(db: Executor, programme: Pick<ProgrammeRow, "id" | "type">, kind: RoundKind): Promise<RoundPool> {
  const { giver, receiver } = rolesOf(programme);
  const everyone = await db
    .select({
      id: enrolments.id,
      userId: enrolments.userId,
      role: enrolments.role,
      answers: enrolments.answers,
      capacity: enrolments.capacity,
      paused: enrolments.paused,
      updatedAt: enrolments.updatedAt,
      email: users.email,
      name: users.name,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(enrolments.programmeId, programme.id), eq(enrolments.status, "approved"), inArray(enrolments.role, [giver, receiver])))
    .orderBy(enrolments.id);
  const offered = (p: PoolPerson) => p.role === giver && !p.paused && (p.capacity ?? 0) > 0;
  if (kind === "full") {
    return {
      giver,
      receiver,
      everyone,
      mentees: everyone.filter((p) => p.role === receiver),
      mentors: everyone.filter(offered).map((p) => ({ ...p, places: p.capacity ?? 0 })),
      fingerprint: fingerprintOf(everyone.map((p) => `${p.id}:${p.updatedAt.toISOString()}`)),
    };
  }
  const [paired, held] = await Promise.all([pairedMentees(db, programme.id), placesTaken(db, programme.id)]);
  const mentees = everyone.filter((p) => p.role === receiver && !paired.has(p.id));
  const mentors = everyone
    .filter(offered)
    .map((p) => ({ ...p, places: (p.capacity ?? 0) - (held.get(p.id) ?? 0) }))
    .filter((p) => p.places > 0);
  return {
    giver,
    receiver,
    everyone: [...mentees, ...mentors],
    mentees,
    mentors,
    fingerprint: fingerprintOf([
      ...mentees.map((p) => `${p.id}:${p.updatedAt.toISOString()}`),
      ...mentors.map((p) => `${p.id}:${p.updatedAt.toISOString()}:${p.places}`),
    ]),
  };
}

const fingerprintOf = (entries: string[]) => createHash("sha256").update(entries.join("\n")).digest("hex");
