import { and, asc, count, desc, eq, gt, lte } from "drizzle-orm";
import type { Session } from "../../../contracts/workspace.js";
import type { Executor } from "../../platform/db.js";
import type { Pair } from "./access.js";
import { agendaAuthor } from "./policies.js";
import { presentSession, type SessionRow } from "./present.js";
import { agendaStates, findSession, noticeHours } from "./session-repository.js";
import { pairSessions } from "./tables.js";

type When = "upcoming" | "past" | "all";

/** Sessions of the pair: upcoming soonest first (cancelled ones too, marked), past latest first. */
export async function listSessions(db: Executor, pair: Pair, q: { when: When; limit: number; offset: number }, now = new Date()) {
  const id = pair.relationship.id;
  const where = and(
    eq(pairSessions.relationshipId, id),
    q.when === "upcoming" ? gt(pairSessions.endsAt, now) : q.when === "past" ? lte(pairSessions.endsAt, now) : undefined,
  );
  const order = q.when === "past" ? desc(pairSessions.startsAt) : asc(pairSessions.startsAt);
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(pairSessions).where(where).orderBy(order).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(pairSessions).where(where),
  ]);
  return { items: await presentSessions(db, pair, rows, now), total: Number(n), limit: q.limit, offset: q.offset };
}

export async function presentSessions(db: Executor, pair: Pair, rows: SessionRow[], now = new Date()): Promise<Session[]> {
  const [agendas, notice] = await Promise.all([
    agendaStates(
      db,
      rows.map((r) => r.id),
    ),
    noticeHours(db, pair.relationship.id),
  ]);
  const author = agendaAuthor(pair);
  return rows.map((r) => presentSession(r, pair.side, agendas.get(r.id) ?? "none", notice, author, now));
}

export async function readSession(db: Executor, pair: Pair, sessionId: string, now = new Date()): Promise<Session> {
  const row = await findSession(db, pair.relationship.id, sessionId);
  return (await presentSessions(db, pair, [row], now))[0];
}

/** The next session still to happen, if any. */
export async function nextSession(db: Executor, pair: Pair, now = new Date()): Promise<Session | null> {
  const [row] = await db
    .select()
    .from(pairSessions)
    .where(and(eq(pairSessions.relationshipId, pair.relationship.id), eq(pairSessions.status, "scheduled"), gt(pairSessions.endsAt, now)))
    .orderBy(asc(pairSessions.startsAt))
    .limit(1);
  return row ? (await presentSessions(db, pair, [row], now))[0] : null;
}
