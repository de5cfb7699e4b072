import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import type { Side } from "./access.js";

export type Person = { id: string; name: string; email: string; timeZone: string | null };
export type PairPeople = Record<Side, Person>;

/** Both people of a pair with the time zone each gave in their intake answers. */
export async function pairPeople(
  db: Executor,
  r: Pick<RelationshipRow, "programmeId" | "mentorUserId" | "menteeUserId">,
): Promise<PairPeople> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, answers: enrolments.answers })
    .from(users)
    .leftJoin(enrolments, and(eq(enrolments.userId, users.id), eq(enrolments.programmeId, r.programmeId)))
    .where(inArray(users.id, [r.mentorUserId, r.menteeUserId]));
  const person = (id: string): Person => {
    const row = rows.find((x) => x.id === id);
    if (!row) throw new Error(`pair member ${id} has no account`);
    const tz = row.answers?.timezone;
    return { id, name: row.name, email: row.email, timeZone: typeof tz === "string" && tz ? tz : null };
  };
  return { mentor: person(r.mentorUserId), mentee: person(r.menteeUserId) };
}

/** Who wrote something, as the pair sees it: a name and a side. */
export const byline = (people: PairPeople, side: Side | null | undefined) => (side ? { name: people[side].name, side } : null);
