import { Ok } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  ActionItem,
  ActionItemCreate,
  ActionItemList,
  ActionItemListQuery,
  ActionItemParams,
  ActionItemUpdate,
  NoteSave,
  NotesQuery,
  PrivateNote,
  RelationshipParams,
  SharedNote,
} from "../../../contracts/workspace.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadPair } from "./access.js";
import { createActionItem, deleteActionItem, listActionItems, updateActionItem } from "./action-items.js";
import { readPrivateNote, readSharedNote, savePrivateNote, saveSharedNote } from "./notes.js";

const tags = ["workspace"];

export async function workspaceNoteRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/relationships/:relationshipId/notes/shared",
    {
      schema: {
        tags,
        summary: "Shared notes (both of you edit), of one session or of the pair",
        params: RelationshipParams,
        querystring: NotesQuery,
        response: { 200: SharedNote, ...errorResponses },
      },
    },
    async (req) => readSharedNote(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId), req.query.sessionId ?? null),
  );

  app.put(
    "/relationships/:relationshipId/notes/shared",
    {
      schema: {
        tags,
        summary: "Save shared notes; send the version your text started from",
        description:
          "If your partner saved in between, 409 edit_conflict answers with details.current (their saved text and version) and details.yours (what you sent): merge and save again with the current version.",
        params: RelationshipParams,
        body: NoteSave,
        response: { 200: SharedNote, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const note = await saveSharedNote(ctx.db, pair, req.body);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.body.sessionId, version: note.version }, "shared notes saved");
      return note;
    },
  );

  app.get(
    "/relationships/:relationshipId/notes/private",
    {
      schema: {
        tags,
        summary: "Your private notes (only ever your own: nobody else can read them, not even an admin)",
        params: RelationshipParams,
        querystring: NotesQuery,
        response: { 200: PrivateNote, ...errorResponses },
      },
    },
    async (req) =>
      readPrivateNote(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId), req.query.sessionId ?? null),
  );

  app.put(
    "/relationships/:relationshipId/notes/private",
    {
      schema: {
        tags,
        summary: "Save your private notes; a stale version answers 409 edit_conflict",
        params: RelationshipParams,
        body: NoteSave,
        response: { 200: PrivateNote, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const note = await savePrivateNote(ctx.db, pair, req.body);
      req.log.info({ relationshipId: pair.relationship.id, sessionId: req.body.sessionId }, "private notes saved");
      return note;
    },
  );

  app.get(
    "/relationships/:relationshipId/action-items",
    {
      schema: {
        tags,
        summary: "The pair's action items, open first by due date",
        params: RelationshipParams,
        querystring: ActionItemListQuery,
        response: { 200: ActionItemList, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      return listActionItems(ctx.db, pair.relationship.id, req.query);
    },
  );

  app.post(
    "/relationships/:relationshipId/action-items",
    {
      schema: {
        tags,
        summary: "Add an action item (owner: mentor or mentee); open items carry into the next agenda",
        params: RelationshipParams,
        body: ActionItemCreate,
        response: { 201: ActionItem, ...errorResponses },
      },
    },
    async (req, reply) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const item = await createActionItem(ctx.db, pair, req.body);
      req.log.info({ relationshipId: pair.relationship.id, actionItemId: item.id }, "action item added");
      return reply.code(201).send(item);
    },
  );

  app.patch(
    "/relationships/:relationshipId/action-items/:itemId",
    {
      schema: {
        tags,
        summary: "Change an action item or tick it off",
        params: ActionItemParams,
        body: ActionItemUpdate,
        response: { 200: ActionItem, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const item = await updateActionItem(ctx.db, pair, req.params.itemId, req.body);
      req.log.info({ relationshipId: pair.relationship.id, actionItemId: item.id }, "action item updated");
      return item;
    },
  );

  app.delete(
    "/relationships/:relationshipId/action-items/:itemId",
    {
      schema: { tags, summary: "Remove an action item", params: ActionItemParams, response: { 200: Ok, ...errorResponses } },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      await deleteActionItem(ctx.db, pair, req.params.itemId);
      req.log.info({ relationshipId: pair.relationship.id, actionItemId: req.params.itemId }, "action item removed");
      return { ok: true as const };
    },
  );
}
