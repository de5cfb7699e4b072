import { z } from "zod";
import { Email, Id, IsoDate } from "./common.js";
import { ProgrammeRole } from "./roles.js";

export const ProgrammeType = z.enum(["mentoring", "coaching"]);
export const ProgrammeStatus = z.enum(["draft", "open", "matching", "running", "completed", "archived"]);
export const Cadence = z.enum(["weekly", "fortnightly", "monthly"]);
export const Phase = z.strictObject({
  name: z.string().trim().min(1, "Name the phase").max(80),
  startWeek: z.number().int().min(1).max(520),
  endWeek: z.number().int().min(1).max(520),
});
export const MatchMode = z
  .enum(["round", "self"])
  .describe("round: the coordinator runs and publishes a matching round; self: mentees request mentors");
export const Acceptance = z
  .enum(["auto", "two_sided"])
  .describe("auto: published pairs start at once; two_sided: both people accept first");
const RequestLimit = z.number().int().min(1, "Allow at least one request").max(10, "At most 10 requests at once");
const RequestExpiryDays = z.number().int().min(1, "Requests last at least a day").max(60, "Requests last at most 60 days");
const SessionMinutes = z.number().int().min(15, "Sessions last at least 15 minutes").max(240, "Sessions last at most 4 hours");

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
    /** The statuses this programme can move to next (archive included). */
    nextStatuses: z.array(ProgrammeStatus),
    cadence: Cadence,
    sessionMinutes: z.number().int(),
    matchMode: MatchMode,
    acceptance: Acceptance,
    requestLimit: z.number().int(),
    requestExpiryDays: z.number().int(),
    termWeeks: z.number().int(),
    phases: z.array(Phase),
    applicationsOpenAt: z.iso.datetime().nullable(),
    applicationsCloseAt: z.iso.datetime().nullable(),
    /** Whether the public application link accepts applications right now. */
    acceptingApplications: z.boolean(),
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
  cadence: Cadence.default("weekly"),
  sessionMinutes: SessionMinutes.default(60),
  matchMode: MatchMode.default("round"),
  acceptance: Acceptance.default("two_sided"),
  requestLimit: RequestLimit.default(3),
  requestExpiryDays: RequestExpiryDays.default(7),
});

export const ProgrammeUpdate = z.strictObject({
  version: z.number().int().min(1).describe("The version you edited; a mismatch returns 409"),
  name: name.optional(),
  type: ProgrammeType.optional(),
  description: description.optional(),
  termStart: IsoDate.optional(),
  termEnd: IsoDate.optional(),
  cadence: Cadence.optional(),
  sessionMinutes: SessionMinutes.optional(),
  matchMode: MatchMode.optional(),
  acceptance: Acceptance.optional(),
  requestLimit: RequestLimit.optional(),
  requestExpiryDays: RequestExpiryDays.optional(),
  phases: z.array(Phase).max(12).optional(),
  applicationsOpenAt: z.iso.datetime({ offset: true }).nullable().optional(),
  applicationsCloseAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const ProgrammeStatusChange = z.strictObject({
  status: ProgrammeStatus.exclude(["archived"]).describe("Use the archive and restore endpoints for archiving"),
  version: z.number().int().min(1),
});

export const ProgrammeListQuery = z.strictObject({
  status: z
    .enum(["active", "archived", "all", "draft", "open", "matching", "running", "completed"])
    .default("active")
    .describe("active = every status but archived"),
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

export const ResourceLink = z.strictObject({
  label: z.string().trim().min(1).max(120),
  url: z.url({ message: "Links must be full URLs, like https://example.org/page" }),
});
export const WeeklyResource = z
  .object({
    week: z.number().int(),
    audience: z.enum(["mentor", "mentee"]),
    title: z.string(),
    body: z.string(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
  })
  .meta({ id: "WeeklyResource" });
export const WeeklyResourceSave = z.strictObject({
  title: z.string().trim().min(1, "Give the resource a title").max(200),
  body: z.string().trim().min(1, "Write a few words").max(5000),
  links: z.array(ResourceLink).max(10).default([]),
});
export const ResourceParams = z.strictObject({
  id: z.uuid({ message: "Must be a valid id" }),
  week: z.coerce.number().int().min(1).max(520),
  audience: z.enum(["mentor", "mentee"]),
});
export const MemberParams = z.strictObject({
  id: z.uuid({ message: "Must be a valid id" }),
  userId: z.uuid({ message: "Must be a valid id" }),
});
export const MemberRemoveQuery = z.strictObject({ role: ProgrammeRole });
