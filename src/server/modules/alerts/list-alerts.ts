import { and, asc, count, desc, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { AlertType } from "../../../core/alerts/settings.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { loadProgrammeActor } from "../support/access.js";
import { settingsOf } from "../support/settings.js";
import { assertWorksQueue } from "./policies.js";
import { presentAlert } from "./present.js";
import { coordinatorsOf, namesOf } from "./repository.js";
import { supportAlerts } from "./tables.js";

export type AlertQuery = {
  state: "open" | "acknowledged" | "snoozed" | "resolved" | "unresolved";
  type?: AlertType;
  assignee?: string;
  sort: "oldest" | "newest";
  limit: number;
  offset: number;
};

/**
 * The queue, filtered by state, type and assignee, oldest first by default (the longest
 * waiting comes first). A snoozed alert whose date has come counts as open at once.
 */
export async function listAlerts(db: Db, principal: Principal, programmeId: string, q: AlertQuery, now = new Date()) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertWorksQueue(actor);
  const woke = sql`(${supportAlerts.state} = 'snoozed' and ${supportAlerts.snoozedUntil} <= ${now})`;
  const byState: Record<AlertQuery["state"], SQL> = {
    open: sql`(${supportAlerts.state} = 'open' or ${woke})`,
    acknowledged: eq(supportAlerts.state, "acknowledged") as SQL,
    snoozed: sql`(${supportAlerts.state} = 'snoozed' and not ${woke})`,
    resolved: eq(supportAlerts.state, "resolved") as SQL,
    unresolved: ne(supportAlerts.state, "resolved") as SQL,
  };
  const assignee =
    q.assignee === undefined
      ? undefined
      : q.assignee === "none"
        ? isNull(supportAlerts.assigneeUserId)
        : eq(supportAlerts.assigneeUserId, q.assignee === "me" ? principal.user.id : q.assignee);
  const base = and(eq(supportAlerts.programmeId, programme.id), q.type ? eq(supportAlerts.type, q.type) : undefined, assignee);
  const where = and(base, byState[q.state]);
  const rows = await db
    .select()
    .from(supportAlerts)
    .where(where)
    .orderBy(q.sort === "oldest" ? asc(supportAlerts.raisedAt) : desc(supportAlerts.raisedAt), asc(supportAlerts.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ n }] = await db.select({ n: count() }).from(supportAlerts).where(where);
  const counts = { open: 0, acknowledged: 0, snoozed: 0, resolved: 0 };
  for (const state of Object.keys(counts) as (keyof typeof counts)[]) {
    const [c] = await db.select({ n: count() }).from(supportAlerts).where(and(base, byState[state]));
    counts[state] = Number(c.n);
  }
  const { settings } = await settingsOf(db, programme);
  const name = await namesOf(
    db,
    rows.flatMap((r) => [r.menteeUserId, r.mentorUserId, r.assigneeUserId]),
  );
  return {
    items: rows.map((r) =>
      presentAlert(
        r,
        { mentee: name(r.menteeUserId), mentor: name(r.mentorUserId), assignee: name(r.assigneeUserId) },
        settings.overdueAfterDays,
        now,
      ),
    ),
    total: Number(n),
    limit: q.limit,
    offset: q.offset,
    counts,
    coordinators: (await coordinatorsOf(db, programme.id)).map((c) => ({ id: c.id, name: c.name })),
  };
}
