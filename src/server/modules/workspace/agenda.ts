import { and, asc, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Agenda } from "../../../contracts/workspace.js";
import { AGENDA_SECTIONS, type AgendaText, agendaIsEmpty } from "../../../core/workspace/agenda-template.js";
import type { Db, Executor } from "../../platform/db.js";
import { badRequest, conflict } from "../../platform/errors.js";
import { lockOpenPair, notYours, type Pair } from "./access.js";
import { pairPeople } from "./people.js";
import { agendaAs, presentActionItem } from "./present.js";
import { findSession } from "./session-repository.js";
import { actionItems, agendaComments, sessionAgendas } from "./tables.js";

const menteeOnly = () =>
  notYours("agenda_mentee_only", "The agenda is the mentee's to write. As the mentor you can add a comment once it is shared.");

/**
 * The agenda of one session, with the open action items carried into it. The mentor sees
 * it only once the mentee shares it; until then they learn only that it is not shared.
 */
export async function readAgenda(db: Executor, pair: Pair, sessionId: string): Promise<Agenda> {
  const session = await findSession(db, pair.relationship.id, sessionId);
  const [row] = await db.select().from(sessionAgendas).where(eq(sessionAgendas.sessionId, session.id));
  const status = agendaAs(row?.status ?? "none", pair.side);
  const visible = status === "shared" || pair.side === "mentee";
  const [comments, people, carried, linked] = await Promise.all([
    visible
      ? db.select().from(agendaComments).where(eq(agendaComments.sessionId, session.id)).orderBy(asc(agendaComments.createdAt))
      : Promise.resolve([]),
    pairPeople(db, pair.relationship),
    // Still open, from before this session and not agreed in it: what the pair carries in.
    db
      .select()
      .from(actionItems)
      .where(
        and(
          eq(actionItems.relationshipId, pair.relationship.id),
          isNull(actionItems.doneAt),
          lt(actionItems.createdAt, session.startsAt),
          or(isNull(actionItems.sessionId), ne(actionItems.sessionId, session.id)),
        ),
      )
      .orderBy(asc(actionItems.dueOn), asc(actionItems.createdAt)),
    db.select().from(actionItems).where(eq(actionItems.sessionId, session.id)).orderBy(asc(actionItems.createdAt)),
  ]);
  const text: AgendaText = row?.sections ?? {};
  return {
    sessionId: session.id,
    status,
    sections: visible ? AGENDA_SECTIONS.map((s) => ({ key: s.key, heading: s.heading, prompt: s.prompt, text: text[s.key] ?? "" })) : null,
    version: visible ? (row?.version ?? 0) : 0,
    sharedAt: row?.sharedAt?.toISOString() ?? null,
    updatedAt: visible ? (row?.updatedAt.toISOString() ?? null) : null,
    comments: comments.map((c) => ({
      id: c.id,
      author: { name: people[c.authorSide].name, side: c.authorSide },
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    carriedActionItems: carried.map(presentActionItem),
    sessionActionItems: linked.map(presentActionItem),
  };
}

/** The mentee writes (and rewrites) the agenda; a stale version from another tab answers 409. */
export async function saveAgenda(
  db: Db,
  pair: Pair,
  sessionId: string,
  input: { version: number; sections: AgendaText },
  now = new Date(),
) {
  if (pair.side !== "mentee") throw menteeOnly();
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const session = await findSession(tx, pair.relationship.id, sessionId, true);
    if (session.status === "cancelled") throw cancelledSession();
    const [row] = await tx.select().from(sessionAgendas).where(eq(sessionAgendas.sessionId, session.id));
    if ((row?.version ?? 0) !== input.version)
      throw conflict(
        "version_conflict",
        "The agenda changed since you opened it (in another tab?). Reload it, then make your change again.",
        {
          currentVersion: row?.version ?? 0,
        },
      );
    const sections = { ...(row?.sections ?? {}), ...input.sections };
    if (row) {
      await tx
        .update(sessionAgendas)
        .set({ sections, version: sql`${sessionAgendas.version} + 1`, updatedAt: now })
        .where(eq(sessionAgendas.sessionId, session.id));
    } else {
      await tx.insert(sessionAgendas).values({ sessionId: session.id, relationshipId: pair.relationship.id, sections, updatedAt: now });
    }
  });
  return readAgenda(db, pair, sessionId);
}

const cancelledSession = () => conflict("session_not_scheduled", "This session was cancelled; its agenda can no longer change.");

/** Shares the agenda with the mentor. Later edits stay shared: the mentor always reads the latest. */
export async function shareAgenda(db: Db, pair: Pair, sessionId: string, now = new Date()) {
  if (pair.side !== "mentee") throw menteeOnly();
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const session = await findSession(tx, pair.relationship.id, sessionId, true);
    if (session.status === "cancelled") throw cancelledSession();
    const [row] = await tx.select().from(sessionAgendas).where(eq(sessionAgendas.sessionId, session.id));
    if (!row || agendaIsEmpty(row.sections)) throw badRequest("agenda_empty", "Write at least one part of the agenda before sharing it.");
    if (row.status !== "shared")
      await tx.update(sessionAgendas).set({ status: "shared", sharedAt: now }).where(eq(sessionAgendas.sessionId, session.id));
  });
  return readAgenda(db, pair, sessionId);
}

/** Either person comments on a shared agenda: the mentor's way to prepare without rewriting it. */
export async function addAgendaComment(db: Db, pair: Pair, sessionId: string, body: string) {
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const session = await findSession(tx, pair.relationship.id, sessionId);
    if (session.status === "cancelled") throw cancelledSession();
    const [row] = await tx.select({ status: sessionAgendas.status }).from(sessionAgendas).where(eq(sessionAgendas.sessionId, session.id));
    if (row?.status !== "shared")
      throw conflict("agenda_not_shared", "The agenda has not been shared yet; comments open once the mentee shares it.");
    await tx.insert(agendaComments).values({
      sessionId: session.id,
      relationshipId: pair.relationship.id,
      authorId: pair.userId,
      authorSide: pair.side,
      body,
    });
  });
  return readAgenda(db, pair, sessionId);
}
