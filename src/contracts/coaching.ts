import { z } from "zod";
import { MAX_OUTCOMES, MAX_STAKEHOLDERS, PHASES, RATER_GROUPS, RUBRIC } from "../core/coaching/outcomes.js";
import { PACKAGE_LIMITS } from "../core/coaching/package.js";
import { ENGAGEMENT_STAGES } from "../core/coaching/stage.js";
import { MAX_PLAN_ENTRIES } from "../core/coaching/templates.js";
import { Email, Id, IsoDate, Page, PersonName, pageOf } from "./common.js";
import { TimeZoneName } from "./workspace.js";

// The response schemas here are the whitelist of what leaves the server about an
// engagement. Sponsors and coordinators get their own shapes, built without any field that
// could carry what coach and coachee wrote.

const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max.toLocaleString("en")} characters`);
const required = (what: string, max: number) => text(what, max).min(1, `Write the ${what.toLowerCase()}`);
const version = z.number().int().min(0).describe("The version you edited (0 for the first save); a stale one answers 409");
const int = (what: string, limits: { min: number; max: number }) =>
  z
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(limits.min, `${what} is at least ${limits.min}`)
    .max(limits.max, `${what} is at most ${limits.max}`);

export const ProgrammeParams = z.strictObject({ programmeId: Id });
export const EngagementParams = z.strictObject({ engagementId: Id });
export const EngagementSessionParams = z.strictObject({ engagementId: Id, sessionId: Id });
export const PackageParams = z.strictObject({ packageId: Id });
export const TemplateParams = z.strictObject({ templateId: Id });
export const CoachParams = z.strictObject({ programmeId: Id, enrolmentId: Id });
export const ShortlistParams = z.strictObject({ shortlistId: Id });
export const ChemistryCallParams = z.strictObject({ shortlistId: Id, callId: Id });
export const ExerciseParams = z.strictObject({ engagementId: Id, exerciseId: Id });
export const OutcomeParams = z.strictObject({ engagementId: Id, outcomeId: Id });
export const MeasurementParams = z.strictObject({ engagementId: Id, outcomeId: Id, phase: z.enum(PHASES) });
export const StakeholderParams = z.strictObject({ engagementId: Id, stakeholderId: Id });
export const RatingLinkParams = z.strictObject({
  engagementId: Id,
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "Not a rating link"),
});

export const Stage = z.enum(ENGAGEMENT_STAGES);
export const Phase = z.enum(PHASES);
export const RaterGroup = z.enum(RATER_GROUPS);
export const EngagementRole = z.enum(["coach", "coachee", "sponsor", "coordinator"]);

// ---- Packages ----------------------------------------------------------------------

export const PackageFields = z.strictObject({
  name: required("Name", 120),
  sessions: int("Sessions", PACKAGE_LIMITS.sessions),
  sessionMinutes: int("Session length", PACKAGE_LIMITS.sessionMinutes),
  periodWeeks: int("The period", PACKAGE_LIMITS.periodWeeks),
  sponsorRequired: z.boolean().default(false).describe("Engagements on this package need a sponsor before outcomes are agreed"),
  referencePrice: text("The reference price", 120).default("").describe("For the sponsor's records only; Grove processes no payments"),
  costCentre: text("The cost centre", 120).default(""),
});
export const PackageCreate = PackageFields;
export const PackageUpdate = PackageFields.partial()
  .extend({
    version: z.number().int().min(1),
    archived: z.boolean().optional().describe("An archived package is kept for its engagements but offered for no new ones"),
  })
  .strict();

export const Package = z
  .object({
    id: Id,
    programmeId: Id,
    name: z.string(),
    sessions: z.number().int(),
    sessionMinutes: z.number().int(),
    periodWeeks: z.number().int(),
    sponsorRequired: z.boolean(),
    referencePrice: z.string(),
    costCentre: z.string(),
    archived: z.boolean(),
    /** Engagements on it, live or finished. */
    engagements: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "CoachingPackage" });
export const PackageList = z.object({ items: z.array(Package) });

// ---- Coach profiles ----------------------------------------------------------------

export const Credential = z.strictObject({
  body: required("Accrediting body", 120),
  level: text("Level", 120).default(""),
  year: z.number().int().min(1950, "Give a year after 1950").max(2100, "Give a real year").nullable().default(null),
});

export const CoachProfileFields = z.strictObject({
  credentials: z.array(Credential).max(10, "List at most 10 credentials"),
  specialisms: z.array(z.string().trim().min(1).max(60)).max(20, "List at most 20 specialisms"),
  approach: text("The approach", 2000),
  languages: z.array(z.string().trim().min(1).max(40)).min(1, "List at least one language you coach in").max(10),
  timeZones: z.array(TimeZoneName).min(1, "Give at least one time zone").max(5, "List at most 5 time zones"),
  bio: text("The bio", 2000),
  capacity: int("Capacity", { min: 0, max: 20 }).describe("Engagements at once; 0 takes no new ones"),
});
export const CoachProfileUpdate = CoachProfileFields.partial().extend({ version: version }).strict();

export const CoachProfile = z
  .object({
    enrolmentId: Id,
    name: z.string(),
    yearsCoaching: z.number().nullable(),
    credentials: z.array(z.object({ body: z.string(), level: z.string(), year: z.number().int().nullable() })),
    specialisms: z.array(z.string()),
    approach: z.string(),
    languages: z.array(z.string()),
    timeZones: z.array(z.string()),
    bio: z.string(),
    capacity: z.number().int(),
    /** Live engagements now (proposed, active or paused). */
    engagements: z.number().int(),
    /** 0 until the profile is first saved (until then it reads from the intake answers). */
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "CoachProfile" });
export const CoachList = z.object({ items: z.array(CoachProfile.extend({ email: z.string(), paused: z.boolean() })) });

// ---- Shortlists and chemistry calls -------------------------------------------------

export const ShortlistCreate = z.strictObject({
  coacheeEnrolmentIds: z
    .array(Id)
    .max(500)
    .optional()
    .describe("Leave out for every approved coachee without an engagement or open shortlist"),
  size: z.number().int().min(1, "Offer at least one coach").max(5, "Offer at most five coaches").default(3),
  packageId: Id,
  startDate: IsoDate.optional().describe("Defaults to today, or the programme's start when that is later"),
  sponsorEmail: Email.optional().describe("Only with a single coachee"),
});

export const FactorExplanation = z.object({
  factor: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
});

export const ShortlistedCoach = z.object({
  enrolmentId: Id,
  rank: z.number().int(),
  score: z.number(),
  reasons: z.array(z.string()),
  factors: z.array(FactorExplanation),
  profile: CoachProfile,
  chemistryCalls: z.array(
    z.object({ id: Id, at: z.iso.datetime(), minutes: z.number().int(), status: z.enum(["planned", "held", "cancelled"]) }),
  ),
});

export const Shortlist = z
  .object({
    id: Id,
    programmeId: Id,
    status: z.enum(["open", "picked", "withdrawn"]),
    coachee: z.object({ enrolmentId: Id, name: z.string() }),
    package: z.object({
      id: Id,
      name: z.string(),
      sessions: z.number().int(),
      sessionMinutes: z.number().int(),
      periodWeeks: z.number().int(),
    }),
    startDate: IsoDate,
    createdAt: z.iso.datetime(),
    coaches: z.array(ShortlistedCoach),
    /** The engagement the coachee's pick created, while it waits for the coach or after. */
    engagementId: Id.nullable(),
    /** Coaches who declined this coachee's pick. */
    declinedBy: z.array(Id),
  })
  .meta({ id: "CoachShortlist" });

export const ShortlistsMade = z.object({
  made: z.array(z.object({ shortlistId: Id, coacheeEnrolmentId: Id, coaches: z.number().int() })),
  skipped: z.array(z.object({ coacheeEnrolmentId: Id, reason: z.string() })),
});

/** What the coordinator sees of shortlists: who was offered whom and where it stands, not the profiles' fit details. */
export const ShortlistSummary = z.object({
  id: Id,
  status: z.enum(["open", "picked", "withdrawn"]),
  coachee: z.object({ enrolmentId: Id, name: z.string() }),
  coaches: z.array(z.object({ enrolmentId: Id, name: z.string(), score: z.number(), chemistryCalls: z.number().int() })),
  engagementId: Id.nullable(),
  createdAt: z.iso.datetime(),
});
export const ShortlistSummaryList = pageOf(ShortlistSummary);
export const ShortlistListQuery = Page.extend({ status: z.enum(["open", "picked", "withdrawn"]).optional() });

export const ChemistryCallCreate = z.strictObject({
  coachEnrolmentId: Id,
  at: z.iso.datetime({ offset: true, message: "Give a date and time" }),
  minutes: z.number().int().min(10, "At least 10 minutes").max(60, "A chemistry call is at most an hour").default(20),
});
export const ChemistryCallUpdate = z.strictObject({ status: z.enum(["held", "cancelled"]) });
export const ChemistryCallUpdated = z.object({ id: Id, status: z.enum(["held", "cancelled"]) });

export const PickCoach = z.strictObject({ coachEnrolmentId: Id });

// ---- Engagements -------------------------------------------------------------------

export const EngagementAssign = z.strictObject({
  coacheeEnrolmentId: Id,
  coachEnrolmentId: Id,
  packageId: Id,
  startDate: IsoDate.optional(),
  sponsorEmail: Email.optional(),
});

export const PackageUse = z.object({
  name: z.string(),
  sessions: z.number().int().describe("Included, extensions added"),
  sessionMinutes: z.number().int(),
  used: z.number().int(),
  booked: z.number().int(),
  remaining: z.number().int(),
  startDate: IsoDate,
  endsOn: IsoDate,
  referencePrice: z.string(),
  costCentre: z.string(),
});

export const Extension = z.object({
  sessions: z.number().int(),
  weeks: z.number().int(),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.iso.datetime(),
});

export const Agreement = z.object({
  coach: z.boolean(),
  coachee: z.boolean(),
  /** Null when the engagement has no sponsor. */
  sponsor: z.boolean().nullable(),
  agreedAt: z.iso.datetime().nullable(),
});

export const Person = z.object({ name: z.string(), email: z.string() });

/** An engagement as its coach or coachee sees it. */
export const Engagement = z
  .object({
    id: Id,
    programme: z.object({ id: Id, name: z.string() }),
    stage: Stage,
    closingReason: z.enum(["sessions_used", "period_over"]).nullable(),
    myRole: EngagementRole,
    coach: Person.extend({ enrolmentId: Id }),
    coachee: Person.extend({ enrolmentId: Id }),
    sponsor: z.object({ name: z.string().nullable(), email: z.string(), joined: z.boolean() }).nullable(),
    package: PackageUse,
    extensions: z.array(Extension),
    agreement: Agreement,
    outcomes: z.object({ total: z.number().int(), withBaseline: z.number().int(), withFinal: z.number().int() }),
    completedAt: z.iso.datetime().nullable(),
    writable: z.boolean(),
  })
  .meta({ id: "CoachingEngagement" });

export const ExtensionCreate = z.strictObject({
  sessions: int("Sessions", PACKAGE_LIMITS.extensionSessions).default(0),
  weeks: int("Weeks", PACKAGE_LIMITS.extensionWeeks).default(0),
  reason: required("Reason", 500).describe("Kept with the engagement's record; the coach and coachee see it"),
});

export const SponsorSet = z.strictObject({ email: Email.nullable() });

// ---- Session plan and templates ----------------------------------------------------

export const PlanEntry = z.strictObject({
  title: required("Title", 120),
  purpose: text("The purpose", 1000),
  activities: text("The activities", 2000),
});
export const PlanEntries = z
  .array(PlanEntry)
  .min(1, "Give at least one session")
  .max(MAX_PLAN_ENTRIES, `At most ${MAX_PLAN_ENTRIES} sessions`);

export const PlanTemplate = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    entries: z.array(z.object({ title: z.string(), purpose: z.string(), activities: z.string() })),
    /** One of Grove's own frameworks (still editable). */
    shipped: z.boolean(),
    archived: z.boolean(),
    updatedBy: z.string().nullable(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: "PlanTemplate" });
export const PlanTemplateList = z.object({ items: z.array(PlanTemplate) });
export const PlanTemplateCreate = z.strictObject({
  name: required("Name", 120),
  description: text("The description", 500).default(""),
  entries: PlanEntries,
});
export const PlanTemplateUpdate = PlanTemplateCreate.partial()
  .extend({ version: z.number().int().min(1), archived: z.boolean().optional() })
  .strict();
export const TemplateListQuery = z.strictObject({ archived: z.enum(["true", "false"]).optional() });

export const SessionPlan = z
  .object({
    engagementId: Id,
    templateName: z.string().nullable(),
    entries: z.array(
      z.object({ position: z.number().int(), title: z.string(), purpose: z.string(), activities: z.string(), sessionId: Id.nullable() }),
    ),
    /** Sessions in the package: a plan longer or shorter than this is allowed, and flagged. */
    packageSessions: z.number().int(),
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
    canEdit: z.boolean(),
  })
  .meta({ id: "SessionPlan" });
export const SessionPlanSave = z.strictObject({ version, entries: PlanEntries });
export const SessionPlanFromTemplate = z.strictObject({ version, templateId: Id });

// ---- Exercises and summaries -------------------------------------------------------

export const Exercise = z
  .object({
    id: Id,
    sessionId: Id.nullable(),
    title: z.string(),
    instructions: z.string(),
    dueOn: IsoDate.nullable(),
    done: z.boolean(),
    doneAt: z.iso.datetime().nullable(),
    response: z.string(),
    respondedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: "Exercise" });
export const ExerciseList = pageOf(Exercise);
export const ExerciseListQuery = Page.extend({ status: z.enum(["open", "done", "all"]).default("all") });
export const ExerciseCreate = z.strictObject({
  title: required("Title", 200),
  instructions: text("The instructions", 4000).default(""),
  dueOn: IsoDate.nullable().default(null),
  sessionId: Id.nullable().default(null).describe("The session it was set in"),
});
export const ExerciseUpdate = z
  .strictObject({
    version: z.number().int().min(1),
    title: required("Title", 200).optional(),
    instructions: text("The instructions", 4000).optional(),
    dueOn: IsoDate.nullable().optional(),
    done: z.boolean().optional().describe("The coachee's"),
    response: text("The answer", 4000).optional().describe("The coachee's"),
  })
  .describe("The coach changes title, instructions and due date; the coachee marks it done and answers");

export const SessionSummary = z
  .object({
    sessionId: Id,
    status: z.enum(["none", "draft", "shared", "not_shared"]),
    body: z.string().nullable(),
    version: z.number().int(),
    sharedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    canEdit: z.boolean(),
  })
  .meta({ id: "SessionSummary" });
export const SessionSummarySave = z.strictObject({ version, body: text("The summary", 20_000) });

// ---- Outcomes ----------------------------------------------------------------------

export const Measure = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("rubric"),
    anchors: z.strictObject({
      low: required(`What ${RUBRIC.min} looks like`, 300),
      mid: required("What 5 looks like", 300),
      high: required(`What ${RUBRIC.max} looks like`, 300),
    }),
  }),
  z.strictObject({ kind: z.literal("number"), unit: required("Unit", 80) }),
]);

export const OutcomeFields = z.strictObject({
  title: required("Title", 200).describe("The targeted skill or behaviour"),
  measure: Measure,
  direction: z.enum(["higher", "lower"]).default("higher"),
  target: z.number().nullable().default(null),
  raters: z
    .array(RaterGroup)
    .min(1, "Choose who rates it")
    .refine((r) => new Set(r).size === r.length, "Name each rater group once"),
});
export const OutcomeCreate = OutcomeFields;
export const OutcomeUpdate = OutcomeFields.partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const GroupAverage = z.object({ group: RaterGroup, count: z.number().int(), average: z.number() });
export const OutcomeMeasurement = z.object({
  phase: Phase,
  group: RaterGroup,
  /** Null for stakeholders: they are shown as a group only. */
  by: z.string().nullable(),
  value: z.number(),
  at: z.iso.datetime(),
});

export const Outcome = z
  .object({
    id: Id,
    position: z.number().int(),
    title: z.string(),
    measure: Measure,
    direction: z.enum(["higher", "lower"]),
    raters: z.array(RaterGroup),
    baseline: z.number().nullable(),
    midpoint: z.number().nullable(),
    target: z.number().nullable(),
    final: z.number().nullable(),
    targetMet: z.boolean().nullable(),
    byPhase: z.array(z.object({ phase: Phase, groups: z.array(GroupAverage) })),
    /** Coach, coachee and sponsor ratings with who gave them; stakeholders only as averages above. */
    measurements: z.array(OutcomeMeasurement),
    /** Your own rating per phase, when you rate this outcome. */
    mine: z.object({
      group: RaterGroup.nullable(),
      baseline: z.number().nullable(),
      midpoint: z.number().nullable(),
      final: z.number().nullable(),
    }),
    version: z.number().int(),
  })
  .meta({ id: "Outcome" });

export const OutcomeBoard = z
  .object({
    engagementId: Id,
    stage: Stage,
    myRole: EngagementRole,
    agreement: Agreement,
    canDefine: z.boolean(),
    canAgree: z.boolean(),
    outcomes: z.array(Outcome),
    maxOutcomes: z.number().int().describe(`At most ${MAX_OUTCOMES}`),
  })
  .meta({ id: "OutcomeBoard" });

export const MeasurementSave = z.strictObject({ value: z.number({ message: "Give a number" }) });

export const Stakeholder = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    relation: z.string(),
    /** Which phases they have answered a link for (never their values). */
    answered: z.array(Phase),
    pending: z.array(z.object({ phase: Phase, expiresAt: z.iso.datetime() })),
  })
  .meta({ id: "Stakeholder" });
export const StakeholderList = z.object({ items: z.array(Stakeholder), max: z.number().int() });
export const StakeholderCreate = z.strictObject({
  name: PersonName,
  email: Email,
  relation: text("The relation", 80).default("").describe("e.g. peer, report, manager"),
});
export const RatingRequestCreate = z.strictObject({
  phase: Phase,
  stakeholderIds: z.array(Id).max(MAX_STAKEHOLDERS).optional().describe("Leave out for every stakeholder"),
});
export const RatingRequestsSent = z.object({ sent: z.number().int(), expiresAt: z.iso.datetime() });

/** What a stakeholder's link shows: the outcomes to rate and nothing else about the engagement. */
export const RatingForm = z
  .object({
    coachee: z.string(),
    stakeholder: z.string(),
    phase: Phase,
    expiresAt: z.iso.datetime(),
    outcomes: z.array(z.object({ id: Id, title: z.string(), measure: Measure })),
  })
  .meta({ id: "StakeholderRatingForm" });
export const RatingSubmit = z.strictObject({
  ratings: z.array(z.strictObject({ outcomeId: Id, value: z.number() })).min(1, "Rate at least one outcome"),
});

export const CompletionMissing = z.object({ missing: z.array(z.object({ id: Id, title: z.string() })) });

// ---- Views for the sponsor, the coordinator and the coach --------------------------

/** An outcome as the sponsor sees it: the agreed definition and its numbers, nothing the pair wrote. */
export const SponsorOutcome = z.object({
  id: Id,
  title: z.string(),
  measure: Measure,
  direction: z.enum(["higher", "lower"]),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  final: z.number().nullable(),
  targetMet: z.boolean().nullable(),
  byPhase: z.array(z.object({ phase: Phase, groups: z.array(GroupAverage) })),
  iRate: z.boolean(),
});

export const SponsoredEngagement = z
  .object({
    id: Id,
    programme: z.object({ id: Id, name: z.string() }),
    coach: z.string(),
    coachee: z.string(),
    stage: Stage,
    package: PackageUse,
    agreement: Agreement,
    outcomes: z.array(SponsorOutcome),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "SponsoredEngagement" });
export const SponsoredList = pageOf(SponsoredEngagement);

/** One engagement as the coordinator sees it: counts, dates and flags only. */
export const EngagementMetadata = z
  .object({
    id: Id,
    coach: z.object({ enrolmentId: Id, name: z.string() }),
    coachee: z.object({ enrolmentId: Id, name: z.string() }),
    sponsor: z.string().nullable(),
    stage: Stage,
    package: z.object({ id: Id, name: z.string() }),
    sessions: z.number().int(),
    used: z.number().int(),
    booked: z.number().int(),
    startDate: IsoDate,
    endsOn: IsoDate,
    lastSessionAt: z.iso.datetime().nullable(),
    nextSessionAt: z.iso.datetime().nullable(),
    outcomes: z.number().int(),
    outcomesAgreed: z.boolean(),
    outcomesMeasured: z.boolean().describe("Every outcome has its final value"),
    finals: z.number().int(),
    extensions: z.number().int(),
    atRisk: z.object({ reason: z.enum(["closing", "last_sessions", "period_ending"]), unmeasured: z.number().int() }).nullable(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "EngagementMetadata" });

export const OverviewQuery = Page.extend({
  stage: Stage.optional(),
  atRisk: z.enum(["true"]).optional(),
  sort: z.enum(["risk", "coachee", "ends"]).default("risk"),
});
export const CoachingOverview = z
  .object({
    counts: z.object({
      stages: z.record(Stage, z.number().int()),
      atRisk: z.number().int(),
      sessionsUsed: z.number().int(),
      sessionsIncluded: z.number().int(),
      coachesWithPlaces: z.number().int(),
      coacheesWaiting: z.number().int().describe("Approved coachees with no engagement (one that ended early counts as none)"),
    }),
    engagements: pageOf(EngagementMetadata),
  })
  .meta({ id: "CoachingOverview" });

export const DashboardSession = z.object({
  engagementId: Id,
  sessionId: Id,
  coachee: z.string(),
  programme: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  agendaShared: z.boolean(),
  topics: z.number().int(),
});

export const CoachDashboard = z
  .object({
    upcoming: z.array(DashboardSession),
    agendasToPrepare: z.array(DashboardSession),
    summariesToWrite: z.array(DashboardSession.omit({ agendaShared: true, topics: true })),
    measurementsDue: z.array(
      z.object({
        engagementId: Id,
        coachee: z.string(),
        programme: z.string(),
        stage: Stage,
        phase: Phase,
        outcomes: z.array(z.object({ id: Id, title: z.string() })),
      }),
    ),
    exercisesOverdue: z.array(z.object({ engagementId: Id, coachee: z.string(), count: z.number().int() })),
    awaitingMyAnswer: z.array(z.object({ engagementId: Id, coachee: z.string(), programme: z.string() })),
    chemistryCalls: z.array(
      z.object({
        shortlistId: Id,
        callId: Id,
        coachee: z.string(),
        at: z.iso.datetime(),
        minutes: z.number().int(),
        status: z.enum(["planned", "held", "cancelled"]),
      }),
    ),
    engagements: z.array(
      z.object({
        id: Id,
        coachee: z.string(),
        programme: z.string(),
        stage: Stage,
        used: z.number().int(),
        sessions: z.number().int(),
        endsOn: IsoDate,
      }),
    ),
  })
  .meta({ id: "CoachDashboard" });

export const MyShortlist = z.object({ shortlist: Shortlist.nullable() });
