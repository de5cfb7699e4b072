import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../platform/db.js";

export type NextSession = { startsAt: Date; timeZone: string; agendaShared: boolean };

/**
 * Each pair's next scheduled session (of one programme, or of the given pairs) and whether
 * the mentee has shared its agenda — never the agenda itself. Reads the workspace's tables.
 */
export async function nextSessionByPair(db: Executor, of: { programmeId: string } | { relationshipIds: string[] }, now: Date) {
  if ("relationshipIds" in of && of.relationshipIds.length === 0) return new Map<string, NextSession>();
  const which =
    "programmeId" in of
      ? sql`s.relationship_id in (select id from relationships where programme_id = ${of.programmeId})`
      : sql`s.relationship_id in (${sql.join(
          of.relationshipIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await queryRows<{ relationship_id: string; starts_at: string | Date; time_zone: string; shared: boolean }>(
    db,
    sql`select distinct on (s.relationship_id) s.relationship_id, s.starts_at, s.time_zone, coalesce(a.status = 'shared', false) as shared
        from pair_sessions s left join session_agendas a on a.session_id = s.id
        where ${which} and s.status = 'scheduled' and s.starts_at > ${now.toISOString()}
        order by s.relationship_id, s.starts_at`,
  );
  return new Map<string, NextSession>(
    rows.map((r) => [r.relationship_id, { startsAt: new Date(r.starts_at), timeZone: r.time_zone, agendaShared: r.shared === true }]),
  );
}
