import { z } from "zod";
import { ALERT_TYPES, CHECK_IN_WITH, SETTING_LIMITS } from "../core/alerts/settings.js";
import { ALERT_STATES, MAX_SNOOZE_DAYS, RESOLUTION_MAX } from "../core/alerts/state.js";
import { CHECK_IN_OUTCOMES, NOTE_MAX } from "../core/support/check-ins.js";
import { Id, IsoDate, Page, pageOf } from "./common.js";
import { RelationshipStatus } from "./relationships.js";

const version = z.number().int().min(0).describe("The version you edited (0: never saved); a mismatch returns 409 version_conflict");
const limit = (what: string, [min, max]: readonly [number, number]) =>
  z
    .number({ message: `${what} is a number` })
    .int(`${what} is a whole number`)
    .min(min, `${what} is at least ${min}`)
    .max(max, `${what} is at most ${max}`);

export const CheckInWith = z.enum(CHECK_IN_WITH);
export const CheckInOutcome = z.enum(CHECK_IN_OUTCOMES);
export const AlertType = z.enum(ALERT_TYPES);
export const AlertState = z.enum(ALERT_STATES);

// ---- Settings

export const SupportSettingsBody = z
  .strictObject({
    quietDays: limit("Days without a session", SETTING_LIMITS.quietDays),
    lowPulseMax: limit("The low pulse score", SETTING_LIMITS.lowPulseMax),
    proposalWaitDays: limit("Days a proposal may wait", SETTING_LIMITS.proposalWaitDays),
    requestWaitDays: limit("Days a request may wait", SETTING_LIMITS.requestWaitDays),
    checkInGraceDays: limit("Grace days for a check-in", SETTING_LIMITS.checkInGraceDays),
    unansweredSurveys: limit("Surveys left unanswered", SETTING_LIMITS.unansweredSurveys),
    overdueAfterDays: limit("Days before an alert is overdue", SETTING_LIMITS.overdueAfterDays),
    mutedAlerts: z.array(AlertType).max(ALERT_TYPES.length),
    checkInPlan: z.array(z.strictObject({ week: limit("The week", [1, 260]), with: CheckInWith })).max(20, "Plan at most 20 check-ins"),
  })
  .meta({ id: "SupportSettings" });
export const SupportSettingsUpdate = z.strictObject({ settings: SupportSettingsBody, version });
export const SupportSettingsView = z.object({ settings: SupportSettingsBody, version: z.number().int(), termWeeks: z.number().int() });

// ---- Check-ins

export const PairRef = z.strictObject({ id: Id, relationshipId: Id });
export const CheckInParams = z.strictObject({ id: Id, relationshipId: Id, checkInId: Id });

const note = z
  .string()
  .trim()
  .max(NOTE_MAX, `Notes are at most ${NOTE_MAX.toLocaleString("en")} characters`);

export const CheckInCreate = z.strictObject({
  happenedOn: IsoDate,
  with: CheckInWith,
  outcome: CheckInOutcome,
  note: note.default(""),
  followUpOn: IsoDate.nullable().default(null),
  plannedWeek: z.number().int().min(1).max(260).nullable().default(null),
  alertId: Id.nullable().default(null).describe("The alert this check-in answers, to note it in the alert's history"),
});
export const CheckInUpdate = z.strictObject({
  version: z.number().int().min(1),
  happenedOn: IsoDate,
  with: CheckInWith,
  outcome: CheckInOutcome,
  note: note.default(""),
  followUpOn: IsoDate.nullable().default(null),
});

export const CheckIn = z
  .object({
    id: Id,
    relationshipId: Id,
    plannedWeek: z.number().int().nullable(),
    happenedOn: IsoDate,
    with: CheckInWith,
    outcome: CheckInOutcome,
    /** The coordinator's own words: given to the programme's coordinators only; null for anyone else. */
    note: z.string().nullable(),
    followUpOn: IsoDate.nullable(),
    loggedBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "CheckIn" });

export const Contact = z
  .object({
    id: Id,
    kind: z.enum(["message", "reminder"]),
    to: CheckInWith,
    subject: z.string(),
    body: z.string(),
    sentBy: z.string().nullable(),
    sentAt: z.iso.datetime(),
  })
  .meta({ id: "SupportContact" });

export const CheckInHistory = z.object({
  checkIns: z.array(CheckIn),
  contacts: z.array(Contact),
  /** False for an instance admin who is not one of the programme's coordinators: notes are withheld. */
  notesVisible: z.boolean(),
});

export const PairCheckIns = CheckInHistory.extend({
  pair: z.object({ mentee: z.object({ name: z.string() }), mentor: z.object({ name: z.string() }), status: RelationshipStatus }),
});

export const MessageCreate = z.strictObject({
  to: CheckInWith,
  subject: z.string().trim().min(3, "Give the message a subject").max(150, "Subjects are at most 150 characters"),
  body: z.string().trim().min(1, "Write the message").max(4000, "Messages are at most 4,000 characters"),
  alertId: Id.nullable().default(null),
});
export const ReminderCreate = z.strictObject({
  to: CheckInWith.default("both"),
  note: z.string().trim().max(1000, "The note is at most 1,000 characters").default(""),
  alertId: Id.nullable().default(null),
});

const PlannedCheckIn = z.object({
  week: z.number().int(),
  with: CheckInWith,
  startsOn: IsoDate,
  dueOn: IsoDate,
  state: z.enum(["done", "due", "overdue", "upcoming", "before_pair"]),
  checkInId: Id.nullable(),
});

export const CheckInPlanRow = z
  .object({
    relationshipId: Id,
    mentee: z.object({ name: z.string() }),
    mentor: z.object({ name: z.string() }),
    status: RelationshipStatus,
    planned: z.array(PlannedCheckIn),
    lastCheckIn: z.object({ happenedOn: IsoDate, outcome: CheckInOutcome }).nullable(),
    followUpOn: IsoDate.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: "CheckInPlanRow" });
export const CheckInPlanQuery = Page.extend({ show: z.enum(["all", "attention"]).default("all") });
export const CheckInPlanPage = pageOf(CheckInPlanRow).extend({ plan: z.array(z.object({ week: z.number().int(), with: CheckInWith })) });

// ---- Alerts

export const AlertParams = z.strictObject({ id: Id, alertId: Id });
export const AlertQuery = Page.extend({
  state: z.enum(["open", "acknowledged", "snoozed", "resolved", "unresolved"]).default("unresolved"),
  type: AlertType.optional(),
  assignee: z.union([z.literal("me"), z.literal("none"), Id]).optional(),
  sort: z.enum(["oldest", "newest"]).default("oldest"),
});

const Person = z.object({ id: Id, name: z.string() }).nullable();

export const Alert = z
  .object({
    id: Id,
    type: AlertType,
    title: z.string(),
    summary: z.string(),
    state: AlertState,
    relationshipId: Id.nullable(),
    mentee: Person,
    mentor: Person,
    assignee: Person,
    snoozedUntil: z.iso.datetime().nullable(),
    resolution: z.string().nullable(),
    resolvedBy: z.enum(["coordinator", "signal"]).nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    raisedAt: z.iso.datetime(),
    age: z.string(),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Alert" });

export const AlertPage = pageOf(Alert).extend({
  counts: z.object({ open: z.number().int(), acknowledged: z.number().int(), snoozed: z.number().int(), resolved: z.number().int() }),
  coordinators: z.array(z.object({ id: Id, name: z.string() })),
});

export const AlertEvent = z.object({ kind: z.string(), by: z.string().nullable(), note: z.string().nullable(), at: z.iso.datetime() });

export const PairMetadata = z
  .object({
    relationshipId: Id,
    status: RelationshipStatus,
    mentee: z.object({ name: z.string(), email: z.string() }),
    mentor: z.object({ name: z.string(), email: z.string() }),
    startedAt: z.iso.datetime().nullable(),
    sessionsHeld: z.number().int(),
    sessionsMissed: z.number().int(),
    lastSessionAt: z.iso.datetime().nullable(),
    nextSessionAt: z.iso.datetime().nullable(),
    planAcknowledged: z.boolean(),
    goals: z.number().int(),
  })
  .meta({ id: "PairMetadata" });

export const AlertDetail = z.object({
  alert: Alert,
  events: z.array(AlertEvent),
  pair: PairMetadata.nullable(),
  history: CheckInHistory.nullable(),
});

export const AlertAction = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("acknowledge"), version: z.number().int() }),
  z.strictObject({
    action: z.literal("snooze"),
    version: z.number().int(),
    until: IsoDate.describe(`A date within ${MAX_SNOOZE_DAYS} days; the alert comes back open at its start`),
  }),
  z.strictObject({
    action: z.literal("resolve"),
    version: z.number().int(),
    resolution: z.string().trim().min(1, "Say how it was resolved").max(RESOLUTION_MAX, `At most ${RESOLUTION_MAX} characters`),
  }),
  z.strictObject({ action: z.literal("reopen"), version: z.number().int() }),
]);

export const AlertAssign = z.strictObject({ assigneeUserId: Id.nullable(), version: z.number().int() });

export const AlertBulk = z.strictObject({
  ids: z.array(Id).min(1, "Choose at least one alert").max(100, "At most 100 alerts at once"),
  action: z.enum(["acknowledge", "assign"]),
  assigneeUserId: Id.nullable().optional(),
});
export const AlertBulkResult = z.object({ changed: z.number().int(), skipped: z.number().int() });
export const EvaluateResult = z.object({ raised: z.number().int(), cleared: z.number().int(), open: z.number().int() });
