import { and, eq, inArray } from "drizzle-orm";
import { type HardRules, type PreparedProfile, pairKey, type Weights } from "../../../core/matching/scoring.js";
import type { Executor } from "../../platform/db.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import type { ProgrammeRow } from "../programmes/repository.js";
import { type PairProblem, pairProblems } from "./pair-rules.js";
import type { RoundPool } from "./pool.js";
import type { PairRef } from "./tables.js";

type LockCheck = { locked: readonly PairRef[]; excluded: readonly PairRef[]; weights: Weights; rules: HardRules };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Refuses locks the engine must not be given, before anything runs, with a message that names
 * each pair and the rule it breaks: a lock the rules forbid would otherwise be silently
 * dropped or, worse, honoured. Nothing is stored when this throws.
 */
export async function checkLocks(
  db: Executor,
  programme: Pick<ProgrammeRow, "id">,
  pool: RoundPool,
  check: LockCheck,
  preparedPair: (mentee: number, mentor: number) => { mentee: PreparedProfile; mentor: PreparedProfile },
) {
  const { locked, excluded } = check;
  if (locked.length === 0 && excluded.length === 0) return;
  const mentees = new Map(pool.mentees.map((p, i) => [p.id, i]));
  const mentors = new Map(pool.mentors.map((p, i) => [p.id, i]));
  const names = await namesOf(db, programme.id, [...locked, ...excluded]);
  const unknown = [...locked, ...excluded].flatMap((p) => [p.menteeEnrolmentId, p.mentorEnrolmentId]).filter((id) => !names.has(id));
  if (unknown.length > 0)
    throw badRequest("unknown_participant", `Nobody with the enrolment id ${unknown[0]} is in this programme.`, { enrolmentIds: unknown });
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const label = (p: PairRef) => `${nameOf(p.menteeEnrolmentId)} and ${nameOf(p.mentorEnrolmentId)}`;

  const seen = new Map<string, PairRef>();
  for (const l of locked) {
    const before = seen.get(l.menteeEnrolmentId);
    if (before)
      throw badRequest(
        "invalid_locks",
        `${nameOf(l.menteeEnrolmentId)} is locked to two mentors (${nameOf(before.mentorEnrolmentId)} and ${nameOf(l.mentorEnrolmentId)}); keep one.`,
      );
    seen.set(l.menteeEnrolmentId, l);
  }
  const excludedKeys = new Set(excluded.map((x) => pairKey(x.menteeEnrolmentId, x.mentorEnrolmentId)));
  for (const l of locked) {
    if (excludedKeys.has(pairKey(l.menteeEnrolmentId, l.mentorEnrolmentId)))
      throw badRequest("invalid_locks", `${label(l)} are both locked and excluded; choose one.`);
  }

  const problems: (PairProblem & { pair: PairRef })[] = [];
  const perMentor = new Map<string, number>();
  for (const l of locked) {
    const e = mentees.get(l.menteeEnrolmentId);
    const m = mentors.get(l.mentorEnrolmentId);
    if (e === undefined) problems.push({ pair: l, ...absentMentee(names.get(l.menteeEnrolmentId), pool, label(l)) });
    if (m === undefined) problems.push({ pair: l, ...absentMentor(names.get(l.mentorEnrolmentId), pool, label(l)) });
    if (e === undefined || m === undefined) continue;
    perMentor.set(l.mentorEnrolmentId, (perMentor.get(l.mentorEnrolmentId) ?? 0) + 1);
    const { mentee, mentor } = preparedPair(e, m);
    for (const p of pairProblems(
      { mentee: nameOf(l.menteeEnrolmentId), mentor: nameOf(l.mentorEnrolmentId) },
      mentee,
      mentor,
      check.weights,
      check.rules,
      excludedKeys,
    ))
      problems.push({ pair: l, ...p });
  }
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${plural(problems.length - 1, "more problem")})` : "";
    throw conflict("pair_not_allowed", `Cannot lock ${problems[0].message.replace(/\.$/, "")}${more}. Nothing was run.`, { problems });
  }
  for (const [mentorId, n] of perMentor) {
    const places = pool.mentors[mentors.get(mentorId) as number].places;
    if (n > places)
      throw conflict(
        "mentor_full",
        `${plural(n, "pair")} are locked to ${nameOf(mentorId)}, who has ${plural(places, "place")} in this round. Nothing was run.`,
      );
  }
}

async function namesOf(db: Executor, programmeId: string, pairs: readonly PairRef[]) {
  const ids = [...new Set(pairs.flatMap((p) => [p.menteeEnrolmentId, p.mentorEnrolmentId]))];
  const rows = ids.length
    ? await db
        .select({ id: enrolments.id, name: users.name, role: enrolments.role, status: enrolments.status, paused: enrolments.paused })
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .where(and(eq(enrolments.programmeId, programmeId), inArray(enrolments.id, ids)))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

type Named = { name: string; role: string; status: string; paused: boolean };

/** Why someone named as a mentee is not in the round's pool, in words. */
export function absentMentee(person: Named | undefined, pool: Pick<RoundPool, "giver" | "receiver">, pair: string): PairProblem {
  if (!person) return { rule: "not-approved", message: `${pair}: the mentee is not in this programme.` };
  if (person.role !== pool.receiver) return { rule: "not-approved", message: `${pair}: ${person.name} is not a ${pool.receiver} here.` };
  if (person.status !== "approved")
    return { rule: "not-approved", message: `${pair}: ${person.name} is not an approved participant (${person.status}).` };
  return { rule: "not-approved", message: `${pair}: ${person.name} already has a live pair, so this round leaves them out.` };
}

/** Why someone named as a mentor is not offered in the round, in words. */
export function absentMentor(person: Named | undefined, pool: Pick<RoundPool, "giver" | "receiver">, pair: string): PairProblem {
  if (!person) return { rule: "mentor-unavailable", message: `${pair}: the mentor is not in this programme.` };
  if (person.role !== pool.giver) return { rule: "not-approved", message: `${pair}: ${person.name} is not a ${pool.giver} here.` };
  if (person.status !== "approved")
    return { rule: "not-approved", message: `${pair}: ${person.name} is not an approved participant (${person.status}).` };
  if (person.paused) return { rule: "mentor-unavailable", message: `${pair}: ${person.name} has paused taking mentees.` };
  return { rule: "mentor-unavailable", message: `${pair}: ${person.name} has no places left.` };
}
