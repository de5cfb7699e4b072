import { and, asc, eq, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Agenda } from "../../../contracts/workspace.js";
import { rulesFor, sideWord } from "../../../core/programme-modes.js";
import { isWritable } from "../../../core/relationships/status.js";
import { type AgendaText, agendaIsEmpty } from "../../../core/workspace/agenda-template.js";
import type { Db, Executor } from "../../platform/db.js";
import { badRequest, conflict, notFound } from "../../platform/errors.js";
import { lockOpenPair, type Pair } from "./access.js";
import { pairPeople } from "./people.js";
import { agendaAuthor, authorizeRaiseTopic, authorizeWriteAgenda, canReadAgenda, canWriteAgenda } from "./policies.js";
import { agendaAs, presentActionItem } from "./present.js";
import { findSession } from "./session-repository.js";
import { actionItems, agendaComments, agendaTopics, sessionAgendas } from "./tables.js";

/**
 * The agenda of one session, with the open action items carried into it. Its author (the
 * mentee in mentoring, the coach in coaching) always sees it; the other side sees it only
 * once shared and until then learns only that it is not shared. Topics the coachee raises
 * beside a coaching agenda are visible to both at once.
 */
export async function readAgenda(db: Executor, pair: Pair, sessionId: string): Promise<Agenda> {
  const session = await findSession(db, pair.relationship.id, sessionId);
  const rules = rulesFor(pair.programme.type);
  const [row] = await db.select().from(sessionAgendas).where(eq(sessionAgendas.sessionId, session.id));
  const author = agendaAuthor(pair);
  const status = agendaAs(row?.status ?? "none", pair.side, author);
  const visible = canReadAgenda(pair, row?.status ?? "none");
  const [comments, topics, people, carried, linked] = await Promise.all([
    visible
      ? db.select().from(agendaComments).where(eq(agendaComments.sessionId, session.id)).orderBy(asc(agendaComments.createdAt))
      : Promise.resolve([]),
    rules.features.agendaTopics
      ? db.select().from(agendaTopics).where(eq(agendaTopics.sessionId, session.id)).orderBy(asc(agendaTopics.createdAt))
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
  const open = isWritable(pair.relationship.status, pair.relationship.continuing) && session.status !== "cancelled";
  return {
    sessionId: session.id,
    status,
    author,
    canEdit: open && canWriteAgenda(pair),
    canRaiseTopics: open && rules.agenda.topicsFrom === pair.side,
    sections: visible
      ? rules.agenda.sections.map((s) => ({ key: s.key, heading: s.heading, prompt: s.prompt, text: text[s.key] ?? "" }))
      : null,
    version: visible ? (row?.version ?? 0) : 0,
    sharedAt: row?.sharedAt?.toISOString() ?? null,
    updatedAt: visible ? (row?.updatedAt.toISOString() ?? null) : null,
    comments: comments.map((c) => ({
      id: c.id,
      author: { name: people[c.authorSide].name, side: c.authorSide },
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    topics: topics.map((t) => ({
      id: t.id,
      author: { name: people[t.authorSide].name, side: t.authorSide },
      body: t.body,
      createdAt: t.createdAt.toISOString(),
      mine: t.authorId === pair.userId,
    })),
    carriedActionItems: rules.features.actionItems ? carried.map(presentActionItem) : [],
    sessionActionItems: rules.features.actionItems ? linked.map(presentActionItem) : [],
  };
}

/** Sections the mode's agenda does not have are refused, not silently stored. */
function assertSectionsOfMode(pair: Pair, sections: AgendaText) {
  const keys = new Set<string>(rulesFor(pair.programme.type).agenda.sections.map((s) => s.key));
  const foreign = Object.keys(sections).filter((k) => !keys.has(k));
  if (foreign.length === 0) return;
  const message = `A ${pair.programme.type} agenda has the parts ${[...keys].join(", ")}; ${foreign.join(", ")} is not one of them.`;
  throw badRequest("validation_failed", message, { issues: foreign.map((k) => ({ path: ["sections", k], message })) });
}

/** The author writes (and rewrites) the agenda; a stale version from another tab answers 409. */
export async function saveAgenda(
  db: Db,
  pair: Pair,
  sessionId: string,
  input: { version: number; sections: AgendaText },
  now = new Date(),
) {
  authorizeWriteAgenda(pair);
  assertSectionsOfMode(pair, input.sections);
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

/** Shares the agenda with the other side. Later edits stay shared: they always read the latest. */
export async function shareAgenda(db: Db, pair: Pair, sessionId: string, now = new Date()) {
  authorizeWriteAgenda(pair);
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

/** Either person comments on a shared agenda: the other side's way to prepare without rewriting it. */
export async function addAgendaComment(db: Db, pair: Pair, sessionId: string, body: string) {
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const session = await findSession(tx, pair.relationship.id, sessionId);
    if (session.status === "cancelled") throw cancelledSession();
    const [row] = await tx.select({ status: sessionAgendas.status }).from(sessionAgendas).where(eq(sessionAgendas.sessionId, session.id));
    if (row?.status !== "shared") {
      const author = sideWord(pair.programme.type, agendaAuthor(pair));
      throw conflict("agenda_not_shared", `The agenda has not been shared yet; comments open once the ${author} shares it.`);
    }
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

/** The coachee raises a topic beside the coach's agenda, shared or not: the coach sees it at once. */
export async function raiseAgendaTopic(db: Db, pair: Pair, sessionId: string, body: string) {
  authorizeRaiseTopic(pair);
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const session = await findSession(tx, pair.relationship.id, sessionId, true);
    if (session.status === "cancelled") throw cancelledSession();
    await tx.insert(agendaTopics).values({
      sessionId: session.id,
      relationshipId: pair.relationship.id,
      authorId: pair.userId,
      authorSide: pair.side,
      body,
    });
  });
  return readAgenda(db, pair, sessionId);
}

/** Takes back one of your own topics; anybody else's is not found. */
export async function withdrawAgendaTopic(db: Db, pair: Pair, sessionId: string, topicId: string) {
  authorizeRaiseTopic(pair);
  await db.transaction(async (tx) => {
    await lockOpenPair(tx, pair.relationship.id);
    const session = await findSession(tx, pair.relationship.id, sessionId, true);
    const removed = await tx
      .delete(agendaTopics)
      .where(and(eq(agendaTopics.id, topicId), eq(agendaTopics.sessionId, session.id), eq(agendaTopics.authorId, pair.userId)))
      .returning({ id: agendaTopics.id });
    if (removed.length === 0) throw notFound("That topic");
  });
  return readAgenda(db, pair, sessionId);
}
