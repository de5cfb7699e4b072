import { errorResponses } from "../../../contracts/errors.js";
import {
  Agenda,
  AgendaCommentCreate,
  AgendaSave,
  AgendaTopicCreate,
  AgendaTopicParams,
  CancelledSessions,
  RelationshipParams,
  ScheduledSessions,
  Session,
  SessionCancel,
  SessionList,
  SessionListQuery,
  SessionOutcome,
  SessionParams,
  SessionReschedule,
  SessionSchedule,
} from "../../../contracts/workspace.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadPair } from "./access.js";
import { addAgendaComment, raiseAgendaTopic, readAgenda, saveAgenda, shareAgenda, withdrawAgendaTopic } from "./agenda.js";
import { cancelSessions } from "./cancel-sessions.js";
import { listSessions, presentSessions, readSession } from "./list-sessions.js";
import { recordOutcome } from "./record-outcome.js";
import { rescheduleSession } from "./reschedule-session.js";
import { scheduleSessions } from "./schedule-sessions.js";

const tags = ["workspace"];

export async function workspaceSessionRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/relationships/:relationshipId/sessions",
    {
      schema: {
        tags,
        summary: "The pair's sessions: upcoming (soonest first), past (latest first) or all",
        params: RelationshipParams,
        querystring: SessionListQuery,
        response: { 200: SessionList, ...errorResponses },
      },
    },
    async (req) => listSessions(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId), req.query),
  );

  app.post(
    "/relationships/:relationshipId/sessions",
    {
      schema: {
        tags,
        summary: "Schedule a session or a weekly/fortnightly series; both get a calendar invitation",
        description:
          "Day, time, zone and place default to the plan's; the length to the programme's. A series keeps its wall-clock time across daylight-saving changes. A time in the past is refused unless `held: true` logs a session that took place. Overlapping sessions answer 409 session_overlap.",
        params: RelationshipParams,
        body: SessionSchedule,
        response: { 201: ScheduledSessions, ...errorResponses },
      },
    },
    async (req, reply) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const rows = await scheduleSessions(ctx, pair, req.body);
      req.log.info({ relationshipId: pair.relationship.id, sessions: rows.map((r) => r.id) }, "sessions scheduled");
      return reply.code(201).send({ sessions: await presentSessions(ctx.db, pair, rows) });
    },
  );

  app.get(
    "/relationships/:relationshipId/sessions/:sessionId",
    { schema: { tags, summary: "One session", params: SessionParams, response: { 200: Session, ...errorResponses } } },
    async (req) => readSession(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId), req.params.sessionId),
  );

  app.patch(
    "/relationships/:relationshipId/sessions/:sessionId",
    {
      schema: {
        tags,
        summary: "Reschedule a session; calendars update the same event (same UID, higher SEQUENCE)",
        params: SessionParams,
        body: SessionReschedule,
        response: { 200: Session, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await rescheduleSession(ctx, pair, req.params.sessionId, req.body);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: row.id, sequence: row.sequence }, "session rescheduled");
      return (await presentSessions(ctx.db, pair, [row]))[0];
    },
  );

  app.post(
    "/relationships/:relationshipId/sessions/:sessionId/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a session (or it and the rest of its series); late cancellations are recorded",
        params: SessionParams,
        body: SessionCancel,
        response: { 200: CancelledSessions, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const rows = await cancelSessions(ctx, pair, req.params.sessionId, req.body.scope);
      req.log.info({ relationshipId: pair.relationship.id, sessions: rows.map((r) => r.id) }, "sessions cancelled");
      return { sessions: await presentSessions(ctx.db, pair, rows) };
    },
  );

  app.post(
    "/relationships/:relationshipId/sessions/:sessionId/outcome",
    {
      schema: {
        tags,
        summary: "Mark a session that has started as held or missed",
        params: SessionParams,
        body: SessionOutcome,
        response: { 200: Session, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await recordOutcome(ctx.db, pair, req.params.sessionId, req.body.outcome);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: row.id, status: row.status }, "session outcome recorded");
      return (await presentSessions(ctx.db, pair, [row]))[0];
    },
  );

  app.get(
    "/relationships/:relationshipId/sessions/:sessionId/agenda",
    {
      schema: {
        tags,
        summary: "The session's agenda with the action items carried into it",
        description:
          "The agenda's author is the mentee in mentoring and the coach in coaching; the other side sees the text only once it is shared (status not_shared until then). Coaching agendas carry the coachee's topics beside them.",
        params: SessionParams,
        response: { 200: Agenda, ...errorResponses },
      },
    },
    async (req) => readAgenda(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId), req.params.sessionId),
  );

  app.put(
    "/relationships/:relationshipId/sessions/:sessionId/agenda",
    {
      schema: {
        tags,
        summary: "Write the agenda (its author only: the mentee in mentoring, the coach in coaching; the other side gets 403)",
        params: SessionParams,
        body: AgendaSave,
        response: { 200: Agenda, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const agenda = await saveAgenda(ctx.db, pair, req.params.sessionId, req.body);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.params.sessionId, version: agenda.version }, "agenda saved");
      return agenda;
    },
  );

  app.post(
    "/relationships/:relationshipId/sessions/:sessionId/agenda/share",
    {
      schema: {
        tags,
        summary: "Share the agenda with the other side (its author only)",
        params: SessionParams,
        response: { 200: Agenda, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const agenda = await shareAgenda(ctx.db, pair, req.params.sessionId);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.params.sessionId }, "agenda shared");
      return agenda;
    },
  );

  app.post(
    "/relationships/:relationshipId/sessions/:sessionId/agenda/comments",
    {
      schema: {
        tags,
        summary: "Comment on a shared agenda (either person)",
        params: SessionParams,
        body: AgendaCommentCreate,
        response: { 201: Agenda, ...errorResponses },
      },
    },
    async (req, reply) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const agenda = await addAgendaComment(ctx.db, pair, req.params.sessionId, req.body.body);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.params.sessionId }, "agenda comment added");
      return reply.code(201).send(agenda);
    },
  );

  app.post(
    "/relationships/:relationshipId/sessions/:sessionId/agenda/topics",
    {
      schema: {
        tags,
        summary: "Coaching: raise a topic beside the coach's agenda (the coachee only)",
        description: "The coach sees it at once, shared agenda or not. Mentoring pairs answer 409 not_in_mentoring.",
        params: SessionParams,
        body: AgendaTopicCreate,
        response: { 201: Agenda, ...errorResponses },
      },
    },
    async (req, reply) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const agenda = await raiseAgendaTopic(ctx.db, pair, req.params.sessionId, req.body.body);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.params.sessionId }, "agenda topic raised");
      return reply.code(201).send(agenda);
    },
  );

  app.delete(
    "/relationships/:relationshipId/sessions/:sessionId/agenda/topics/:topicId",
    {
      schema: {
        tags,
        summary: "Coaching: take back a topic you raised",
        params: AgendaTopicParams,
        response: { 200: Agenda, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const agenda = await withdrawAgendaTopic(ctx.db, pair, req.params.sessionId, req.params.topicId);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.params.sessionId }, "agenda topic withdrawn");
      return agenda;
    },
  );
}
