import { z } from "zod";
import { Email, Id, Page, Password, PersonName } from "./common.js";
import { Answers, IntakeRole, Question } from "./intake.js";
import { ProgrammeType } from "./programmes.js";

export const EnrolmentStatus = z.enum(["invited", "applied", "approved", "waitlisted", "declined", "withdrawn"]);

export const NewAccount = z.strictObject({ email: Email, name: PersonName, password: Password });

export const PublicProgramme = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  type: ProgrammeType,
  description: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
});

export const ApplicationPage = z.object({
  programme: PublicProgramme.extend({
    acceptingApplications: z.boolean(),
    applicationsOpenAt: z.iso.datetime().nullable(),
    applicationsCloseAt: z.iso.datetime().nullable(),
  }),
  forms: z.array(z.object({ role: IntakeRole, version: z.number().int(), questions: z.array(Question) })),
});

/**
 * The answer to an application sent without signing in. It is the same whether or not
 * the address already has an account: the email that follows says which.
 */
export const ApplicationQueued = z.object({
  status: z.literal("check_email"),
  /** Where the receipt (or the note to sign in first) is going. */
  email: z.string(),
});

export const ApplicationSubmit = z.strictObject({
  role: IntakeRole,
  answers: Answers,
  account: NewAccount.optional().describe(
    "Only when not signed in: creates your account with the application. Answered with 202 and an email, whether or not the address has an account",
  ),
});

export const TrainingModule = z.object({
  key: z.string(),
  title: z.string(),
  minutes: z.number().int(),
  body: z.string(),
  completed: z.boolean(),
});

export const OwnEnrolment = z
  .object({
    id: Id,
    programme: z.object({ id: Id, name: z.string(), slug: z.string(), type: ProgrammeType }),
    role: IntakeRole,
    status: EnrolmentStatus,
    name: z.string(),
    email: z.string(),
    source: z.enum(["application", "invitation", "import"]),
    declineReason: z.string().nullable(),
    answers: Answers,
    questions: z.array(Question).describe("The questions as worded when these answers were given"),
    currentQuestions: z.array(Question).describe("The form as it is now: edits are checked against it"),
    formVersion: z.number().int().nullable(),
    capacity: z.number().int().nullable(),
    paused: z.boolean(),
    appliedAt: z.iso.datetime().nullable(),
    training: z.object({ modules: z.array(TrainingModule), completed: z.number().int(), total: z.number().int() }),
  })
  .meta({ id: "OwnEnrolment" });

export const OwnEnrolmentUpdate = z.strictObject({
  answers: Answers.optional(),
  capacity: z.number().int().min(0, "Capacity cannot be negative").max(10, "At most 10 at once").optional(),
  paused: z.boolean().optional().describe("Paused mentors are left out of matching until they resume"),
});

export const InvitationCreate = z.strictObject({
  emails: z.array(Email).min(1, "Add at least one email").max(500, "Invite at most 500 people at once"),
  role: IntakeRole,
});
export const InvitationResult = z.object({
  invited: z.array(z.string()),
  skipped: z.array(z.object({ email: z.string(), reason: z.string() })),
});

export const InvitationState = z.enum(["pending", "expired", "accepted"]);
export const SentInvitation = z
  .object({
    id: Id,
    email: z.string(),
    role: IntakeRole,
    state: InvitationState,
    invitedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "SentInvitation" });
export const SentInvitationQuery = Page.extend({ state: InvitationState.optional().describe("Leave out for every invitation") });
export const InvitationParams = z.strictObject({ id: Id, invitationId: Id });

export const InvitationInfo = z.object({
  email: z.string(),
  role: IntakeRole,
  expiresAt: z.iso.datetime(),
  hasAccount: z.boolean(),
  /** The account has a password: sign in before accepting. False for new people and imported accounts that never chose one. */
  mustSignIn: z.boolean(),
  programme: PublicProgramme,
  form: z.object({ version: z.number().int(), questions: z.array(Question) }),
});
export const InvitationAccept = z.strictObject({
  answers: Answers,
  account: z.strictObject({ name: PersonName, password: Password }).optional(),
});
export const TokenParams = z.strictObject({ token: z.string().min(20).max(200) });
export const SlugParams = z.strictObject({ slug: z.string().min(1).max(80) });

export const DecisionRequest = z.strictObject({
  enrolmentIds: z.array(Id).min(1, "Select at least one application").max(1000),
  decision: z.enum(["approve", "decline", "waitlist"]),
  reason: z.string().trim().max(1000).optional().describe("Required to decline; the applicant reads it"),
});
export const DecisionResult = z.object({ decided: z.number().int(), status: EnrolmentStatus });

export const DirectoryQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: IntakeRole.optional(),
  status: EnrolmentStatus.optional(),
  skill: z.string().trim().max(60).optional(),
  timezone: z.string().trim().max(60).optional().describe("An IANA zone, or a prefix ending in / such as Europe/"),
  training: z.enum(["done", "not_done"]).optional(),
  paused: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  sort: z.enum(["name", "email", "applied", "status", "role", "experience"]).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const DirectoryEntry = z
  .object({
    id: Id,
    userId: Id,
    name: z.string(),
    email: z.string(),
    role: IntakeRole,
    status: EnrolmentStatus,
    source: z.enum(["application", "invitation", "import"]),
    capacity: z.number().int().nullable(),
    paused: z.boolean(),
    appliedAt: z.iso.datetime().nullable(),
    timezone: z.string().nullable(),
    yearsExperience: z.number().nullable(),
    skills: z.array(z.object({ name: z.string(), level: z.number() })),
    training: z.object({ completed: z.number().int(), total: z.number().int() }),
    answers: Answers,
  })
  .meta({ id: "DirectoryEntry" });

export const ImportReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export const ImportQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
});

export const ReminderRequest = z.strictObject({
  enrolmentIds: z.array(Id).max(10_000).optional().describe("Default: everyone who has not finished"),
});
export const ReminderResult = z.object({ reminded: z.number().int() });

export const EnrolmentParams = z.strictObject({ id: Id, enrolmentId: Id });
export const ModuleParams = z.strictObject({ id: Id, moduleKey: z.string().min(1).max(60) });
