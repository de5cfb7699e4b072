import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { ProgrammeStatus } from "../../../core/programmes/lifecycle.js";
import type { Phase } from "../../../core/programmes/phases.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";

export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    type: text("type", { enum: ["mentoring", "coaching"] }).notNull(),
    description: text("description").notNull().default(""),
    termStart: date("term_start", { mode: "string" }).notNull(),
    termEnd: date("term_end", { mode: "string" }).notNull(),
    status: text("status").$type<ProgrammeStatus>().notNull().default("draft"),
    /** Where restore returns an archived programme to. */
    statusBeforeArchive: text("status_before_archive").$type<ProgrammeStatus>(),
    cadence: text("cadence", { enum: ["weekly", "fortnightly", "monthly"] })
      .notNull()
      .default("weekly"),
    sessionMinutes: integer("session_minutes").notNull().default(60),
    phases: jsonb("phases").$type<Phase[]>().notNull().default([]),
    /** How pairs form: the coordinator's matching round, or mentees requesting mentors themselves. */
    matchMode: text("match_mode", { enum: ["round", "self"] })
      .notNull()
      .default("round"),
    /** Published pairs start at once (auto) or wait for both sides to accept (two_sided). */
    acceptance: text("acceptance", { enum: ["auto", "two_sided"] })
      .notNull()
      .default("two_sided"),
    /** Self-match: how many mentors a mentee may have pending requests with at once. */
    requestLimit: integer("request_limit").notNull().default(3),
    /** Self-match: days a request waits for an answer before it expires. */
    requestExpiryDays: integer("request_expiry_days").notNull().default(7),
    applicationsOpenAt: ts("applications_open_at"),
    applicationsCloseAt: ts("applications_close_at"),
    /** Optimistic concurrency: every update bumps it; an edit of an older version is refused. */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    archivedAt: ts("archived_at"),
  },
  (t) => [index("programmes_status_idx").on(t.status, t.createdAt)],
);

export const programmeMembers = pgTable(
  "programme_members",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["coordinator", "mentor", "mentee", "coach", "coachee", "sponsor"] }).notNull(),
    addedAt: ts("added_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.userId, t.role] }), index("programme_members_user_idx").on(t.userId)],
);
