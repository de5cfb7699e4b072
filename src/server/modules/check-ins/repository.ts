import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { findProgrammePair } from "../relationships/coordinator-pairs.js";
import { presentCheckIn, presentContact } from "./present.js";
import { checkIns, supportContacts } from "./tables.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A pair of this programme with both people's names and emails; another programme's pair is not found. */
export async function programmePair(db: Executor, programmeId: string, relationshipId: string) {
  const found = UUID.test(relationshipId) ? await findProgrammePair(db, programmeId, relationshipId) : undefined;
  if (!found) throw notFound("That pair");
  return found;
}

/** A pair's check-ins and the messages sent to it, newest first. Shared by the check-in page and an alert's page. */
export async function checkInHistory(db: Executor, relationshipId: string, showNotes: boolean) {
  const logged = await db
    .select({ c: checkIns, by: users.name })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.loggedBy))
    .where(eq(checkIns.relationshipId, relationshipId))
    .orderBy(desc(checkIns.happenedOn), desc(checkIns.createdAt))
    .limit(200);
  const contacts = await db
    .select({ c: supportContacts, by: users.name })
    .from(supportContacts)
    .leftJoin(users, eq(users.id, supportContacts.sentBy))
    .where(eq(supportContacts.relationshipId, relationshipId))
    .orderBy(desc(supportContacts.sentAt))
    .limit(200);
  return {
    checkIns: logged.map((r) => presentCheckIn(r.c, r.by, showNotes)),
    contacts: contacts.map((r) => presentContact(r.c, r.by)),
    notesVisible: showNotes,
  };
}

/** One check-in of one pair of this programme. */
export async function findCheckIn(db: Executor, programmeId: string, relationshipId: string, checkInId: string) {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.id, checkInId), eq(checkIns.programmeId, programmeId), eq(checkIns.relationshipId, relationshipId)));
  if (!row) throw notFound("That check-in");
  return row;
}
