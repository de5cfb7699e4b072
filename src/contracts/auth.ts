import { z } from "zod";
import { Email, Id, Password, PersonName } from "./common.js";
import { ProgrammeRole } from "./roles.js";

export const SetupStatus = z.object({ needsSetup: z.boolean(), version: z.string() });

export const SetupRequest = z.strictObject({
  email: Email,
  name: PersonName,
  password: Password,
  demo: z.boolean().default(false).describe("Also load a sample mentoring programme with about 60 developers"),
});

export const SignInRequest = z.strictObject({
  email: Email,
  password: z.string().min(1, "Enter your password").max(200),
});

export const CurrentUser = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    memberships: z.array(z.object({ programmeId: Id, role: ProgrammeRole })),
  })
  .meta({ id: "CurrentUser" });

export const SessionInfo = z.object({
  user: CurrentUser,
  /** Send back as the X-CSRF-Token header on every cookie-authenticated write. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});

export const PasswordResetRequest = z.strictObject({ email: Email });
export const PasswordResetConfirm = z.strictObject({
  token: z.string().min(20, "This reset link is incomplete").max(200),
  password: Password,
});
export const PasswordChangeRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const ApiTokenCreate = z.strictObject({
  name: z.string().trim().min(1, "Name the token so you can recognise it later").max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export const ApiTokenCreated = ApiToken.extend({
  /** Shown exactly once; only a hash is stored. */
  token: z.string(),
});
