import { sql } from "drizzle-orm";
import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { GoalField, GoalStatus } from "../../../core/growth/goals.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { relationships } from "../relationships/tables.js";

/**
 * Everything here is the pair's own writing. Only the pair's two people read it through
 * the API (and private parts only their author); coordinators see counts from pairs-health.
 */

/** A GROW goal: written and changed by the mentee only. */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    goal: text("goal").notNull().default(""),
    reality: text("reality").notNull().default(""),
    options: text("options").notNull().default(""),
    will: text("will").notNull().default(""),
    targetDate: date("target_date", { mode: "string" }),
    measure: text("measure").notNull().default(""),
    status: text("status").$type<GoalStatus>().notNull().default("not_started"),
    progress: integer("progress").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("goals_relationship_idx").on(t.relationshipId, t.createdAt)],
);

/** Who changed which fields of a goal, and when. The values themselves stay on the goal. */
export const goalChanges = pgTable(
  "goal_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    /** "created" for the first entry, otherwise the fields that changed. */
    fields: text("fields").array().$type<(GoalField | "created")[]>().notNull(),
    /** Progress after the change, so the history can show a progress line without reading old text. */
    progress: integer("progress").notNull(),
    status: text("status").$type<GoalStatus>().notNull(),
    changedAt: ts("changed_at").notNull().defaultNow(),
  },
  (t) => [index("goal_changes_goal_idx").on(t.goalId, t.changedAt)],
);

/** Comments on a goal: the mentor's way to respond, and the mentee's reply. */
export const goalComments = pgTable(
  "goal_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("goal_comments_goal_idx").on(t.goalId, t.createdAt)],
);

/** The mentee's personal SWOT, one per pair; private until the mentee shares it. */
export const swots = pgTable("swots", {
  relationshipId: uuid("relationship_id")
    .primaryKey()
    .references(() => relationships.id, { onDelete: "cascade" }),
  strengths: jsonb("strengths").$type<string[]>().notNull().default([]),
  weaknesses: jsonb("weaknesses").$type<string[]>().notNull().default([]),
  opportunities: jsonb("opportunities").$type<string[]>().notNull().default([]),
  threats: jsonb("threats").$type<string[]>().notNull().default([]),
  sharedAt: ts("shared_at"),
  version: integer("version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** A weekly reflection by either side: private to its author unless they share it. */
export const reflections = pgTable(
  "reflections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The programme week it was written in, and the prompt shown then (kept as worded). */
    week: integer("week").notNull(),
    prompt: text("prompt"),
    body: text("body").notNull(),
    sharedAt: ts("shared_at"),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("reflections_relationship_idx").on(t.relationshipId, t.createdAt), index("reflections_author_idx").on(t.authorId, t.week)],
);

export type DebriefGoalNote = { goalId: string; text: string };

/** Each side's final debrief: per goal, on the relationship, and a roadmap. Private until shared. */
export const debriefs = pgTable(
  "debriefs",
  {
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    goalNotes: jsonb("goal_notes").$type<DebriefGoalNote[]>().notNull().default([]),
    relationship: text("relationship").notNull().default(""),
    roadmap: text("roadmap").notNull().default(""),
    sharedAt: ts("shared_at"),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.relationshipId, t.authorId] })],
);

/** Doors a mentor opens for the mentee: an introduction to someone, or an opportunity. */
export const introductions = pgTable(
  "introductions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["introduction", "opportunity"] }).notNull(),
    what: text("what").notNull(),
    /** The person, team, company or event. */
    whoOrWhere: text("who_or_where").notNull().default(""),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["open", "followed_up", "done", "not_pursued"] })
      .notNull()
      .default("open"),
    /** The mentee's note on how it went. */
    outcome: text("outcome").notNull().default(""),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("introductions_relationship_idx").on(t.relationshipId, t.occurredOn)],
);

/**
 * Per-person mail preferences. A row appears the first time someone changes a setting or
 * is sent a non-essential email; no row means every kind is on. The unsubscribe key signs
 * one-click unsubscribe links, so a link works without signing in but cannot be forged.
 */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  muted: text("muted").array().notNull().default(sql`'{}'::text[]`),
  agendaReminderHours: integer("agenda_reminder_hours").notNull().default(24),
  unsubscribeKey: text("unsubscribe_key").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
