import { z } from "zod";
import { GOAL_STATUSES } from "../core/growth/goals.js";
import { AGENDA_REMINDER_HOURS, NOTIFICATION_KINDS } from "../core/growth/notifications.js";
import { HEALTH_FLAGS } from "../core/growth/pair-health.js";
import { Id, IsoDate, Page, pageOf } from "./common.js";
import { PairSide, RelationshipStatus } from "./relationships.js";

const version = z.number().int().min(1).describe("The version you edited; a mismatch returns 409 version_conflict");
const longText = (what: string, max = 4000) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max.toLocaleString("en")} characters`);

export const GoalStatus = z.enum(GOAL_STATUSES);
export const GoalParams = z.strictObject({ relationshipId: Id, goalId: Id });
export const ItemParams = z.strictObject({ relationshipId: Id, itemId: Id });

/** Someone in the pair, as shown next to what they wrote. */
export const PairPerson = z.object({ side: PairSide, name: z.string() });

export const SmartHint = z
  .object({
    code: z.string(),
    field: z.enum(["title", "goal", "reality", "will", "targetDate", "measure"]).nullable(),
    message: z.string(),
  })
  .meta({ id: "SmartHint" });

export const Goal = z
  .object({
    id: Id,
    title: z.string(),
    goal: z.string(),
    reality: z.string(),
    options: z.string(),
    will: z.string(),
    targetDate: IsoDate.nullable(),
    measure: z.string(),
    status: GoalStatus,
    progress: z.number().int().min(0).max(100),
    /** What the SMART check would point out (empty for achieved and dropped goals). */
    smartHints: z.array(SmartHint),
    /** Action items linked to this goal in the pair's sessions. */
    actionItems: z.object({ open: z.number().int(), done: z.number().int() }),
    commentCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Goal" });
export type Goal = z.infer<typeof Goal>;

const title = z.string().trim().min(3, "Give the goal a title of at least 3 characters").max(200, "Titles are at most 200 characters");
const progress = z
  .number({ message: "Progress is a number from 0 to 100" })
  .int("Progress is a whole number")
  .min(0, "Progress is at least 0")
  .max(100, "Progress is at most 100");

export const GoalCreate = z.strictObject({
  title,
  goal: longText("Goal").default(""),
  reality: longText("Reality").default(""),
  options: longText("Options").default(""),
  will: longText("Will").default(""),
  targetDate: IsoDate.nullable().default(null),
  measure: longText("The measure", 1000).default(""),
  status: GoalStatus.default("not_started"),
  progress: progress.default(0),
});
export type GoalCreate = z.infer<typeof GoalCreate>;

export const GoalUpdate = z.strictObject({
  version,
  title: title.optional(),
  goal: longText("Goal").optional(),
  reality: longText("Reality").optional(),
  options: longText("Options").optional(),
  will: longText("Will").optional(),
  targetDate: IsoDate.nullable().optional(),
  measure: longText("The measure", 1000).optional(),
  status: GoalStatus.optional(),
  progress: progress.optional(),
});
export type GoalUpdate = z.infer<typeof GoalUpdate>;

export const GoalList = pageOf(Goal).extend({
  /** Goals not yet achieved or dropped, across every page. */
  openCount: z.number().int(),
});

export const GoalChange = z
  .object({
    id: z.number().int(),
    changedAt: z.iso.datetime(),
    by: PairPerson.nullable(),
    fields: z.array(z.string()).describe('"created", or the names of the fields that changed'),
    progress: z.number().int(),
    status: GoalStatus,
  })
  .meta({ id: "GoalChange" });

export const GoalComment = z
  .object({ id: Id, body: z.string(), author: PairPerson.nullable(), mine: z.boolean(), createdAt: z.iso.datetime() })
  .meta({ id: "GoalComment" });

export const GoalCommentCreate = z.strictObject({
  body: z.string().trim().min(1, "Write a comment first").max(2000, "Comments are at most 2,000 characters"),
});
export const GoalCommentParams = z.strictObject({ relationshipId: Id, goalId: Id, commentId: Id });

// ── SWOT ───────────────────────────────────────────────────────────────────────────────

const swotList = (what: string) =>
  z
    .array(z.string().trim().min(1, `Remove empty ${what} lines`).max(300, "Each line is at most 300 characters"))
    .max(15, `Keep ${what} to 15 lines`);

export const Swot = z
  .object({
    strengths: z.array(z.string()),
    weaknesses: z.array(z.string()),
    opportunities: z.array(z.string()),
    threats: z.array(z.string()),
    shared: z.boolean(),
    sharedAt: z.iso.datetime().nullable(),
    /** Whether the caller may change it (the mentee, in a writable pair). */
    editable: z.boolean(),
    /** 0 until the mentee first saves it. */
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Swot" });

export const SwotUpdate = z.strictObject({
  version: z.number().int().min(0).describe("0 for the first save, then the version you edited"),
  strengths: swotList("strengths"),
  weaknesses: swotList("weaknesses"),
  opportunities: swotList("opportunities"),
  threats: swotList("threats"),
});

export const Sharing = z.strictObject({ shared: z.boolean() });

// ── Reflections ────────────────────────────────────────────────────────────────────────

export const WeeklyPrompt = z
  .object({
    week: z.number().int(),
    phase: z.string().nullable(),
    prompt: z.string(),
    /** Whether you already wrote a reflection this programme week. */
    reflectedThisWeek: z.boolean(),
  })
  .meta({ id: "WeeklyPrompt" });

export const Reflection = z
  .object({
    id: Id,
    author: PairPerson,
    mine: z.boolean(),
    week: z.number().int(),
    prompt: z.string().nullable(),
    body: z.string(),
    shared: z.boolean(),
    sharedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Reflection" });

const reflectionBody = z.string().trim().min(1, "Write something first").max(5000, "Reflections are at most 5,000 characters");

export const ReflectionCreate = z.strictObject({
  body: reflectionBody,
  prompt: z.string().trim().max(300).nullable().default(null).describe("The prompt you answered, as shown to you"),
  shared: z.boolean().default(false),
});
export const ReflectionUpdate = z.strictObject({ version, body: reflectionBody });
export const ReflectionQuery = Page.extend({
  whose: z.enum(["all", "mine", "partner"]).default("all"),
});

// ── Final debrief ──────────────────────────────────────────────────────────────────────

export const DebriefEntry = z.object({
  goalNotes: z.array(z.object({ goalId: Id, text: z.string() })),
  relationship: z.string(),
  roadmap: z.string(),
  shared: z.boolean(),
  sharedAt: z.iso.datetime().nullable(),
  version: z.number().int().describe("0 until first saved"),
  updatedAt: z.iso.datetime().nullable(),
});

export const Debrief = z
  .object({
    prompts: z.object({ goal: z.string(), relationship: z.string(), roadmap: z.string() }),
    goals: z.array(z.object({ id: Id, title: z.string(), status: GoalStatus, progress: z.number().int() })),
    mine: DebriefEntry,
    /** The partner's debrief, once they share it. */
    partner: DebriefEntry.extend({ author: PairPerson }).nullable(),
  })
  .meta({ id: "Debrief" });

export const DebriefUpdate = z.strictObject({
  version: z.number().int().min(0).describe("0 for the first save, then the version you edited"),
  goalNotes: z
    .array(z.strictObject({ goalId: Id, text: longText("A goal reflection") }))
    .max(30)
    .default([]),
  relationship: longText("The relationship reflection").default(""),
  roadmap: longText("The roadmap").default(""),
});

// ── Introductions and opportunities ────────────────────────────────────────────────────

export const IntroductionKind = z.enum(["introduction", "opportunity"]);
export const IntroductionStatus = z.enum(["open", "followed_up", "done", "not_pursued"]);

export const Introduction = z
  .object({
    id: Id,
    kind: IntroductionKind,
    what: z.string(),
    whoOrWhere: z.string(),
    occurredOn: IsoDate,
    status: IntroductionStatus,
    outcome: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Introduction" });

const what = z.string().trim().min(3, "Say in a few words what it is").max(200, "At most 200 characters");
const whoOrWhere = z.string().trim().max(200, "At most 200 characters");

export const IntroductionCreate = z.strictObject({
  kind: IntroductionKind,
  what,
  whoOrWhere: whoOrWhere.default(""),
  occurredOn: IsoDate,
});

export const IntroductionUpdate = z.strictObject({
  version,
  kind: IntroductionKind.optional().describe("mentor"),
  what: what.optional().describe("mentor"),
  whoOrWhere: whoOrWhere.optional().describe("mentor"),
  occurredOn: IsoDate.optional().describe("mentor"),
  status: IntroductionStatus.optional().describe("mentee"),
  outcome: longText("The outcome note", 2000).optional().describe("mentee"),
});

// ── Notification settings and unsubscribe ──────────────────────────────────────────────

export const NotificationKind = z.enum(NOTIFICATION_KINDS);

export const NotificationSettings = z
  .object({
    kinds: z.array(z.object({ kind: NotificationKind, label: z.string(), hint: z.string(), enabled: z.boolean() })),
    agendaReminderHours: z.number().int(),
  })
  .meta({ id: "NotificationSettings" });

export const NotificationSettingsUpdate = z.strictObject({
  enabled: z.partialRecord(NotificationKind, z.boolean()).default({}),
  agendaReminderHours: z
    .number()
    .int("Use whole hours")
    .min(AGENDA_REMINDER_HOURS.min, `At least ${AGENDA_REMINDER_HOURS.min} hour before`)
    .max(AGENDA_REMINDER_HOURS.max, `At most ${AGENDA_REMINDER_HOURS.max} hours before`)
    .optional(),
});

export const UnsubscribeParams = z.strictObject({ token: z.string().min(10).max(300) });
export const UnsubscribeResult = z.object({ kind: NotificationKind, label: z.string() }).meta({ id: "UnsubscribeResult" });

// ── What a coordinator sees ────────────────────────────────────────────────────────────

export const PairsHealthQuery = Page.extend({
  sort: z.enum(["risk", "last_session", "mentee"]).default("risk"),
  status: z.enum(["live", "all"]).default("live").describe("live: active and paused pairs"),
});

export const PairHealth = z
  .object({
    relationshipId: Id,
    mentee: z.object({ name: z.string() }),
    mentor: z.object({ name: z.string() }),
    status: RelationshipStatus,
    startedAt: z.iso.datetime().nullable(),
    sessionsHeld: z.number().int(),
    sessionsMissed: z.number().int(),
    lastSessionAt: z.iso.datetime().nullable(),
    nextSessionAt: z.iso.datetime().nullable(),
    daysSinceLastSession: z.number().int().nullable(),
    goals: z.object({ count: z.number().int(), averageProgress: z.number().int().nullable() }),
    planAcknowledged: z.boolean(),
    flags: z.array(z.enum(HEALTH_FLAGS)),
    risk: z.number().int(),
  })
  .meta({ id: "PairHealth" });
export const PairsHealthPage = pageOf(PairHealth);
