import { z } from "zod";
import { WEEKDAYS } from "../core/intake/questions.js";
import { isTimeZone } from "../core/intake/validate-answers.js";
import { END_CATEGORIES } from "../core/relationships/status.js";
import { AGENDA_SECTION_KEYS } from "../core/workspace/agenda-template.js";
import { NOTES_BY } from "../core/workspace/plan.js";
import { MAX_SERIES_LENGTH, REPEAT_FREQUENCIES } from "../core/workspace/recurrence.js";
import { SESSION_STATUSES } from "../core/workspace/session-rules.js";
import { Id, IsoDate, Page, pageOf } from "./common.js";
import { MyRelationship, PairSide, RelationshipParams } from "./relationships.js";

export { RelationshipParams };

// ---- Shared pieces ------------------------------------------------------------------

export const TimeZoneName = z
  .string()
  .trim()
  .refine(isTimeZone, { message: "Use a time zone name such as Europe/London or America/New_York" });

export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use a 24-hour time like 18:30" });

/** Someone in the pair, as the other sees them. */
export const PairPerson = z.object({ name: z.string(), side: PairSide });

export const SessionParams = z.strictObject({ relationshipId: Id, sessionId: Id });
export const ActionItemParams = z.strictObject({ relationshipId: Id, itemId: Id });

// ---- Lifecycle -----------------------------------------------------------------------

const lifecycleNote = z.string().trim().max(1000, "Keep the note under 1,000 characters");

export const PauseBody = z.strictObject({ note: lifecycleNote.optional().describe("Shown to your partner in the workspace") });
export const ResumeBody = PauseBody;

export const EndCategory = z.enum(END_CATEGORIES);
export const EndBody = z.strictObject({
  category: EndCategory.describe("The only thing the coordinator learns about why"),
  note: z
    .string()
    .trim()
    .max(2000, "Keep the note under 2,000 characters")
    .optional()
    .describe("Your own words; never shown to the coordinator"),
});

export const ContinuationBody = z.strictObject({
  continue: z.boolean().describe("Whether you want to keep meeting after the term"),
});

export const RelationshipEvent = z.object({
  kind: z.enum(["paused", "resumed", "ended", "completed", "continuing", "closed", "continuation_answered"]),
  by: PairSide.nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
});

// ---- Overview ------------------------------------------------------------------------

export const Term = z.object({
  start: IsoDate,
  end: IsoDate,
  weeks: z.number().int(),
  state: z.enum(["not_started", "running", "over"]),
  /** The programme week, 1-based, while the term runs. */
  week: z.number().int().nullable(),
  startsInDays: z.number().int().nullable(),
  phase: z.object({ name: z.string(), startWeek: z.number().int(), endWeek: z.number().int() }).nullable(),
  /** A suggestion for what to spend this part of the term on. */
  focus: z.string().nullable(),
});

export const WeekResource = z.object({
  week: z.number().int(),
  title: z.string(),
  body: z.string(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
});

export const SessionStatus = z.enum(SESSION_STATUSES);

export const Session = z
  .object({
    id: Id,
    relationshipId: Id,
    seriesId: Id.nullable(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    /** The zone the session was planned in; a series keeps its wall-clock time there. */
    timeZone: z.string(),
    localDate: IsoDate,
    localStartTime: ClockTime,
    localEndTime: ClockTime,
    location: z.string(),
    status: SessionStatus,
    /** For a cancelled session: whether it came with less notice than the plan asks. */
    lateCancellation: z.boolean().nullable(),
    cancelledBy: PairSide.nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    /** The iCalendar SEQUENCE: goes up with every change sent to calendars. */
    sequence: z.number().int(),
    /** For the mentor a draft reads as not_shared: a draft is the mentee's until shared. */
    agenda: z.enum(["none", "draft", "shared", "not_shared"]),
    cancellationRule: z.object({
      noticeHours: z.number().int().nullable(),
      /** Whether cancelling right now would count as late. */
      lateIfCancelledNow: z.boolean(),
    }),
  })
  .meta({ id: "Session" });
export type Session = z.infer<typeof Session>;

export const PlanSummary = z.object({
  version: z.number().int(),
  acknowledgedByMe: z.boolean(),
  acknowledgedByPartner: z.boolean(),
});

export const WorkspaceOverview = z
  .object({
    relationship: MyRelationship,
    term: Term,
    /** This week's resource for your side of the pair, when the coordinator wrote one. */
    resource: WeekResource.nullable(),
    nextSession: Session.nullable(),
    openActionItems: z.number().int(),
    plan: PlanSummary,
    continuation: z.object({
      /** Whether the question is open now (the last two weeks of the term, or after it). */
      open: z.boolean(),
      opensOn: IsoDate,
      mine: z.boolean().nullable(),
      partnerAnswered: z.boolean(),
    }),
    /** Your time zone from your intake answers; the web app falls back to the browser's. */
    timeZone: z.string().nullable(),
    /** Why it ended, in the pair's own words (never shown to the coordinator). */
    endNote: z.string().nullable(),
    endCategory: EndCategory.nullable(),
    events: z.array(RelationshipEvent),
  })
  .meta({ id: "WorkspaceOverview" });
export type WorkspaceOverview = z.infer<typeof WorkspaceOverview>;

// ---- Mentoring plan ------------------------------------------------------------------

const longText = (label: string) => z.string().trim().max(2000, `${label}: at most 2,000 characters`);

export const PlanFieldsSchema = z.object({
  meetingDay: z.enum(WEEKDAYS).nullable(),
  meetingTime: ClockTime.nullable(),
  timeZone: TimeZoneName.nullable(),
  location: z.string().trim().max(500, "At most 500 characters"),
  cancellationNoticeHours: z.number().int().min(0).max(336, "At most two weeks (336 hours)").nullable(),
  betweenSessions: longText("How you keep in touch"),
  notesBy: z.enum(NOTES_BY).nullable(),
  menteeFocus: longText("The mentee's focus"),
  mentorFocus: longText("The mentor's focus"),
  menteeExpects: longText("What the mentee expects"),
  mentorExpects: longText("What the mentor expects"),
});

export const Plan = PlanFieldsSchema.extend({
  /** 0 until the first edit. */
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: PairPerson.nullable(),
  mentorAcknowledgedAt: z.iso.datetime().nullable(),
  menteeAcknowledgedAt: z.iso.datetime().nullable(),
}).meta({ id: "MentoringPlan" });
export type Plan = z.infer<typeof Plan>;

export const PlanEdit = PlanFieldsSchema.partial()
  .extend({ version: z.number().int().min(0).describe("The version you edited (0 for the first edit); a stale one answers 409") })
  .strict();
export type PlanEdit = z.infer<typeof PlanEdit>;

export const PlanAcknowledge = z.strictObject({ version: z.number().int().min(1).describe("The version you read and agree to") });

export const PlanHistoryEntry = z.object({
  version: z.number().int(),
  editedBy: PairPerson,
  editedAt: z.iso.datetime(),
  changes: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      from: z.union([z.string(), z.number()]).nullable(),
      to: z.union([z.string(), z.number()]).nullable(),
    }),
  ),
});
export const PlanHistory = pageOf(PlanHistoryEntry);

// ---- Sessions ------------------------------------------------------------------------

const title = z.string().trim().min(1, "Give the session a title").max(120, "Titles are at most 120 characters");
const location = z.string().trim().max(500, "At most 500 characters");

export const SessionSchedule = z
  .strictObject({
    title: title.optional().describe("Defaults to 'Mentoring session'"),
    date: IsoDate.optional().describe("The (first) date, where the session happens; defaults to the next plan meeting day"),
    startTime: ClockTime.optional().describe("Defaults to the plan's meeting time"),
    endTime: ClockTime.optional().describe("Defaults to start + the programme's session length"),
    timeZone: TimeZoneName.optional().describe("Defaults to the plan's time zone"),
    location: location.optional().describe("Defaults to the plan's video link or place"),
    repeat: z
      .strictObject({
        frequency: z.enum(REPEAT_FREQUENCIES),
        count: z
          .number()
          .int()
          .min(2, "A series has at least 2 sessions")
          .max(MAX_SERIES_LENGTH, `A series has at most ${MAX_SERIES_LENGTH} sessions`),
      })
      .optional(),
    held: z.boolean().optional().describe("Log a session that already took place (the only way to add one in the past)"),
  })
  .refine((b) => !(b.held && b.repeat), { message: "A logged session cannot repeat", path: ["repeat"] });

export const SessionReschedule = z.strictObject({
  date: IsoDate,
  startTime: ClockTime,
  endTime: ClockTime.optional().describe("Defaults to keeping the session's length"),
  timeZone: TimeZoneName.optional().describe("Defaults to the session's time zone"),
  title: title.optional(),
  location: location.optional(),
});

export const SessionCancel = z.strictObject({
  scope: z.enum(["this", "following"]).default("this").describe("following: this session and every later one of its series"),
});

export const SessionOutcome = z.strictObject({ outcome: z.enum(["held", "missed"]) });

export const SessionListQuery = Page.extend({ when: z.enum(["upcoming", "past", "all"]).default("upcoming") });

export const SessionList = pageOf(Session);

export const ScheduledSessions = z.object({ sessions: z.array(Session) });

export const CancelledSessions = z.object({ sessions: z.array(Session) });

// ---- Agenda --------------------------------------------------------------------------

export const AgendaSectionKey = z.enum(AGENDA_SECTION_KEYS);

export const ActionItem = z
  .object({
    id: Id,
    relationshipId: Id,
    sessionId: Id.nullable(),
    goalId: Id.nullable(),
    title: z.string(),
    owner: PairSide,
    dueOn: IsoDate.nullable(),
    done: z.boolean(),
    doneAt: z.iso.datetime().nullable(),
    createdBy: PairSide,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ActionItem" });
export type ActionItem = z.infer<typeof ActionItem>;

export const AgendaComment = z.object({ id: Id, author: PairPerson, body: z.string(), createdAt: z.iso.datetime() });

/** Coaching: a topic the coachee wants to raise, beside the coach's agenda. */
export const AgendaTopic = z.object({ id: Id, author: PairPerson, body: z.string(), createdAt: z.iso.datetime(), mine: z.boolean() });

export const Agenda = z
  .object({
    sessionId: Id,
    status: z.enum(["none", "draft", "shared", "not_shared"]),
    /** Who writes this agenda: the mentee in mentoring, the coach (side mentor) in coaching. */
    author: PairSide,
    /** Whether you may write and share it (you are its author and the pair is open). */
    canEdit: z.boolean(),
    /** Whether you may add topics beside it (the coachee, in coaching). */
    canRaiseTopics: z.boolean(),
    /** Null for the other side until the author shares it. */
    sections: z.array(z.object({ key: AgendaSectionKey, heading: z.string(), prompt: z.string(), text: z.string() })).nullable(),
    /** 0 until the mentee first saves. */
    version: z.number().int(),
    sharedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    comments: z.array(AgendaComment),
    /** Coaching: topics the coachee wants to raise (always visible to both). */
    topics: z.array(AgendaTopic),
    /** Open action items from before this session, carried into its agenda. */
    carriedActionItems: z.array(ActionItem),
    /** Action items agreed in this session. */
    sessionActionItems: z.array(ActionItem),
  })
  .meta({ id: "Agenda" });
export type Agenda = z.infer<typeof Agenda>;

export const AgendaSave = z.strictObject({
  version: z.number().int().min(0).describe("The version you edited (0 for the first save)"),
  sections: z.partialRecord(AgendaSectionKey, z.string().max(5000, "Each part is at most 5,000 characters")),
});

export const AgendaCommentCreate = z.strictObject({
  body: z.string().trim().min(1, "Write a comment").max(2000, "Comments are at most 2,000 characters"),
});

export const AgendaTopicCreate = z.strictObject({
  body: z.string().trim().min(1, "Write the topic").max(1000, "A topic is at most 1,000 characters"),
});

export const AgendaTopicParams = z.strictObject({ relationshipId: Id, sessionId: Id, topicId: Id });

// ---- Notes ---------------------------------------------------------------------------

export const NotesQuery = z.strictObject({
  sessionId: Id.optional().describe("Notes of one session; leave out for the pair's running notes"),
});

export const SharedNote = z
  .object({
    sessionId: Id.nullable(),
    body: z.string(),
    /** 0 until the first save. */
    version: z.number().int(),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: PairPerson.nullable(),
  })
  .meta({ id: "SharedNote" });
export type SharedNote = z.infer<typeof SharedNote>;

export const PrivateNote = z
  .object({ sessionId: Id.nullable(), body: z.string(), version: z.number().int(), updatedAt: z.iso.datetime().nullable() })
  .meta({ id: "PrivateNote" });

export const NoteSave = z.strictObject({
  sessionId: Id.nullable().default(null),
  baseVersion: z.number().int().min(0).describe("The version your text started from (0 for new notes)"),
  body: z.string().max(50_000, "Notes are at most 50,000 characters"),
});

/** details of a 409 edit_conflict: what is saved now, and what you sent, so nothing is lost. */
export const EditConflictDetails = z.object({ current: SharedNote, yours: z.string() });

// ---- Action items --------------------------------------------------------------------

const itemTitle = z.string().trim().min(1, "Say what needs doing").max(200, "At most 200 characters");

export const ActionItemCreate = z.strictObject({
  title: itemTitle,
  owner: PairSide,
  dueOn: IsoDate.nullable().optional(),
  sessionId: Id.nullable().optional(),
  goalId: Id.nullable().optional().describe("A goal this item works towards"),
});

export const ActionItemUpdate = z.strictObject({
  title: itemTitle.optional(),
  owner: PairSide.optional(),
  dueOn: IsoDate.nullable().optional(),
  done: z.boolean().optional(),
  sessionId: Id.nullable().optional(),
  goalId: Id.nullable().optional(),
});

export const ActionItemListQuery = Page.extend({
  status: z.enum(["open", "done", "all"]).default("all"),
  sessionId: Id.optional(),
  goalId: Id.optional().describe("Only the items linked to this goal"),
});

export const ActionItemList = pageOf(ActionItem);

// ---- Calendar feed -------------------------------------------------------------------

export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.iso.datetime().nullable() });
export const CalendarFeedCreated = z.object({
  /** Shown once: only a hash is stored. Anyone with the link can read your session times. */
  url: z.string(),
  createdAt: z.iso.datetime(),
});
export const CalendarFeedParams = z.strictObject({ token: z.string().min(10).max(200) });
