import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db.js";
import { notFound } from "../../platform/errors.js";
import { users } from "../accounts/tables.js";
import { programmeMembers } from "../programmes/tables.js";
import type { AlertRow } from "./present.js";
import { supportAlerts } from "./tables.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findProgrammeAlert(db: Executor, programmeId: string, alertId: string, lock = false): Promise<AlertRow> {
  if (!UUID.test(alertId)) throw notFound("That alert");
  const q = db
    .select()
    .from(supportAlerts)
    .where(and(eq(supportAlerts.id, alertId), eq(supportAlerts.programmeId, programmeId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("That alert");
  return row;
}

/** Names of the people alerts mention (mentee, mentor, assignee), looked up once for a page. */
export async function namesOf(db: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = wanted.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id: string | null) => (id ? (byId.get(id) ?? null) : null);
}

/** The programme's coordinators: who an alert can be assigned to. */
export async function coordinatorsOf(db: Executor, programmeId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(programmeMembers)
    .innerJoin(users, eq(users.id, programmeMembers.userId))
    .where(and(eq(programmeMembers.programmeId, programmeId), eq(programmeMembers.role, "coordinator")))
    .orderBy(users.name);
}
