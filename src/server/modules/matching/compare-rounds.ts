import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { peopleOf } from "./assess-pair.js";
import { findRound, presentRound } from "./read-round.js";
import { matchPairs, matchUnmatched } from "./tables.js";

type Placement = { mentor: string | null; score: number | null };

async function placements(db: Executor, roundId: string) {
  const out = new Map<string, Placement>();
  for (const p of await db
    .select({ mentee: matchPairs.menteeEnrolmentId, mentor: matchPairs.mentorEnrolmentId, score: matchPairs.score })
    .from(matchPairs)
    .where(eq(matchPairs.roundId, roundId)))
    out.set(p.mentee, { mentor: p.mentor, score: p.score });
  for (const u of await db
    .select({ mentee: matchUnmatched.menteeEnrolmentId })
    .from(matchUnmatched)
    .where(eq(matchUnmatched.roundId, roundId)))
    out.set(u.mentee, { mentor: null, score: null });
  return out;
}

/**
 * Two rounds of a programme side by side: each one's figures, how many mentees keep their
 * mentor, and every mentee whose mentor differs (biggest change first: gaining or losing a
 * mentor, then the largest score change), paginated.
 */
export async function compareRounds(db: Executor, programme: ProgrammeRow, aId: string, bId: string, limit: number, offset: number) {
  const a = await findRound(db, programme.id, aId);
  const b = await findRound(db, programme.id, bId);
  const inA = await placements(db, a.id);
  const inB = await placements(db, b.id);
  const none: Placement = { mentor: null, score: null };
  const mentees = new Set([...inA.keys(), ...inB.keys()]);
  const changes: { mentee: string; a: Placement; b: Placement; delta: number | null }[] = [];
  for (const id of mentees) {
    const pa = inA.get(id) ?? none;
    const pb = inB.get(id) ?? none;
    if (pa.mentor === pb.mentor) continue;
    changes.push({ mentee: id, a: pa, b: pb, delta: pa.score !== null && pb.score !== null ? pb.score - pa.score : null });
  }
  const weight = (d: number | null) => (d === null ? Number.POSITIVE_INFINITY : Math.abs(d));
  changes.sort((x, y) => weight(y.delta) - weight(x.delta) || (x.mentee < y.mentee ? -1 : 1));
  const page = changes.slice(offset, offset + limit);
  const people = await peopleOf(db, programme.id, [
    ...new Set(page.flatMap((c) => [c.mentee, c.a.mentor, c.b.mentor]).filter((x): x is string => x !== null)),
  ]);
  const person = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? { enrolmentId: p.id, name: p.name, email: p.email } : null;
  };
  return {
    a: presentRound(a),
    b: presentRound(b),
    mentees: mentees.size,
    same: mentees.size - changes.length,
    changed: changes.length,
    changes: page.flatMap((c) => {
      const mentee = person(c.mentee);
      // Someone whose enrolment is gone since is left out of the page rather than shown nameless.
      return mentee
        ? [
            {
              mentee,
              a: { mentor: person(c.a.mentor), score: c.a.score },
              b: { mentor: person(c.b.mentor), score: c.b.score },
              scoreDelta: c.delta,
            },
          ]
        : [];
    }),
    changesTotal: changes.length,
  };
}
