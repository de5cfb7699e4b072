import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Direction, Measure, Phase, RaterGroup } from "../../../core/coaching/outcomes.js";
import type { PlanEntry } from "../../../core/coaching/templates.js";
import type { FactorContribution } from "../../../core/matching/scoring.js";
import { ts } from "../../platform/columns.js";
import { users } from "../accounts/tables.js";
import { enrolments } from "../enrolment/tables.js";
import { programmes } from "../programmes/tables.js";
import { relationships } from "../relationships/tables.js";
import { pairSessions } from "../workspace/tables.js";

/*
 * A coaching engagement is a relationship (coach on the `mentor` side, coachee on the
 * `mentee` side) plus the rows below. The relationship gives it the workspace — sessions,
 * calendars, agendas, private notes — and the one way pairs are made (capacity, one live
 * engagement per coachee); these tables add what only coaching has. See docs/architecture.md.
 */

const engagementId = () =>
  uuid("relationship_id")
    .notNull()
    .references(() => relationships.id, { onDelete: "cascade" });

export type Credential = { body: string; level: string; year: number | null };

/** A coach's professional profile in one programme. Seeded from the intake answers until first saved. */
export const coachProfiles = pgTable("coach_profiles", {
  enrolmentId: uuid("enrolment_id")
    .primaryKey()
    .references(() => enrolments.id, { onDelete: "cascade" }),
  credentials: jsonb("credentials").$type<Credential[]>().notNull().default([]),
  /** Canonical skill names from the taxonomy. */
  specialisms: text("specialisms").array().notNull().default(sql`'{}'::text[]`),
  approach: text("approach").notNull().default(""),
  languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
  timeZones: text("time_zones").array().notNull().default(sql`'{}'::text[]`),
  bio: text("bio").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** What a programme offers: N sessions of M minutes within W weeks. No payment is processed. */
export const coachingPackages = pgTable(
  "coaching_packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sessions: integer("sessions").notNull(),
    sessionMinutes: integer("session_minutes").notNull(),
    periodWeeks: integer("period_weeks").notNull(),
    sponsorRequired: boolean("sponsor_required").notNull().default(false),
    referencePrice: text("reference_price").notNull().default(""),
    costCentre: text("cost_centre").notNull().default(""),
    archivedAt: ts("archived_at"),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_packages_programme_idx").on(t.programmeId)],
);

/**
 * The coaching side of a relationship. The package's terms are copied in at the start, so
 * a later edit of the package never changes a running engagement; only extensions do.
 */
export const coachingEngagements = pgTable(
  "coaching_engagements",
  {
    relationshipId: uuid("relationship_id")
      .primaryKey()
      .references(() => relationships.id, { onDelete: "cascade" }),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    packageId: uuid("package_id")
      .notNull()
      .references(() => coachingPackages.id),
    packageName: text("package_name").notNull(),
    sessions: integer("sessions").notNull(),
    sessionMinutes: integer("session_minutes").notNull(),
    periodWeeks: integer("period_weeks").notNull(),
    referencePrice: text("reference_price").notNull().default(""),
    costCentre: text("cost_centre").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** Lower-cased. A sponsor is whoever holds this address and an approved sponsor place in the programme. */
    sponsorEmail: text("sponsor_email"),
    coachAgreedAt: ts("coach_agreed_at"),
    coacheeAgreedAt: ts("coachee_agreed_at"),
    sponsorAgreedAt: ts("sponsor_agreed_at"),
    /** When every party had agreed the outcomes: from then on they are fixed. */
    agreedAt: ts("agreed_at"),
    completedAt: ts("completed_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_engagements_programme_idx").on(t.programmeId), index("coaching_engagements_sponsor_idx").on(t.sponsorEmail)],
);

/** A coordinator's recorded extension of one engagement's package. */
export const coachingExtensions = pgTable(
  "coaching_extensions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: engagementId(),
    sessions: integer("sessions").notNull().default(0),
    weeks: integer("weeks").notNull().default(0),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_extensions_relationship_idx").on(t.relationshipId)],
);

/** K coaches offered to one coachee; the coachee picks one, the coach accepts. */
export const coachingShortlists = pgTable(
  "coaching_shortlists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    coacheeEnrolmentId: uuid("coachee_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    packageId: uuid("package_id")
      .notNull()
      .references(() => coachingPackages.id),
    startDate: date("start_date", { mode: "string" }).notNull(),
    sponsorEmail: text("sponsor_email"),
    status: text("status").$type<"open" | "picked" | "withdrawn">().notNull().default("open"),
    /** The engagement the last pick made (it may have been declined since, which reopens the shortlist). */
    relationshipId: uuid("relationship_id").references(() => relationships.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("coaching_shortlists_programme_idx").on(t.programmeId, t.status),
    // One live shortlist per coachee: a new one replaces (withdraws) the old.
    uniqueIndex("coaching_shortlists_one_open").on(t.coacheeEnrolmentId).where(sql`status <> 'withdrawn'`),
  ],
);

export const coachingShortlistEntries = pgTable(
  "coaching_shortlist_entries",
  {
    shortlistId: uuid("shortlist_id")
      .notNull()
      .references(() => coachingShortlists.id, { onDelete: "cascade" }),
    coachEnrolmentId: uuid("coach_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    score: real("score").notNull(),
    factors: jsonb("factors").$type<FactorContribution[]>().notNull(),
    reasons: text("reasons").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.shortlistId, t.coachEnrolmentId] })],
);

/** A short call before choosing a coach: recorded, never counted against a package. */
export const coachingChemistryCalls = pgTable(
  "coaching_chemistry_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shortlistId: uuid("shortlist_id")
      .notNull()
      .references(() => coachingShortlists.id, { onDelete: "cascade" }),
    coachEnrolmentId: uuid("coach_enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    at: ts("at").notNull(),
    minutes: integer("minutes").notNull(),
    status: text("status").$type<"planned" | "held" | "cancelled">().notNull().default("planned"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_chemistry_calls_shortlist_idx").on(t.shortlistId)],
);

/** A programme's session-plan templates; Grove's own are seeded with a key. */
export const coachingPlanTemplates = pgTable(
  "coaching_plan_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    key: text("key"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    entries: jsonb("entries").$type<PlanEntry[]>().notNull(),
    archivedAt: ts("archived_at"),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("coaching_plan_templates_shipped").on(t.programmeId, t.key).where(sql`key is not null`)],
);

/** The coach's plan for one engagement: one entry per session. */
export const coachingSessionPlans = pgTable("coaching_session_plans", {
  relationshipId: uuid("relationship_id")
    .primaryKey()
    .references(() => relationships.id, { onDelete: "cascade" }),
  templateName: text("template_name"),
  entries: jsonb("entries").$type<PlanEntry[]>().notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Work between sessions: the coach sets it, the coachee does it and may answer. */
export const coachingExercises = pgTable(
  "coaching_exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: engagementId(),
    sessionId: uuid("session_id").references(() => pairSessions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    instructions: text("instructions").notNull().default(""),
    dueOn: date("due_on", { mode: "string" }),
    doneAt: ts("done_at"),
    response: text("response").notNull().default(""),
    respondedAt: ts("responded_at"),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_exercises_relationship_idx").on(t.relationshipId, t.doneAt)],
);

/** The summary the coach shares after a session (their private notes stay in pair_notes). */
export const coachingSummaries = pgTable("coaching_summaries", {
  sessionId: uuid("session_id")
    .primaryKey()
    .references(() => pairSessions.id, { onDelete: "cascade" }),
  relationshipId: engagementId(),
  body: text("body").notNull(),
  status: text("status").$type<"draft" | "shared">().notNull().default("draft"),
  sharedAt: ts("shared_at"),
  version: integer("version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const coachingOutcomes = pgTable(
  "coaching_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: engagementId(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    measure: jsonb("measure").$type<Measure>().notNull(),
    direction: text("direction").$type<Direction>().notNull(),
    target: doublePrecision("target"),
    raters: text("raters").array().$type<RaterGroup[]>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_outcomes_relationship_idx").on(t.relationshipId, t.position)],
);

/**
 * One rating of one outcome in one phase by one rater: a person (coach, coachee, sponsor)
 * or a stakeholder through their link. Rating again replaces the value and its time.
 */
export const coachingMeasurements = pgTable(
  "coaching_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    outcomeId: uuid("outcome_id")
      .notNull()
      .references(() => coachingOutcomes.id, { onDelete: "cascade" }),
    relationshipId: engagementId(),
    phase: text("phase").$type<Phase>().notNull(),
    raterGroup: text("rater_group").$type<RaterGroup>().notNull(),
    raterUserId: uuid("rater_user_id").references(() => users.id, { onDelete: "set null" }),
    stakeholderId: uuid("stakeholder_id").references(() => coachingStakeholders.id, { onDelete: "cascade" }),
    value: doublePrecision("value").notNull(),
    recordedAt: ts("recorded_at").notNull().defaultNow(),
  },
  (t) => [
    index("coaching_measurements_outcome_idx").on(t.outcomeId),
    uniqueIndex("coaching_measurements_one_per_rater").on(t.outcomeId, t.phase, sql`coalesce(${t.raterUserId}, ${t.stakeholderId})`),
    check("coaching_measurements_one_rater", sql`(${t.raterUserId} is null) <> (${t.stakeholderId} is null)`),
  ],
);

/** Up to five people who rate the coachee's outcomes through a link, without an account. */
export const coachingStakeholders = pgTable(
  "coaching_stakeholders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: engagementId(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    relation: text("relation").notNull().default(""),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("coaching_stakeholders_email").on(t.relationshipId, t.email)],
);

/** One link sent to one stakeholder for one phase: only the hash of its secret is kept; it works once. */
export const coachingRatingRequests = pgTable(
  "coaching_rating_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: engagementId(),
    stakeholderId: uuid("stakeholder_id")
      .notNull()
      .references(() => coachingStakeholders.id, { onDelete: "cascade" }),
    phase: text("phase").$type<Phase>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("coaching_rating_requests_stakeholder_idx").on(t.stakeholderId, t.phase)],
);
