import { errorResponses } from "../../../contracts/errors.js";
import { MyRelationship } from "../../../contracts/relationships.js";
import { ContinuationBody, EndBody, PauseBody, RelationshipParams, ResumeBody, WorkspaceOverview } from "../../../contracts/workspace.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import type { RelationshipRow } from "../relationships/create-pair.js";
import { partnerOf } from "../relationships/list-mine.js";
import { presentMyRelationship } from "../relationships/present.js";
import { loadPair, type Pair } from "./access.js";
import { answerContinuation, completeTerm } from "./complete-term.js";
import { endEarly } from "./end-early.js";
import { workspaceOverview } from "./overview.js";
import { setPaused } from "./pause-resume.js";

const tags = ["workspace"];

export async function workspaceLifecycleRoutes(app: TypedApp, ctx: AppContext) {
  const present = async (pair: Pair, row: RelationshipRow) =>
    presentMyRelationship(row, pair.programme, pair.side, await partnerOf(ctx.db, row, pair.side));

  app.get(
    "/relationships/:relationshipId/overview",
    {
      schema: {
        tags,
        summary: "The workspace's front page: programme week and phase, this week's resource, next session, open items, plan state",
        params: RelationshipParams,
        response: { 200: WorkspaceOverview, ...errorResponses },
      },
    },
    async (req) => workspaceOverview(ctx.db, await loadPair(ctx.db, requireUser(req), req.params.relationshipId)),
  );

  app.post(
    "/relationships/:relationshipId/pause",
    {
      schema: {
        tags,
        summary: "Pause the relationship for a while (either person); the other is told",
        params: RelationshipParams,
        body: PauseBody,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await setPaused(ctx, pair, true, req.body.note);
      req.log.info({ relationshipId: row.id }, "relationship paused");
      return present(pair, row);
    },
  );

  app.post(
    "/relationships/:relationshipId/resume",
    {
      schema: {
        tags,
        summary: "Resume a paused relationship (either person)",
        params: RelationshipParams,
        body: ResumeBody,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await setPaused(ctx, pair, false, req.body.note);
      req.log.info({ relationshipId: row.id }, "relationship resumed");
      return present(pair, row);
    },
  );

  app.post(
    "/relationships/:relationshipId/end",
    {
      schema: {
        tags,
        summary: "End the relationship early (either person)",
        description:
          "Upcoming sessions are cancelled in both calendars and the other person is told. The programme's coordinators learn only that it ended and the category; the note stays with the pair.",
        params: RelationshipParams,
        body: EndBody,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await endEarly(ctx, pair, req.body);
      req.log.info({ relationshipId: row.id, category: req.body.category }, "relationship ended early");
      return present(pair, row);
    },
  );

  app.post(
    "/relationships/:relationshipId/complete",
    {
      schema: {
        tags,
        summary: "Complete the relationship at the end of the term (from two weeks before its last day); it becomes read-only",
        params: RelationshipParams,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await completeTerm(ctx, pair);
      req.log.info({ relationshipId: row.id }, "relationship completed");
      return present(pair, row);
    },
  );

  app.post(
    "/relationships/:relationshipId/continuation",
    {
      schema: {
        tags,
        summary: "Answer whether you want to continue after the term",
        description:
          "Open from two weeks before the term's last day. Both yes: completed and continuing (still writable, outside programme reporting). Any no: completed and read-only.",
        params: RelationshipParams,
        body: ContinuationBody,
        response: { 200: MyRelationship, ...errorResponses },
      },
    },
    async (req) => {
      const pair = await loadPair(ctx.db, requireUser(req), req.params.relationshipId);
      const row = await answerContinuation(ctx, pair, req.body.continue);
      req.log.info({ relationshipId: row.id, status: row.status }, "continuation answered");
      return present(pair, row);
    },
  );
}
