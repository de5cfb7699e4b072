import { z } from "zod";
import { IdParams, pageOf } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import {
  Member,
  MemberAdd,
  MemberParams,
  MemberRemoveQuery,
  Programme,
  ProgrammeCreate,
  ProgrammeListQuery,
  ProgrammeStatusChange,
  ProgrammeUpdate,
  ResourceParams,
  WeeklyResource,
  WeeklyResourceSave,
} from "../../../contracts/programmes.js";
import { requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadProgrammeFor } from "./access.js";
import { addProgrammeMember } from "./add-member.js";
import { createProgramme } from "./create-programme.js";
import { presentProgramme } from "./present.js";
import { removeCoordinator } from "./remove-member.js";
import { listMembers, listProgrammes, rolesByProgramme } from "./repository.js";
import { deleteResource, listResources, saveResource } from "./resources.js";
import { changeProgrammeStatus, setProgrammeArchived, updateProgramme } from "./update-programme.js";

const tags = ["programmes"];

export async function programmeRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/programmes",
    {
      schema: {
        tags,
        summary: "Programmes you belong to (all of them for instance admins)",
        querystring: ProgrammeListQuery,
        response: { 200: pageOf(Programme), ...errorResponses },
      },
    },
    async (req) => {
      const principal = requireUser(req);
      const { status, q, limit, offset } = req.query;
      const { items, total } = await listProgrammes(ctx.db, {
        status,
        q,
        limit,
        offset,
        memberId: principal.user.isAdmin ? undefined : principal.user.id,
      });
      const roles = await rolesByProgramme(
        ctx.db,
        principal.user.id,
        items.map((p) => p.id),
      );
      return { items: items.map((p) => presentProgramme(p, roles.get(p.id) ?? [])), total, limit, offset };
    },
  );

  app.post(
    "/programmes",
    {
      schema: {
        tags,
        summary: "Create a programme; you become its coordinator",
        description: "The term defaults to 12 weeks starting next Monday.",
        body: ProgrammeCreate,
        response: { 201: Programme, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = requireUser(req);
      const programme = await createProgramme(ctx.db, principal, req.body);
      req.log.info({ programmeId: programme.id, by: principal.user.id }, "programme created");
      return reply.code(201).send(presentProgramme(programme, ["coordinator"]));
    },
  );

  app.get(
    "/programmes/:id",
    { schema: { tags, summary: "One programme", params: IdParams, response: { 200: Programme, ...errorResponses } } },
    async (req) => {
      const { programme, roles } = await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "view");
      return presentProgramme(programme, roles);
    },
  );

  app.patch(
    "/programmes/:id",
    {
      schema: {
        tags,
        summary: "Edit a programme (coordinators); send the version you edited",
        params: IdParams,
        body: ProgrammeUpdate,
        response: { 200: Programme, ...errorResponses },
      },
    },
    async (req) => {
      const { programme, roles } = await updateProgramme(ctx.db, requireUser(req), req.params.id, req.body);
      return presentProgramme(programme, roles);
    },
  );

  app.post(
    "/programmes/:id/status",
    {
      schema: {
        tags,
        summary: "Move a programme along its lifecycle (coordinators)",
        description:
          "draft → open → matching → running → completed; open ↔ draft and matching → open are allowed too. Refused moves answer 409 invalid_transition.",
        params: IdParams,
        body: ProgrammeStatusChange,
        response: { 200: Programme, ...errorResponses },
      },
    },
    async (req) => {
      const { programme, roles } = await changeProgrammeStatus(ctx.db, requireUser(req), req.params.id, req.body.status, req.body.version);
      req.log.info({ programmeId: programme.id, status: programme.status }, "programme status changed");
      return presentProgramme(programme, roles);
    },
  );

  for (const [action, archived] of [
    ["archive", true],
    ["restore", false],
  ] as const) {
    app.post(
      `/programmes/:id/${action}`,
      {
        schema: {
          tags,
          summary: archived ? "Archive a programme (coordinators); undo with restore" : "Restore an archived programme (coordinators)",
          params: IdParams,
          response: { 200: Programme, ...errorResponses },
        },
      },
      async (req) => {
        const { programme, roles } = await setProgrammeArchived(ctx.db, requireUser(req), req.params.id, archived);
        req.log.info({ programmeId: programme.id, action }, "programme archive state changed");
        return presentProgramme(programme, roles);
      },
    );
  }

  app.get(
    "/programmes/:id/members",
    {
      schema: {
        tags,
        summary: "People in a programme and their roles (coordinators)",
        params: IdParams,
        response: { 200: z.array(Member), ...errorResponses },
      },
    },
    async (req) => {
      await loadProgrammeFor(ctx.db, requireUser(req), req.params.id, "manage");
      const rows = await listMembers(ctx.db, req.params.id);
      return rows.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() }));
    },
  );

  app.post(
    "/programmes/:id/members",
    {
      schema: {
        tags,
        summary: "Give an existing account a role in the programme (coordinators)",
        params: IdParams,
        body: MemberAdd,
        response: { 201: z.array(Member), ...errorResponses },
      },
    },
    async (req, reply) => {
      await addProgrammeMember(ctx.db, requireUser(req), req.params.id, req.body.email, req.body.role);
      const rows = await listMembers(ctx.db, req.params.id);
      return reply.code(201).send(rows.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() })));
    },
  );

  app.delete(
    "/programmes/:id/members/:userId",
    {
      schema: {
        tags,
        summary: "Remove a coordinator (coordinators); the last one cannot be removed",
        params: MemberParams,
        querystring: MemberRemoveQuery,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeCoordinator(ctx.db, requireUser(req), req.params.id, req.params.userId, req.query.role);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/programmes/:id/resources",
    {
      schema: {
        tags: ["weekly resources"],
        summary: "The weekly content schedule (participants see their own side's)",
        params: IdParams,
        response: { 200: z.array(WeeklyResource), ...errorResponses },
      },
    },
    async (req) => listResources(ctx.db, requireUser(req), req.params.id),
  );

  app.put(
    "/programmes/:id/resources/:week/:audience",
    {
      schema: {
        tags: ["weekly resources"],
        summary: "Write one week's resource for one side (coordinators)",
        params: ResourceParams,
        body: WeeklyResourceSave,
        response: { 200: WeeklyResource, ...errorResponses },
      },
    },
    async (req) => saveResource(ctx.db, requireUser(req), req.params.id, req.params.week, req.params.audience, req.body),
  );

  app.delete(
    "/programmes/:id/resources/:week/:audience",
    {
      schema: {
        tags: ["weekly resources"],
        summary: "Remove one week's resource (coordinators)",
        params: ResourceParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteResource(ctx.db, requireUser(req), req.params.id, req.params.week, req.params.audience);
      return reply.code(204).send(null);
    },
  );
}
