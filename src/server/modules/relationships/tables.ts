import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { EndCategory, RelationshipOrigin, RelationshipStatus } from "../../../core/relationships/status.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";

/**
 * One pair in one programme: a mentor (or coach) and a mentee (or coachee). The user ids
 * are copied from the enrolments so every workspace check is one indexed lookup.
 */
export const relationships = pgTable(
  "relationships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    mentorEnrolmentId: uuid("mentor_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    menteeEnrolmentId: uuid("mentee_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    mentorUserId: uuid("mentor_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    menteeUserId: uuid("mentee_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").$type<RelationshipStatus>().notNull(),
    origin: text("origin").$type<RelationshipOrigin>().notNull(),
    /** The published matching round this pair came from, when it did. */
    roundId: uuid("round_id"),
    /** Explanation lines kept from the round or self-match, shown to the pair as "why you were matched". */
    matchReasons: text("match_reasons").array().notNull().default(sql`'{}'::text[]`),
    mentorAcceptedAt: ts("mentor_accepted_at"),
    menteeAcceptedAt: ts("mentee_accepted_at"),
    declinedBy: uuid("declined_by").references(() => users.id, { onDelete: "set null" }),
    /** The decline reason goes to the coordinator (it frees a slot they must refill). */
    declineReason: text("decline_reason"),
    startedAt: ts("started_at"),
    endedAt: ts("ended_at"),
    endedBy: uuid("ended_by").references(() => users.id, { onDelete: "set null" }),
    /** What a coordinator may see about an early end. */
    endCategory: text("end_category").$type<EndCategory>(),
    /** The pair's own words about an early end; never shown to the coordinator. */
    endNote: text("end_note"),
    /** End-of-term choice of each side: null until asked and answered. */
    mentorContinues: boolean("mentor_continues"),
    menteeContinues: boolean("mentee_continues"),
    /** Both chose to continue: the pair stays writable, outside the programme's reporting. */
    continuing: boolean("continuing").notNull().default(false),
    /** Optimistic concurrency for state changes. */
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // A mentee holds at most one live pair per programme; the database enforces it even under races.
    uniqueIndex("relationships_one_live_per_mentee")
      .on(t.programmeId, t.menteeEnrolmentId)
      .where(sql`status in ('proposed', 'active', 'paused')`),
    index("relationships_mentor_idx").on(t.mentorEnrolmentId, t.status),
    index("relationships_programme_idx").on(t.programmeId, t.status),
    index("relationships_mentor_user_idx").on(t.mentorUserId),
    index("relationships_mentee_user_idx").on(t.menteeUserId),
  ],
);
