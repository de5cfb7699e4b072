import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { plannedStates } from "../../../core/support/check-ins.js";
import type { Principal } from "../../platform/auth/principal.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/tables.js";
import { relationships } from "../relationships/tables.js";
import { loadProgrammeActor } from "../support/access.js";
import { settingsOf } from "../support/settings.js";
import { assertLogsCheckIns } from "./policies.js";
import { checkIns } from "./tables.js";

const menteeUser = alias(users, "mentee_user");
const mentorUser = alias(users, "mentor_user");
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The check-in plan for every current pair: each planned week done, due, overdue or to
 * come, the last check-in's outcome and the next follow-up. Pairs needing attention first.
 */
export async function checkInPlan(
  db: Db,
  principal: Principal,
  programmeId: string,
  q: { limit: number; offset: number; show: "all" | "attention" },
  now = new Date(),
) {
  const { programme, actor } = await loadProgrammeActor(db, principal, programmeId);
  assertLogsCheckIns(actor);
  const { settings } = await settingsOf(db, programme);
  const pairs = await db
    .select({
      id: relationships.id,
      status: relationships.status,
      startedAt: relationships.startedAt,
      mentee: menteeUser.name,
      mentor: mentorUser.name,
    })
    .from(relationships)
    .innerJoin(menteeUser, eq(menteeUser.id, relationships.menteeUserId))
    .innerJoin(mentorUser, eq(mentorUser.id, relationships.mentorUserId))
    .where(and(eq(relationships.programmeId, programme.id), inArray(relationships.status, ["active", "paused"])));
  const logged = await db
    .select({
      id: checkIns.id,
      relationshipId: checkIns.relationshipId,
      happenedOn: checkIns.happenedOn,
      outcome: checkIns.outcome,
      followUpOn: checkIns.followUpOn,
    })
    .from(checkIns)
    .where(eq(checkIns.programmeId, programme.id));
  const byPair = new Map<string, typeof logged>();
  for (const c of logged) byPair.set(c.relationshipId, [...(byPair.get(c.relationshipId) ?? []), c]);
  const today = isoDay(now);
  const rows = pairs.map((p) => {
    const mine = (byPair.get(p.id) ?? []).sort((a, b) => a.happenedOn.localeCompare(b.happenedOn));
    const planned = plannedStates(
      settings.checkInPlan,
      programme.termStart,
      { startedOn: p.startedAt ? isoDay(p.startedAt) : null },
      mine,
      settings.checkInGraceDays,
      today,
    );
    const last = mine.at(-1);
    const followUpOn = last?.followUpOn ?? null;
    const overdue = planned.some((x) => x.state === "overdue") || (followUpOn !== null && today > followUpOn);
    return {
      relationshipId: p.id,
      mentee: { name: p.mentee },
      mentor: { name: p.mentor },
      status: p.status,
      planned,
      lastCheckIn: last ? { happenedOn: last.happenedOn, outcome: last.outcome } : null,
      followUpOn,
      overdue,
      due: planned.some((x) => x.state === "due"),
    };
  });
  const rank = (r: (typeof rows)[number]) => (r.overdue ? 0 : r.due ? 1 : 2);
  const shown = rows
    .filter((r) => q.show === "all" || rank(r) < 2)
    .sort((a, b) => rank(a) - rank(b) || a.mentee.name.localeCompare(b.mentee.name));
  return {
    items: shown.slice(q.offset, q.offset + q.limit).map(({ due: _due, ...r }) => r),
    total: shown.length,
    limit: q.limit,
    offset: q.offset,
    plan: settings.checkInPlan,
  };
}
