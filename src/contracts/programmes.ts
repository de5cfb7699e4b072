import { z } from "zod";
import { Email, Id, IsoDate } from "./common.js";
import { ProgrammeRole } from "./roles.js";

export const ProgrammeType = z.enum(["mentoring", "coaching"]);
export const ProgrammeStatus = z.enum(["active", "archived"]);

const name = z.string().trim().min(3, "Names need at least 3 characters").max(120, "Names are at most 120 characters");
const description = z.string().trim().max(5000, "Descriptions are at most 5,000 characters");

export const Programme = z
  .object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    type: ProgrammeType,
    description: z.string(),
    termStart: IsoDate,
    termEnd: IsoDate,
    status: ProgrammeStatus,
    /** Increments on every change; send it back with an edit to detect concurrent edits. */
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    archivedAt: z.iso.datetime().nullable(),
    myRole: ProgrammeRole.nullable(),
  })
  .meta({ id: "Programme" });

export const ProgrammeCreate = z.strictObject({
  name,
  type: ProgrammeType.default("mentoring"),
  description: description.default(""),
  termStart: IsoDate.optional().describe("Defaults to next Monday"),
  termEnd: IsoDate.optional().describe("Defaults to 12 weeks after the start"),
});

export const ProgrammeUpdate = z.strictObject({
  version: z.number().int().min(1).describe("The version you edited; a mismatch returns 409"),
  name: name.optional(),
  type: ProgrammeType.optional(),
  description: description.optional(),
  termStart: IsoDate.optional(),
  termEnd: IsoDate.optional(),
});

export const ProgrammeListQuery = z.strictObject({
  status: z.enum(["active", "archived", "all"]).default("active"),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});

export const Member = z.object({
  userId: Id,
  email: z.string(),
  name: z.string(),
  role: ProgrammeRole,
  addedAt: z.iso.datetime(),
});

export const MemberAdd = z.strictObject({ email: Email, role: ProgrammeRole });
