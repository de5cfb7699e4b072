import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Weekday } from "../../../core/intake/questions.js";
import type { EndCategory } from "../../../core/relationships/status.js";
import type { AgendaText } from "../../../core/workspace/agenda-template.js";
import type { NotesBy, PlanChange } from "../../../core/workspace/plan.js";
import type { SessionStatus } from "../../../core/workspace/session-rules.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { relationships } from "../relationships/tables.js";

type Side = "mentor" | "mentee";

const relationshipId = () =>
  uuid("relationship_id")
    .notNull()
    .references(() => relationships.id, { onDelete: "cascade" });

/** What happened to a pair over time (pause, resume, end, the continuation choice), for the pair's own timeline. */
export const relationshipEvents = pgTable(
  "relationship_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: relationshipId(),
    kind: text("kind").$type<"paused" | "resumed" | "ended" | "completed" | "continuing" | "closed" | "continuation_answered">().notNull(),
    side: text("side").$type<Side>(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The pair's own words; never shown to the coordinator. */
    note: text("note"),
    category: text("category").$type<EndCategory>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("relationship_events_relationship_idx").on(t.relationshipId, t.createdAt)],
);

/** The mentoring plan (agreement): one per pair, written together, acknowledged by both. */
export const mentoringPlans = pgTable("mentoring_plans", {
  relationshipId: uuid("relationship_id")
    .primaryKey()
    .references(() => relationships.id, { onDelete: "cascade" }),
  meetingDay: text("meeting_day").$type<Weekday>(),
  meetingTime: text("meeting_time"),
  timeZone: text("time_zone"),
  location: text("location").notNull().default(""),
  cancellationNoticeHours: integer("cancellation_notice_hours"),
  betweenSessions: text("between_sessions").notNull().default(""),
  notesBy: text("notes_by").$type<NotesBy>(),
  menteeFocus: text("mentee_focus").notNull().default(""),
  mentorFocus: text("mentor_focus").notNull().default(""),
  menteeExpects: text("mentee_expects").notNull().default(""),
  mentorExpects: text("mentor_expects").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  /** Both cleared by every edit: agreeing to one version is not agreeing to the next. */
  mentorAcknowledgedAt: ts("mentor_acknowledged_at"),
  menteeAcknowledgedAt: ts("mentee_acknowledged_at"),
});

/** Every edit of a plan: who, when, and each field's old and new value. */
export const mentoringPlanEdits = pgTable(
  "mentoring_plan_edits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: relationshipId(),
    version: integer("version").notNull(),
    editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
    editedBySide: text("edited_by_side").$type<Side>().notNull(),
    changes: jsonb("changes").$type<PlanChange[]>().notNull(),
    editedAt: ts("edited_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mentoring_plan_edits_version").on(t.relationshipId, t.version)],
);

/**
 * A session of a pair. Instants are UTC; the zone and wall-clock times it was planned in
 * are kept too, so a series keeps its local time across daylight-saving changes and a
 * reschedule can keep the session's length.
 */
export const pairSessions = pgTable(
  "pair_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: relationshipId(),
    /** Shared by the sessions scheduled together as a series. */
    seriesId: uuid("series_id"),
    title: text("title").notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    timeZone: text("time_zone").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    localStartTime: text("local_start_time").notNull(),
    localEndTime: text("local_end_time").notNull(),
    location: text("location").notNull().default(""),
    status: text("status").$type<SessionStatus>().notNull().default("scheduled"),
    /** iCalendar SEQUENCE: every change sent to calendars raises it; the UID is the id. */
    sequence: integer("sequence").notNull().default(0),
    lateCancellation: boolean("late_cancellation"),
    cancelledBySide: text("cancelled_by_side").$type<Side>(),
    cancelledAt: ts("cancelled_at"),
    outcomeAt: ts("outcome_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("pair_sessions_relationship_idx").on(t.relationshipId, t.startsAt),
    index("pair_sessions_starts_idx").on(t.startsAt),
    check("pair_sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * The agenda of one session, written by the side the mode names (the mentee in mentoring,
 * the coach in coaching); the other side reads it once shared.
 */
export const sessionAgendas = pgTable("session_agendas", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => pairSessions.id, { onDelete: "cascade" }),
  relationshipId: relationshipId(),
  sections: jsonb("sections").$type<AgendaText>().notNull().default({}),
  status: text("status").$type<"draft" | "shared">().notNull().default("draft"),
  version: integer("version").notNull().default(1),
  sharedAt: ts("shared_at"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const agendaComments = pgTable(
  "agenda_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => pairSessions.id, { onDelete: "cascade" }),
    relationshipId: relationshipId(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorSide: text("author_side").$type<Side>().notNull(),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("agenda_comments_session_idx").on(t.sessionId, t.createdAt)],
);

/**
 * Coaching: topics the coachee wants to raise, kept beside the coach's agenda (which the
 * coachee reads but cannot rewrite). The coach sees them as soon as they are added.
 */
export const agendaTopics = pgTable(
  "agenda_topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => pairSessions.id, { onDelete: "cascade" }),
    relationshipId: relationshipId(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorSide: text("author_side").$type<Side>().notNull(),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("agenda_topics_session_idx").on(t.sessionId, t.createdAt)],
);

/**
 * Notes of a pair: shared ones (authorId null, both edit) and private ones (one author
 * only). Per session, or for the pair as a whole when sessionId is null.
 */
export const pairNotes = pgTable(
  "pair_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: relationshipId(),
    sessionId: uuid("session_id").references(() => pairSessions.id, { onDelete: "cascade" }),
    /** Null for the shared notes; the author for private notes, which nobody else ever reads. */
    authorId: uuid("author_id").references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedBySide: text("updated_by_side").$type<Side>(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // One note per (pair, session or none, shared or author): NULLs made comparable.
    uniqueIndex("pair_notes_one_per_scope").on(
      t.relationshipId,
      sql`coalesce(${t.sessionId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.authorId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: relationshipId(),
    sessionId: uuid("session_id").references(() => pairSessions.id, { onDelete: "set null" }),
    /** A GROW goal this item serves; goals live in the growth module, so no foreign key here. */
    goalId: uuid("goal_id"),
    title: text("title").notNull(),
    owner: text("owner").$type<Side>().notNull(),
    dueOn: date("due_on", { mode: "string" }),
    doneAt: ts("done_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdBySide: text("created_by_side").$type<Side>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("action_items_relationship_idx").on(t.relationshipId, t.doneAt), index("action_items_goal_idx").on(t.goalId)],
);

/** One private calendar feed per person; only the hash of its secret is kept. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastReadAt: ts("last_read_at"),
});
