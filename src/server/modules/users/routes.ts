import { CurrentUser } from "../../../contracts/auth.js";
import { pageOf } from "../../../contracts/common.js";
import { errorResponses } from "../../../contracts/errors.js";
import { User, UserCreate, UserListQuery } from "../../../contracts/users.js";
import { requireAdmin, requireUser } from "../../platform/auth/plugin.js";
import type { AppContext } from "../../platform/context.js";
import type { TypedApp } from "../../platform/typed-app.js";
import { loadCurrentUser } from "../accounts/current-user.js";
import { listUsers } from "../accounts/repository.js";
import { createUser, presentUser } from "./create-user.js";

export async function userRoutes(app: TypedApp, ctx: AppContext) {
  app.get(
    "/users/me",
    { schema: { tags: ["users"], summary: "Who you are, with your programme roles", response: { 200: CurrentUser, ...errorResponses } } },
    async (req) => loadCurrentUser(ctx.db, requireUser(req)),
  );

  app.get(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "List accounts (instance admins)",
        querystring: UserListQuery,
        response: { 200: pageOf(User), ...errorResponses },
      },
    },
    async (req) => {
      requireAdmin(req);
      const { q, limit, offset } = req.query;
      const { items, total } = await listUsers(ctx.db, q, limit, offset);
      return { items: items.map(presentUser), total, limit, offset };
    },
  );

  app.post(
    "/users",
    {
      schema: {
        tags: ["users"],
        summary: "Create an account (instance admins)",
        body: UserCreate,
        response: { 201: User, ...errorResponses },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req);
      const user = await createUser(ctx.db, req.body);
      req.log.info({ by: admin.user.id, userId: user.id }, "user created");
      return reply.code(201).send(presentUser(user));
    },
  );
}
