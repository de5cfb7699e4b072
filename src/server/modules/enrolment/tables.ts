import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import type { EnrolmentStatus } from "../../../core/enrolment/status.js";
import type { Answers, IntakeRole, Question } from "../../../core/intake/questions.js";
import type { Audience } from "../../../core/programmes/default-content.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { programmes } from "../programmes/tables.js";

/** The current form of each role in a programme. Every saved version is kept in intake_form_versions. */
export const intakeForms = pgTable(
  "intake_forms",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    role: text("role").$type<IntakeRole>().notNull(),
    version: integer("version").notNull().default(1),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.role] })],
);

/** Old versions stay so answers given to them keep their questions' wording. */
export const intakeFormVersions = pgTable(
  "intake_form_versions",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    role: text("role").$type<IntakeRole>().notNull(),
    version: integer("version").notNull(),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.role, t.version] })],
);

/** One person's place in one programme: their role, answers and where the application stands. */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<IntakeRole>().notNull(),
    status: text("status").$type<EnrolmentStatus>().notNull(),
    source: text("source", { enum: ["application", "invitation", "import"] }).notNull(),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    formVersion: integer("form_version"),
    /** How many people a mentor or coach can take; null for the receiving side. */
    capacity: integer("capacity"),
    paused: boolean("paused").notNull().default(false),
    declineReason: text("decline_reason"),
    appliedAt: ts("applied_at"),
    decidedAt: ts("decided_at"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("enrolments_programme_user_unique").on(t.programmeId, t.userId),
    index("enrolments_programme_status_idx").on(t.programmeId, t.status),
    index("enrolments_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role").$type<IntakeRole>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
  },
  (t) => [index("invitations_programme_idx").on(t.programmeId, t.email)],
);

export const trainingCompletions = pgTable(
  "training_completions",
  {
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    moduleKey: text("module_key").notNull(),
    completedAt: ts("completed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.moduleKey] })],
);

/** The weekly content schedule: a short resource per week for each side. */
export const programmeResources = pgTable(
  "programme_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    week: integer("week").notNull(),
    audience: text("audience").$type<Audience>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    links: jsonb("links").$type<{ label: string; url: string }[]>().notNull().default([]),
  },
  (t) => [unique("programme_resources_week_unique").on(t.programmeId, t.week, t.audience)],
);

/** Skills an admin added to the shipped taxonomy (new skills, or more aliases for known ones). */
export const skillEntries = pgTable("skill_entries", {
  name: text("name").primaryKey(),
  family: text("family").notNull(),
  aliases: jsonb("aliases").$type<string[]>().notNull().default([]),
  createdAt: ts("created_at").notNull().defaultNow(),
});
