import { z } from "zod";
import { Email, Id, Password, PersonName } from "./common.js";

export const User = z
  .object({ id: Id, email: z.string(), name: z.string(), isAdmin: z.boolean(), createdAt: z.iso.datetime() })
  .meta({ id: "User" });

export const UserCreate = z.strictObject({
  email: Email,
  name: PersonName,
  password: Password,
  isAdmin: z.boolean().default(false),
});

export const UserListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
